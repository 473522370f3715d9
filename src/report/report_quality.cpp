// "## 6. Data Quality": one table counting each kind of problem, then the worst few of each kind
// (report_bounds.hpp caps them); every item stays in report.json.
#include <algorithm>
#include <cmath>
#include <iterator>

#include "report/narrative_pick.hpp"
#include "report/report_bounds.hpp"
#include "report/report_sections.hpp"
#include "report/table.hpp"

namespace report {

namespace {

using analysis::FactKind;

/// A kind of problem: the fact kinds it gathers, how its worst facts are found, its wording.
struct ProblemKind {
    std::string_view title;
    std::vector<FactKind> kinds;          ///< the fact kinds it gathers
    std::string_view rank_label;          ///< value ordering each kind's facts, largest first ("" = analysis order)
    std::string_view if_empty;
};

// The shown kinds, in reading order. Claim kinds are split by severity in claim_kinds() below.
const std::vector<ProblemKind>& problem_kinds() {
    static const std::vector<ProblemKind> kinds = {
        {"Skipped, unreadable and duplicate files",
         {FactKind::quality_skipped_files, FactKind::quality_failed_files, FactKind::quality_duplicates, FactKind::quality_same_data},
         "", "No file was skipped, unreadable or duplicated."},
        {"Failed runs and folders", {FactKind::quality_failed_folder, FactKind::quality_failed_run}, "failed rows", "No run failed entirely."},
        {"Failed rows", {FactKind::quality_failed_rows}, "failed rows", "No partially failed table."},
        {"Failed JSON values", {FactKind::quality_failed_values}, "failed values", "None."},
        {"Empty tables", {FactKind::quality_empty_table}, "", "None."},
        {"Cold starts excluded from TTFT statistics", {FactKind::cold_start, FactKind::cold_start_confounded}, "cold calls",
         "No cold start or model reload was detected."},
    };
    return kinds;
}

bool shown_kind(FactKind kind) {
    for (const auto& p : problem_kinds())
        if (std::find(p.kinds.begin(), p.kinds.end(), kind) != p.kinds.end()) return true;
    return false;
}

double rank_value(const analysis::Fact& f, std::string_view label) {
    const auto* v = label.empty() ? nullptr : value_labelled(f, label);
    return v && std::isfinite(v->value) ? v->value : -INFINITY;
}

FactList gather(const analysis::Analysis& a, const ProblemKind& p) {
    FactList out;
    for (const auto& f : a.facts)
        if (std::find(p.kinds.begin(), p.kinds.end(), f.kind) != p.kinds.end()) out.push_back(&f);
    // The group's kinds in their listed order (a failed folder before a failed run), then the
    // largest rank value first.
    auto position = [&](const analysis::Fact* f) { return std::find(p.kinds.begin(), p.kinds.end(), f->kind) - p.kinds.begin(); };
    std::stable_sort(out.begin(), out.end(), [&](const auto* x, const auto* y) {
        if (position(x) != position(y)) return position(x) < position(y);
        return rank_value(*x, p.rank_label) > rank_value(*y, p.rank_label);
    });
    return out;
}

/// The worst `examples_per_kind` facts as bullets, then how many more report.json holds.
std::string worst(const ReportInput& in, const FactList& facts, bool with_sources = false) {
    std::string out;
    std::size_t shown = std::min(facts.size(), kLimits.examples_per_kind);
    for (std::size_t i = 0; i < shown; ++i) {
        out += "- " + clip(shown_statement(in, *facts[i])) + " " + fact_ref(*facts[i]) + "\n";
        if (with_sources && !facts[i]->sources.empty()) out += "  - sources: " + sources_text(facts[i]->sources, 3) + "\n";
    }
    if (std::string more = more_in_json(facts.size() - shown, "of this kind"); !more.empty()) out += "- " + more + "\n";
    return out;
}

std::string section(std::string_view title, const std::string& body, std::string_view if_empty) {
    return "### " + std::string(title) + "\n\n" + (body.empty() ? std::string(if_empty) + "\n" : body) + "\n";
}

// Tables whose failed rows carry a given flag ("successes that are errors"), the worst first.
std::string flagged_rows(const FactList& failures, std::string_view label, std::string_view what) {
    FactList flagged;
    for (const auto* f : failures)
        if (rank_value(*f, label) > 0) flagged.push_back(f);
    if (flagged.empty()) return "";
    std::stable_sort(flagged.begin(), flagged.end(), [&](const auto* x, const auto* y) { return rank_value(*x, label) > rank_value(*y, label); });
    std::vector<std::string> items;
    for (std::size_t i = 0; i < flagged.size() && i < kLimits.examples_per_kind; ++i)
        items.push_back(code(flagged[i]->subject) + " (" + value_labelled(*flagged[i], label)->text + ")");
    std::string more = more_in_json(flagged.size() - items.size(), "tables");
    return "- " + std::string(what) + ": " + join_words(items) + "." + (more.empty() ? "" : " " + more) + "\n";
}

/// Contradicted claims and digests (warning), and those that are caveats or could not be checked.
struct ClaimKinds {
    FactList contradicted, unchecked;
    bool agreements = false;
};

ClaimKinds claim_kinds(const analysis::Analysis& a) {
    ClaimKinds out;
    for (const auto& f : a.facts) {
        auto family = analysis::kind_family(f.kind);
        if (family != analysis::FactFamily::claim && family != analysis::FactFamily::derived) continue;
        bool unchecked = f.kind == FactKind::derived_unmatched || f.kind == FactKind::claim_unverifiable;
        if (f.severity == analysis::Severity::warning) out.contradicted.push_back(&f);
        else if (f.severity == analysis::Severity::notice || unchecked) out.unchecked.push_back(&f);
        else out.agreements = true;
    }
    std::stable_sort(out.contradicted.begin(), out.contradicted.end(),
                     [](const auto* x, const auto* y) { return contradiction_rank(*x) > contradiction_rank(*y); });
    return out;
}

std::string claims_part(const ReportInput& in, const ClaimKinds& claims) {
    std::string body;
    if (!claims.contradicted.empty())
        body += "Contradicted by the raw data (raw data wins), the largest gaps first:\n\n" + worst(in, claims.contradicted, true) + "\n";
    if (!claims.unchecked.empty()) body += "Caveats and claims that could not be checked:\n\n" + worst(in, claims.unchecked) + "\n";
    if (claims.agreements) body += "Digests and claims that agree with the raw data are in `report.json` (severity `info`).\n\n";
    const auto* records = analysis::find_fact(in.analysis, "inventory/records");
    if (const auto* n = records ? value_labelled(*records, "claims") : nullptr)
        body += "The prose of the folder holds " + n->text + " numeric claims " + fact_ref(*records) +
                "; claims that name no measured subject cannot be verified and are not counted as evidence.\n";
    return section("Claims and digests vs raw data", body, "No claim or digest was checked against raw data.");
}

// One row per kind of problem: how many facts report it, and the inventory's own count if any.
std::string counts_table(const ReportInput& in, const std::vector<FactList>& groups, const ClaimKinds& claims) {
    TextTable t{{"problem", "facts", "fact"}, {Align::left, Align::right}, {}, {}};
    auto add = [&](std::string_view what, std::size_t n, const analysis::Fact* cite) {
        if (n) t.rows.push_back({std::string(what), code(std::to_string(n)), cite ? fact_ref(*cite) : ""});
    };
    const auto& kinds = problem_kinds();
    for (std::size_t i = 0; i < kinds.size(); ++i) add(kinds[i].title, groups[i].size(), groups[i].empty() ? nullptr : groups[i].front());
    add("Claims and digests contradicted by raw data", claims.contradicted.size(), claims.contradicted.empty() ? nullptr : claims.contradicted.front());
    add("Claims and digests not checkable, caveats", claims.unchecked.size(), claims.unchecked.empty() ? nullptr : claims.unchecked.front());
    if (t.rows.empty()) return "No data-quality problem was found.\n\n";
    std::string out = "How many facts report each kind of problem (the fact column cites the worst):\n\n" + render_markdown(t) + "\n";
    const auto* files = analysis::find_fact(in.analysis, "inventory/files");
    const auto* records = analysis::find_fact(in.analysis, "inventory/records");
    if (files && records)
        out += "In all, " + text_of(files, "skipped") + " files were skipped, " + text_of(files, "failed") + " unreadable and " +
               text_of(files, "duplicates") + " duplicates; " + text_of(records, "failed rows") + " table rows and " +
               text_of(records, "failed JSON values") + " JSON values failed " + fact_refs({files, records}) + ".\n\n";
    return out;
}

}  // namespace

std::string render_data_quality(const ReportInput& in) {
    const auto& a = in.analysis;
    std::string out = "## 6. Data Quality\n\n";
    out += "Everything below was excluded from the statistics or contradicts the raw data. Failed rows, failed runs "
           "and impossible zeros never enter a mean, median or percentile. Each kind shows its worst few; "
           "`report.json` lists every one.\n\n";
    std::vector<FactList> groups;
    for (const auto& p : problem_kinds()) groups.push_back(gather(a, p));
    ClaimKinds claims = claim_kinds(a);
    out += counts_table(in, groups, claims);
    const auto& kinds = problem_kinds();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (kinds[i].kinds.front() == FactKind::cold_start) continue;  // after the claims, as before
        out += section(kinds[i].title, worst(in, groups[i]), kinds[i].if_empty);
        if (kinds[i].kinds.front() == FactKind::quality_failed_rows) {
            FactList failures = gather(a, {"", {FactKind::quality_failed_run, FactKind::quality_failed_rows}, "", ""});
            std::string flags = flagged_rows(failures, "successes that are errors", "Recorded as successes although the output is an error") +
                                flagged_rows(failures, "rows with impossible zeros", "Zeros recorded where a latency or throughput cannot be zero");
            out += section("Successes that are errors, impossible zeros", flags, "None found.");
        }
    }
    out += claims_part(in, claims);
    FactList other;
    for (const auto* f : facts_of_family(a, analysis::FactFamily::quality))
        if (!shown_kind(f->kind)) other.push_back(f);
    if (!other.empty()) out += section("Other data-quality facts", worst(in, other), "");
    const auto& cold = kinds.back();
    out += section(cold.title, worst(in, groups.back()), cold.if_empty);
    return out;
}

}  // namespace report
