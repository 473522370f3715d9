// The offline narrator's summary prose: executive summary, key findings and conclusion. Sentences
// are templates filled with FactValue texts; a sentence whose facts are absent is left out.
#include "report/narrative.hpp"
#include "report/report_sections.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <map>

#include "report/narrative_pick.hpp"
#include "report/report_bounds.hpp"

namespace report {

namespace {

std::string folder_sentence(const ReportInput& in) {
    const auto* files = analysis::find_fact(in.analysis, "inventory/files");
    if (!files) return "";
    const auto* records = analysis::find_fact(in.analysis, "inventory/records");
    std::string root = in.context.input_root.empty() ? in.corpus.root : in.context.input_root;
    std::string s = "The folder " + (root.empty() ? std::string() : code(root) + " ") + "holds " + text_of(files, "files") +
                    " files (" + text_of(files, "bytes") + "): " + text_of(files, "parsed") + " parsed, " +
                    text_of(files, "skipped") + " skipped as non-data, " + text_of(files, "failed") + " unreadable and " +
                    text_of(files, "duplicates") + " byte-identical duplicates counted once";
    if (records)
        s += "; they hold " + text_of(records, "tables") + " tables with " + text_of(records, "rows") + " rows and " +
             text_of(records, "claims") + " numeric claims in prose";
    return s + " " + fact_refs(records ? FactList{files, records} : FactList{files}) + ".";
}

std::string throughput_sentence(const ReportInput& in) {
    if (const auto* r = pick_ranking(in.analysis)) {
        auto e = ranking_entries(*r);
        const auto& top = e.front();
        const auto& bottom = e.back();
        std::string lead = subject_phrase(top.name);
        lead[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lead[0])));
        return lead + " leads the throughput ranking at " + top.median->text + " median over " +
               (top.calls ? top.calls->text + " " : "") + "successful calls" +
               (top.weighted ? " (token-weighted " + top.weighted->text + ")" : "") + ", and " + subject_phrase(bottom.name) +
               " is slowest at " + bottom.median->text + " " + fact_ref(*r) + ".";
    }
    if (const auto* s = pick_best_sweep(in.analysis, true))
        return "The fastest configuration measured is " + config_code(s->scope.cell) + " in " +
               subject_phrase(s->subject) + " at " + s->values[0].text + " " + fact_ref(*s) + ".";
    return "";
}

std::string failure_sentence(const ReportInput& in) {
    const auto* records = analysis::find_fact(in.analysis, "inventory/records");
    const auto* failed = records ? value_labelled(*records, "failed rows") : nullptr;
    FactList folders = facts_of_kind(in.analysis, analysis::FactKind::quality_failed_folder);
    if (!failed) return "";
    if (failed->value == 0 && folders.empty()) return "No table row failed " + fact_ref(*records) + ".";
    std::string s = failed->text + " of " + text_of(records, "rows") + " table rows failed and are excluded from every statistic";
    FactList cited{records};
    if (!folders.empty()) {
        std::vector<std::string> names;
        for (const auto* f : folders) names.push_back(f->subject);
        for (std::size_t i = 0; i < folders.size() && i < 3; ++i) cited.push_back(folders[i]);
        s += "; every row failed in the run folder" + std::string(folders.size() > 1 ? "s " : " ") + some_names(names, 3);
    }
    return s + " " + fact_refs(cited) + ".";
}

std::string cold_sentence(const ReportInput& in) {
    const auto* c = pick_cold_start(in.analysis);
    if (!c) return "";
    std::string s = "Cold starts dominate TTFT: in " + code(c->subject) + ", " + text_of(c, "cold calls") + " of " +
                    text_of(c, "calls") + " calls are cold starts or reloads (up to " + text_of(c, "max cold TTFT") +
                    "), which lifts the mean TTFT to " + text_of(c, "mean TTFT with cold calls") +
                    " against a warm median of " + text_of(c, "median warm TTFT") + " " + fact_ref(*c) + ".";
    if (const auto* k = pick_confounded(in.analysis, c)) {
        std::string level = confounded_level(*k);
        s += " All " + text_of(k, "reloads at this level") + " reloads in " + code(k->subject) + " fall on " +
             (level.empty() ? std::string("one setting") : code(level)) +
             ", so that setting's higher TTFT is reload order, not a parameter effect " + fact_ref(*k) + ".";
    }
    return s;
}

std::string contradiction_sentence(const ReportInput& in) {
    std::vector<std::string> cases;
    for (auto family : {analysis::FactFamily::claim, analysis::FactFamily::derived})
        if (const auto* f = biggest_contradiction(contradictions_of(in.analysis, family)))
            cases.push_back(contradiction_summary(in, *f) + " " + fact_ref(*f));
    if (cases.empty()) return "";
    std::string s = "Prose and digests in the folder disagree with the raw data (raw data wins): ";
    for (std::size_t i = 0; i < cases.size(); ++i) s += (i ? "; " : "") + cases[i];
    return s + " (Data Quality lists every contradiction).";
}

// The documents with the most contradicted numbers, most first: the ones not to trust as written.
std::string distrust_sentence(const ReportInput& in) {
    std::map<std::string, std::size_t> per_file;
    std::vector<std::string> order;
    for (const auto* f : contradictions(in.analysis)) {
        if (f->sources.empty()) continue;
        if (per_file[f->sources.front().file]++ == 0) order.push_back(f->sources.front().file);
    }
    if (order.empty()) return "";
    std::stable_sort(order.begin(), order.end(), [&](const auto& x, const auto& y) { return per_file[x] > per_file[y]; });
    return "Documents not to trust as written, the most contradicted first: " + some_names(order, 3) + ".";
}

// The sweep with the largest spread between its fastest and slowest configuration, throughput
// sweeps first (as every other pick of the narrator).
std::string effect_sentence(const ReportInput& in) {
    FactList sweeps = facts_of_kind(in.analysis, analysis::FactKind::sweep_range), throughput;
    std::copy_if(sweeps.begin(), sweeps.end(), std::back_inserter(throughput), [](const auto* f) { return is_throughput_fact(*f); });
    const auto* best = max_by_value(throughput.empty() ? sweeps : throughput, "spread");
    if (!best || best->values.size() < 2) return "";
    return "The largest setting effect measured: in " + subject_phrase(best->subject) + ", " +
           config_code(best->scope.cell) + " gives " + best->values[0].text + " and " +
           config_code(best->scope.contrast) + " " + best->values[1].text + " (" + text_of(best, "spread") +
           " apart) " + fact_ref(*best) + ".";
}

std::string noise_sentence(const ReportInput& in) {
    const auto* noise = pick_single_run_noise(in.analysis);
    if (!noise) return "";
    const auto* range = range_of_noise(in.analysis, *noise);
    std::string where = range ? " of " + subject_phrase(range->subject) : "";
    return "Each configuration of the sweep" + where + " ran once, so its " + text_of(noise, "spread") +
           " spread cannot be separated from run-to-run noise " + fact_ref(*noise) + ".";
}


// The main experiment in one sentence: its design and, by its first key metric, the best and worst
// cell and whether the margin exceeds the noise.
std::string design_sentence(const ReportInput& in) {
    const auto order = ranked_datasets(in);
    if (order.empty()) return "";
    const analysis::Dataset& ds = *order.front();
    const analysis::Fact* design = nullptr;
    const analysis::Fact* best = nullptr;
    for (const auto& f : in.analysis.facts) {
        if (f.scope.dataset != ds.id) continue;
        if (f.kind == analysis::FactKind::design_dataset) design = &f;
        if (f.kind == analysis::FactKind::design_best && !best) best = &f;
    }
    if (!design) return "";
    // "Dataset `x`: ..." reads as "Main dataset `x`: ...".
    const std::string& st = design->statement;
    std::string s = (st.rfind("Dataset ", 0) == 0 ? "Main dataset " + st.substr(8) : "Main dataset: " + st) + " " + fact_ref(*design);
    if (best && best->values.size() >= 3)
        s += " By " + code(best->scope.metric) + ", best " + config_code(best->scope.cell) + " at " + best->values[0].text + ", worst " +
             config_code(best->scope.contrast) + " at " + best->values[1].text + "; margin over the runner-up " + best->values[2].text +
             (best->severity == analysis::Severity::notice ? ", beyond the noise " : ", not shown to exceed the noise ") + fact_ref(*best) + ".";
    if (in.analysis.datasets.size() > 1) s += " " + more_in_json(in.analysis.datasets.size() - 1, "other datasets");
    return s;
}

// Runs that lost requests, from the runs' own counts.
std::string failed_requests_sentence(const ReportInput& in) {
    std::vector<std::string> parts;
    for (const auto* f : facts_of_kind(in.analysis, analysis::FactKind::design_failed_requests))
        if (f->severity == analysis::Severity::warning) parts.push_back(f->statement + " " + fact_ref(*f));
    if (parts.empty()) return "";
    return parts.front() + (parts.size() > 1 ? " " + more_in_json(parts.size() - 1, "datasets with failed requests") : "");
}

}  // namespace

std::string render_executive_summary(const ReportInput& in) {
    // Importance decides the order, not the section a sentence comes from (docs/report-schema.md):
    // what the folder is, what not to trust, failures that change a conclusion, then the largest
    // effects and their caveats. Failures weigh more the larger their share of the rows.
    const auto* records = analysis::find_fact(in.analysis, "inventory/records");
    const auto* failed = records ? value_labelled(*records, "failed rows") : nullptr;
    const auto* rows = records ? value_labelled(*records, "rows") : nullptr;
    double failed_share = failed && rows && rows->value > 0 ? failed->value / rows->value : 0;
    std::vector<std::pair<double, std::string>> points = {
        {100, folder_sentence(in)},
        {95, design_sentence(in)},
        {85, failed_requests_sentence(in)},
        {90, contradiction_sentence(in)},
        {88, distrust_sentence(in)},
        {failed_share > 0 || !facts_of_kind(in.analysis, analysis::FactKind::quality_failed_folder).empty() ? 70 + 25 * failed_share : 10,
         failure_sentence(in)},
        {80, throughput_sentence(in)},
        {75, cold_sentence(in)},
        {65, effect_sentence(in)},
        {60, noise_sentence(in)},
    };
    std::stable_sort(points.begin(), points.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    std::string out = "## 1. Executive Summary\n\n";
    std::size_t shown = 0;
    for (const auto& [importance, sentence] : points)
        if (!sentence.empty() && shown < kLimits.summary_bullets) {
            out += "- " + clip(sentence, kLimits.long_statement_chars) + "\n";
            ++shown;
        }
    if (shown == 0) return out + "The analysis produced no facts, so there is nothing to summarise.\n\n";
    return out + "\n";
}

std::string render_key_findings(const ReportInput& in) {
    std::string out = "## 4. Key Findings\n\n";
    FactList chosen = key_findings(in.analysis);
    if (chosen.size() > kLimits.key_findings) chosen.resize(kLimits.key_findings);
    if (chosen.empty()) return out + "No finding: the analysis produced no ranking, sweep, comparison or data-quality fact.\n\n";
    for (std::size_t i = 0; i < chosen.size(); ++i)
        out += std::to_string(i + 1) + ". " + clip(shown_statement(in, *chosen[i])) + " " + fact_ref(*chosen[i]) + "\n";
    return out + "\nPerformance Analysis and Data Quality show more; `report.json` holds every fact.\n\n";
}

std::string render_conclusion(const ReportInput& in) {
    std::vector<std::string> s;
    if (const auto* r = pick_ranking(in.analysis)) {
        auto top = ranking_entries(*r).front();
        const auto* noise = pick_single_run_noise(in.analysis);
        s.push_back("On throughput, " + subject_phrase(top.name) + " is the measured leader at " + top.median->text + " " + fact_ref(*r) +
                    (noise ? ", but single-run sweeps cannot yet rank the settings within a model " + fact_ref(*noise) : std::string()) + ".");
    }
    if (const auto* c = pick_cold_start(in.analysis))
        s.push_back("On TTFT, warm-up handling comes first: cold calls reach " + text_of(c, "max cold TTFT") +
                    " while the warm median is " + text_of(c, "median warm TTFT") + " " + fact_ref(*c) + ".");
    const auto* records = analysis::find_fact(in.analysis, "inventory/records");
    if (records && value_labelled(*records, "failed rows")) {
        bool contradicted = !contradictions(in.analysis).empty();
        s.push_back("On quality, " + text_of(records, "failed rows") + " failed rows and " + text_of(records, "failed JSON values") +
                    " failed JSON values were kept out of the statistics" +
                    (contradicted ? " and narrative claims contradict the raw data" : "") +
                    "; rerun and regenerate those before comparing folders " + fact_ref(*records) + ".");
    }
    std::string out = "## Conclusion\n\n";
    if (s.empty()) return out + "The folder holds no data the analysis could measure.\n\n";
    for (std::size_t i = 0; i < s.size(); ++i) out += (i ? " " : "") + s[i];
    return out + "\n\n";
}

}  // namespace report
