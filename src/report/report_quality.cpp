// "## 6. Data Quality": everything the statistics excluded and everything the raw data
// contradicts, grouped by what went wrong, each with its counts, error texts and sources.
#include <algorithm>
#include <cmath>
#include <iterator>

#include "report/report_sections.hpp"

namespace report {

namespace {

// Quality kinds with a subsection of their own; any other quality.* kind goes under "Other".
constexpr std::string_view kShownKinds[] = {"quality.skipped_files", "quality.failed_files", "quality.duplicates",
                                            "quality.same_data",     "quality.failed_folder", "quality.failed_run",
                                            "quality.failed_rows",   "quality.failed_values", "quality.empty_table"};

std::string bullets(const ReportInput& in, const FactList& facts, bool with_sources = false) {
    std::string out;
    for (const auto* f : facts) {
        out += "- " + shown_statement(in, *f) + " " + fact_ref(*f) + "\n";
        if (with_sources && !f->sources.empty()) out += "  - sources: " + sources_text(f->sources) + "\n";
        for (const auto& w : f->warnings) out += "  - note: " + w + "\n";
    }
    return out;
}

FactList concat(FactList a, const FactList& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// Tables whose failed rows carry a given flag ("successes that are errors"), with the count.
std::string flagged_rows(const FactList& failures, std::string_view label, std::string_view what) {
    std::vector<std::string> items;
    for (const auto* f : failures) {
        const auto* v = value_labelled(*f, label);
        if (v && std::isfinite(v->value) && v->value > 0) items.push_back(code(f->subject) + " (" + v->text + ")");
    }
    if (items.empty()) return "";
    return "- " + std::string(what) + ": " + join_words(items) + ".\n";
}

std::string section(const std::string& title, const std::string& body, const std::string& if_empty) {
    return "### " + title + "\n\n" + (body.empty() ? if_empty + "\n" : body) + "\n";
}

// Agreements are evidence, not problems: they stay in the appendix. Shown here: contradictions,
// caveats (notice) and whatever could not be checked.
std::string claims_part(const ReportInput& in) {
    FactList contradicted, caveats;
    bool agreements = false;
    for (const auto* f : concat(facts_with_kind_prefix(in.analysis, "claim"), facts_with_kind_prefix(in.analysis, "derived"))) {
        bool unchecked = f->kind.find("unmatched") != std::string::npos || f->kind.find("unverif") != std::string::npos;
        if (f->severity == analysis::Severity::warning) contradicted.push_back(f);
        else if (f->severity == analysis::Severity::notice || unchecked) caveats.push_back(f);
        else agreements = true;
    }
    std::string body;
    if (!contradicted.empty()) body += "Contradicted by the raw data (raw data wins):\n\n" + bullets(in, contradicted, true) + "\n";
    if (!caveats.empty()) body += "Caveats and claims that could not be checked:\n\n" + bullets(in, caveats) + "\n";
    if (agreements) body += "Digests that agree with the raw data are listed in the appendix (severity `info`).\n\n";
    const auto* records = analysis::find_fact(in.analysis, "inventory/records");
    const auto* claims = records ? value_labelled(*records, "claims") : nullptr;
    if (claims) {
        body += "The prose of the folder holds " + claims->text + " numeric claims " + fact_ref(*records) +
                "; claims that name no measured subject cannot be verified and are not counted as evidence.\n";
    }
    return section("Claims and digests vs raw data", body, "No claim or digest was checked against raw data.");
}

}  // namespace

std::string render_data_quality(const ReportInput& in) {
    const auto& a = in.analysis;
    std::string out = "## 6. Data Quality\n\n";
    out += "Everything below was excluded from the statistics or contradicts the raw data. Failed rows, failed runs "
           "and impossible zeros never enter a mean, median or percentile.\n\n";
    FactList files = concat(concat(facts_of_kind(a, "quality.skipped_files"), facts_of_kind(a, "quality.failed_files")),
                            concat(facts_of_kind(a, "quality.duplicates"), facts_of_kind(a, "quality.same_data")));
    out += section("Files", bullets(in, files), "No file was skipped, unreadable or duplicated.");
    FactList runs = concat(facts_of_kind(a, "quality.failed_folder"), facts_of_kind(a, "quality.failed_run"));
    out += section("Failed runs and folders", bullets(in, runs), "No run failed entirely.");
    FactList rows = facts_of_kind(a, "quality.failed_rows");
    out += section("Failed rows", bullets(in, rows), "No partially failed table.");
    FactList failures = concat(facts_of_kind(a, "quality.failed_run"), rows);
    std::string flags = flagged_rows(failures, "successes that are errors", "Recorded as successes although the output is an error") +
                        flagged_rows(failures, "rows with impossible zeros", "Zeros recorded where a latency or throughput cannot be zero");
    out += section("Successes that are errors, impossible zeros", flags, "None found.");
    out += section("Failed JSON values", bullets(in, facts_of_kind(a, "quality.failed_values")), "None.");
    out += section("Empty tables", bullets(in, facts_of_kind(a, "quality.empty_table")), "None.");
    out += claims_part(in);
    FactList other;
    for (const auto* f : facts_with_kind_prefix(a, "quality."))
        if (std::find(std::begin(kShownKinds), std::end(kShownKinds), f->kind) == std::end(kShownKinds)) other.push_back(f);
    if (!other.empty()) out += section("Other data-quality facts", bullets(in, other), "");
    out += section("Cold starts excluded from TTFT statistics",
                   bullets(in, concat(facts_of_kind(a, "cold_start"), facts_of_kind(a, "cold_start.confounded"))),
                   "No cold start or model reload was detected.");
    return out;
}

}  // namespace report
