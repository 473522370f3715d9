// "## 5. Recommendations": exactly three recommendations and a risk / mitigation table. Each
// candidate is a function of the facts; the first three that apply are written, in a fixed order
// that balances throughput, TTFT and data quality, with fallbacks that need fewer facts.
#include <optional>

#include "report/narrative.hpp"
#include "report/narrative_pick.hpp"
#include "report/report_bounds.hpp"
#include "report/report_tools.hpp"
#include "report/table.hpp"

namespace report {

namespace {

struct Recommendation {
    std::string title;
    std::string body;
    FactList evidence;
};
using Candidate = std::optional<Recommendation> (*)(const ReportInput&);

const analysis::Fact* sweep_of(const analysis::Analysis& a, const std::string& subject_prefix) {
    for (const auto* f : facts_of_kind(a, analysis::FactKind::sweep_range))
        if (is_throughput_fact(*f) && f->subject.rfind(subject_prefix + " (", 0) == 0) return f;
    return nullptr;
}

std::string sweep_clause(const ReportInput& in, const analysis::Fact& s, FactList& evidence) {
    evidence.push_back(&s);
    std::string out = " Within its sweep " + config_code(s.scope.cell) + " was fastest at " + s.values[0].text +
                      " and " + config_code(s.scope.contrast) + " slowest at " + text_of(&s, s.values[1].label) +
                      " (" + text_of(&s, "spread") + " apart over " + text_of(&s, "configurations") + " configurations)";
    const auto* noise = analysis::find_fact(in.analysis, "sweep-noise" + s.id.substr(s.id.find('/')));
    if (noise && noise->severity == analysis::Severity::warning) {
        evidence.push_back(noise);
        out += "; each configuration ran once, so treat that spread as noise until the sweep is repeated";
    } else if (noise && value_labelled(*noise, "p-value")) {
        evidence.push_back(noise);
        out += "; best vs worst Mann-Whitney U p = " + text_of(noise, "p-value");
    }
    return out + ".";
}

std::optional<Recommendation> throughput(const ReportInput& in) {
    Recommendation r{"Adopt the fastest measured model and setting for throughput-bound work.", "", {}};
    if (const auto* rank = pick_ranking(in.analysis)) {
        auto e = ranking_entries(*rank);
        r.evidence.push_back(rank);
        r.body = "Serve with " + subject_phrase(e.front().name) + ": median " + e.front().median->text +
                 (e.front().calls ? " over " + e.front().calls->text + " successful calls" : "") +
                 (e.front().weighted ? ", token-weighted " + e.front().weighted->text : "") + ", against " +
                 e.back().median->text + " for " + subject_phrase(e.back().name) + ".";
        if (const auto* s = sweep_of(in.analysis, e.front().name)) r.body += sweep_clause(in, *s, r.evidence);
        return r;
    }
    if (const auto* s = pick_best_sweep(in.analysis, true)) {
        r.body = "In the sweep of " + subject_phrase(s->subject) + ", use the fastest configuration.";
        r.body += sweep_clause(in, *s, r.evidence);
        return r;
    }
    return std::nullopt;
}

std::optional<Recommendation> cold_starts(const ReportInput& in) {
    const auto* c = pick_cold_start(in.analysis);
    if (!c) return std::nullopt;
    Recommendation r{"Separate cold starts from TTFT: warm up and keep the model resident.", "", {c}};
    r.body = std::string(has_ollama_fields(in.analysis)
                             ? "Send one warm-up request after every model load or `num_ctx` / `num_gpu` change, keep the model "
                               "loaded (Ollama `keep_alive`), and report cold calls apart from warm ones."
                             : "Send one warm-up request after every model load or configuration change, keep the model "
                               "loaded between calls, and report cold calls apart from warm ones.") +
             " In " + code(c->subject) + ", " +
             text_of(c, "cold calls") + " of " + text_of(c, "calls") + " calls were cold (up to " + text_of(c, "max cold TTFT") +
             "), lifting the mean TTFT to " + text_of(c, "mean TTFT with cold calls") + " against a warm median of " +
             text_of(c, "median warm TTFT") + " (warm p95 " + text_of(c, "p95 warm TTFT") + ").";
    if (const auto* k = pick_confounded(in.analysis, c)) {
        r.evidence.push_back(k);
        std::string level = confounded_level(*k);
        r.body += " Do not read a latency effect into " + (level.empty() ? std::string("the setting") : code(level)) +
                  ": its higher TTFT in " + code(k->subject) + " is reload order (" + text_of(k, "mean TTFT of those reloads") +
                  " on reloads).";
    }
    return r;
}

std::optional<Recommendation> data_quality(const ReportInput& in) {
    const auto* records = analysis::find_fact(in.analysis, "inventory/records");
    const auto* failed = records ? value_labelled(*records, "failed rows") : nullptr;
    const auto* failed_values = records ? value_labelled(*records, "failed JSON values") : nullptr;
    FactList folders = facts_of_kind(in.analysis, analysis::FactKind::quality_failed_folder);
    FactList contra = contradictions(in.analysis);
    bool any_failed = (failed && failed->value > 0) || (failed_values && failed_values->value > 0);
    if (!any_failed && folders.empty() && contra.empty()) return std::nullopt;
    Recommendation r{"Fix the data before trusting averages: rerun failed runs, drop failures, regenerate digests.", "", {}};
    if (records) {
        r.evidence.push_back(records);
        r.body = text_of(records, "failed rows") + " of " + text_of(records, "rows") + " rows and " +
                 text_of(records, "failed JSON values") + " JSON values are failures (connection errors, errors recorded as "
                 "successes, impossible zeros); never let them into a mean.";
    }
    if (!folders.empty()) {
        std::vector<std::string> names;
        for (const auto* f : folders) names.push_back(f->subject);
        for (std::size_t i = 0; i < folders.size() && i < 3; ++i) r.evidence.push_back(folders[i]);
        r.body += " Rerun the run folders in which every row failed: " + some_names(names, 3) + ".";
    }
    if (!contra.empty()) {
        const auto* big = biggest_contradiction(contra);
        r.evidence.push_back(big);
        r.body += " Regenerate digests and reports from the raw data instead of editing numbers by hand: " +
                  contradiction_summary(in, *big) + ".";
    }
    return r;
}

std::optional<Recommendation> repeat_runs(const ReportInput& in) {
    const auto* noise = pick_single_run_noise(in.analysis);
    if (!noise) return std::nullopt;
    const auto* range = range_of_noise(in.analysis, *noise);
    return Recommendation{"Repeat each sweep configuration before choosing settings.",
                          "Each configuration" + (range ? " of " + subject_phrase(range->subject) : std::string()) + " ran once, so its " +
                              text_of(noise, "spread") + " spread cannot be told from noise. Repeat every configuration, "
                              "alternating them, and choose only differences a Mann-Whitney test separates.",
                          {noise}};
}

std::optional<Recommendation> fastest_latency(const ReportInput& in) {
    for (const auto* f : facts_of_kind(in.analysis, analysis::FactKind::comparison)) {
        if (f->values.empty() || f->values[0].quantity != model::Quantity::time) continue;
        return Recommendation{"Use the lowest-latency level for latency-bound work.", clip(shown_statement(in, *f)), {f}};
    }
    return std::nullopt;
}

std::optional<Recommendation> ttft_config(const ReportInput& in) {
    const auto* s = pick_best_sweep(in.analysis, false);
    if (!s) return std::nullopt;
    return Recommendation{"Prefer the lowest-TTFT configuration among warm calls.", clip(shown_statement(in, *s)), {s}};
}

std::optional<Recommendation> raw_metrics(const ReportInput& in) {
    Recommendation r{"Record raw per-call metrics with units in every run.",
                     has_ollama_fields(in.analysis)
                         ? "Store TTFT, `eval_count`, `eval_duration`, `load_duration` and the error text of every call, so "
                           "that failures are recognisable, cold starts can be separated and rates can be token-weighted."
                         : "Store TTFT, generated tokens, decode time, model load time and the error text of every call, "
                           "so that failures are recognisable, cold starts can be separated and rates can be token-weighted.",
                     {}};
    if (const auto* records = analysis::find_fact(in.analysis, "inventory/records")) {
        r.body += " This folder yielded " + text_of(records, "rows") + " rows in " + text_of(records, "tables") + " tables.";
        r.evidence.push_back(records);
    }
    return r;
}

// The last two need no fact, so three recommendations always exist.
std::optional<Recommendation> alternate_runs(const ReportInput&) {
    return Recommendation{"Alternate configurations and repeat runs.",
                          "Run configurations in interleaved order (A B A B) with several repeats each, so that reload "
                          "order, thermal drift and noise do not masquerade as parameter effects.",
                          {}};
}

std::optional<Recommendation> verify_prose(const ReportInput&) {
    return Recommendation{"Check every number in written reports against the raw data.",
                          "Generate digests from the measurements, cite the fact behind each number, and run the narrative "
                          "check on any LLM-written text before publishing it.",
                          {}};
}

constexpr Candidate kCandidates[] = {throughput,  cold_starts, data_quality,   repeat_runs,
                                     fastest_latency, ttft_config, raw_metrics, alternate_runs, verify_prose};

}  // namespace

std::string render_recommendations(const ReportInput& in) {
    std::vector<Recommendation> chosen;
    for (auto candidate : kCandidates) {
        if (chosen.size() == 3) break;
        if (auto r = candidate(in)) chosen.push_back(std::move(*r));
    }
    std::string out = "## 5. Recommendations\n\n";
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const auto& r = chosen[i];
        out += std::to_string(i + 1) + ". **" + r.title + "** " + r.body;
        if (!r.evidence.empty()) out += " Evidence: " + fact_refs(r.evidence) + ".";
        out += "\n";
    }
    return out + "\n" + render_risks(in);
}

}  // namespace report
