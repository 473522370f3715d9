// The risk / mitigation table of section 5: one candidate row per risk the facts show, then two
// generic rows (scope and narrative drift) so the table always has at least two rows.
#include <optional>

#include "report/narrative.hpp"
#include "report/narrative_pick.hpp"
#include "report/report_tools.hpp"
#include "report/table.hpp"

namespace report {

namespace {

constexpr std::size_t kMaxRisks = 6;

using Risk = std::vector<std::string>;  ///< risk, evidence, mitigation
using RiskCandidate = std::optional<Risk> (*)(const ReportInput&);

std::optional<Risk> noise(const ReportInput& in) {
    const auto* f = pick_single_run_noise(in.analysis);
    if (!f) return std::nullopt;
    return Risk{"The fastest sweep setting is a noise artefact.",
                text_of(f, "spread") + " spread with one run per configuration " + fact_ref(*f),
                "Repeat each configuration; act only on differences a Mann-Whitney test separates."};
}

std::optional<Risk> cold(const ReportInput& in) {
    const auto* f = pick_cold_start(in.analysis);
    if (!f) return std::nullopt;
    return Risk{"Mean TTFT overstates the latency users see once the model is warm.",
                "mean " + text_of(f, "mean TTFT with cold calls") + " with cold calls vs warm median " +
                    text_of(f, "median warm TTFT") + " " + fact_ref(*f),
                has_ollama_fields(in.analysis) ? "Warm-up call and Ollama `keep_alive`; report cold and warm TTFT separately."
                                               : "Warm-up call and a resident model; report cold and warm TTFT separately."};
}

std::optional<Risk> confounded(const ReportInput& in) {
    const auto* f = pick_confounded(in.analysis, pick_cold_start(in.analysis));
    if (!f) return std::nullopt;
    std::string level = confounded_level(*f);
    return Risk{"A setting is blamed for the cost of model reloads.",
                "all " + text_of(f, "reloads at this level") + " reloads on " + (level.empty() ? "one level" : code(level)) + " " +
                    fact_ref(*f),
                "Randomise run order and warm up after every configuration change."};
}

std::optional<Risk> failures(const ReportInput& in) {
    const auto* r = analysis::find_fact(in.analysis, "inventory/records");
    const auto* v = r ? value_labelled(*r, "failed rows") : nullptr;
    if (!v || v->value <= 0) return std::nullopt;
    return Risk{"Failed calls recorded as zeros or successes drag averages down.",
                v->text + " failed rows and " + text_of(r, "failed JSON values") + " failed JSON values " + fact_ref(*r),
                "Filter on error fields and impossible zeros; rerun failed folders."};
}

std::optional<Risk> contradicted(const ReportInput& in) {
    auto all = contradictions(in.analysis);
    if (all.empty()) return std::nullopt;
    const auto* f = biggest_contradiction(all);
    return Risk{"Digests and reports in the folder quote numbers the raw data contradicts.",
                contradiction_summary(in, *f) + " " + fact_ref(*f),
                "Regenerate digests from raw data and cite the facts behind each number."};
}

std::optional<Risk> scope(const ReportInput& in) {
    const auto* f = analysis::find_fact(in.analysis, "inventory/files");
    return Risk{"Conclusions may not transfer beyond this folder's hardware, models and prompts.",
                f ? text_of(f, "parsed") + " parsed files " + fact_ref(*f) : std::string("no inventory fact"),
                "Re-measure on the target deployment before committing to a configuration."};
}

std::optional<Risk> drift(const ReportInput& in) {
    const auto* f = analysis::find_fact(in.analysis, "inventory/records");
    return Risk{"Narrative text drifts from the data.",
                f ? text_of(f, "claims") + " numeric claims in prose " + fact_ref(*f) : std::string("no inventory fact"),
                "Every number in this report is checked against the facts; run the same check on LLM phrasing."};
}

constexpr RiskCandidate kRisks[] = {noise, cold, confounded, failures, contradicted, scope, drift};

}  // namespace

std::string render_risks(const ReportInput& in) {
    TextTable t{{"risk", "evidence", "mitigation"}, {}, {}, {}};
    std::vector<Risk> specific, generic;
    for (auto candidate : kRisks)
        if (auto r = candidate(in)) (candidate == scope || candidate == drift ? generic : specific).push_back(*r);
    for (auto& r : specific)
        if (t.rows.size() + 2 <= kMaxRisks) t.rows.push_back(std::move(r));
    for (auto& r : generic)
        if (t.rows.size() < 2 || t.rows.size() < kMaxRisks) t.rows.push_back(std::move(r));
    return "### Risks and mitigations\n\n" + render_markdown(t) + "\n";
}

}  // namespace report
