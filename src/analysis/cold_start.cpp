#include "analysis/cold_start.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/comparison.hpp"
#include "analysis/select.hpp"
#include "stats/percentile.hpp"
#include "stats/summary.hpp"

namespace analysis {

namespace {

constexpr double kColdFactor = 5.0;
constexpr double kColdMinExcess_s = 0.2;

// The warm baseline is the lower quartile, not the median: in a sweep that reloads on every
// second call, half the calls are cold and the median would hide them.
double warm_baseline(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    return stats::percentile_unsorted(v, 0.25);
}

// The dimensions whose change triggers an Ollama reload: settings and the model itself.
std::vector<std::size_t> trigger_dims(const Frame& f) {
    std::vector<std::size_t> out;
    for (std::size_t d = 0; d < f.dim_names.size(); ++d)
        if (f.dim_is_setting[d] || is_subject_dimension(f.dim_names[d])) out.push_back(d);
    return out;
}

// Whether a trigger dimension differs from the previous row.
bool settings_changed(const Frame& f, const std::vector<std::size_t>& triggers, std::size_t r) {
    if (r == 0) return false;
    for (std::size_t d : triggers)
        if (f.code(f.rows[r], d) != f.code(f.rows[r - 1], d)) return true;
    return false;
}

// Marks the cold rows among rows [from, to): `baseline` is their warm TTFT baseline; the
// first successful row of the range is the first call of its run.
void mark_range(Frame& f, std::size_t from, std::size_t to, int ttft, int load, double baseline) {
    bool first = true;
    for (std::size_t r = from; r < to; ++r) {
        auto& row = f.rows[r];
        if (row.failed) continue;
        const bool is_first = first;
        first = false;
        double t = f.value(row, static_cast<std::size_t>(ttft));
        if (!std::isfinite(t) || t < kColdFactor * baseline || t - baseline < kColdMinExcess_s) continue;
        double l = load >= 0 ? f.value(row, static_cast<std::size_t>(load)) : std::nan("");
        // Load-dominated, or the first call of a run without a load column.
        if ((std::isfinite(l) && l >= 0.5 * t) || is_first) row.cold = true;
    }
}

}  // namespace

void mark_cold_starts(Frame& f) {
    int ttft = ttft_measure(f);
    if (ttft < 0) return;
    int load = load_measure(f);
    if (f.files.empty()) {
        double baseline = warm_baseline(values_of(f, ttft, Rows::ok));
        if (std::isfinite(baseline)) mark_range(f, 0, f.rows.size(), ttft, load, baseline);
        return;
    }
    // A dataset pooled from several files (docs/design.md "Cold starts across files"): each file is
    // a run with its own first call, judged against its own warm calls, never against another
    // configuration's.
    std::vector<double> values;
    for (std::size_t from = 0; from < f.rows.size();) {
        std::size_t to = from;
        while (to < f.rows.size() && f.rows[to].file == f.rows[from].file) ++to;
        values.clear();
        for (std::size_t r = from; r < to; ++r) {
            double t = f.value(f.rows[r], static_cast<std::size_t>(ttft));
            if (!f.rows[r].failed && std::isfinite(t)) values.push_back(t);
        }
        if (values.size() >= 2) mark_range(f, from, to, ttft, load, warm_baseline(values));
        from = to;
    }
}

namespace {

// Does every cold row of a sweep sit at one level of some dimension? Then that dimension's TTFT
// "effect" is the reload order, not the parameter.
void add_confound_facts(const Frame& f, int ttft, std::vector<Fact>& facts) {
    std::size_t cold_total = 0;
    for (const auto& row : f.rows) cold_total += row.cold;
    if (cold_total < 2) return;
    const std::vector<std::size_t> triggers = trigger_dims(f);
    for (std::size_t d = 0; d < f.dim_names.size(); ++d) {
        // Cold and total rows per dimension code; codes are the distinct texts of the dimension.
        const auto& texts = f.dim_values[d];
        std::vector<std::pair<std::size_t, std::size_t>> by_code(texts.size());  // cold, total
        for (const auto& row : f.rows) {
            if (row.failed) continue;
            auto& c = by_code[f.code(row, d)];
            c.first += row.cold;
            ++c.second;
        }
        std::vector<std::uint32_t> levels;  // codes with rows, in text order
        for (std::uint32_t code = 0; code < by_code.size(); ++code)
            if (by_code[code].second > 0) levels.push_back(code);
        if (levels.size() < 2) continue;
        std::sort(levels.begin(), levels.end(), [&](std::uint32_t a, std::uint32_t b) { return texts[a] < texts[b]; });
        for (const std::uint32_t code : levels) {
            const auto& counts = by_code[code];
            const std::string& level = texts[code];
            if (counts.first != cold_total) continue;
            std::vector<double> with, without;
            for (const auto& row : f.rows) {
                if (row.failed || f.code(row, d) != code) continue;
                (row.cold ? with : without).push_back(f.value(row, static_cast<std::size_t>(ttft)));
            }
            Fact fact;
            fact.kind = FactKind::cold_start_confounded;
            fact.severity = Severity::warning;
            fact.subject = f.label;
            fact.id = "cold-start-confounded/" + f.id + "/" + slug(f.dim_names[d]);
            fact.scope.dataset = f.id;
            fact.scope.metric = f.measures[static_cast<std::size_t>(ttft)].name;
            fact.scope.factor = f.dim_names[d];
            fact.scope.level = level;
            bool after_change = true;
            for (std::size_t r = 1; r < f.rows.size(); ++r)
                if (f.rows[r].cold && !settings_changed(f, triggers, r)) after_change = false;
            const std::string label = f.dim_names[d] + "=" + level;
            fact.values = {make_count("reloads at this level", static_cast<double>(counts.first)),
                           make_value("mean TTFT of those reloads", stats::mean_of_finite(with), model::Quantity::time)};
            fact.statement = "In " + f.label + " all " + fact.values[0].text + " cold starts / model reloads fall on " +
                             label + (after_change ? " (the first value run after each change of the other settings)" : "");
            if (without.empty()) {
                fact.statement += ", and every call at that level was one (mean TTFT " + fact.values[1].text +
                                  "), so a higher TTFT for " + label + " is reload order, not an effect of " + f.dim_names[d] + ".";
            } else {
                fact.values.push_back(make_value("mean warm TTFT at the same level", stats::mean_of_finite(without),
                                                 model::Quantity::time));
                fact.statement += ", so its higher TTFT (" + fact.values[1].text + " on reloads vs " + fact.values[2].text +
                                  " warm at the same level) is reload order, not an effect of " + f.dim_names[d] + ".";
            }
            for (const auto& row : f.rows)
                if (row.cold) add_row_source(fact.sources, f, row);
            facts.push_back(std::move(fact));
        }
    }
}

}  // namespace

void add_cold_start_facts(std::span<const Frame> frames, std::vector<Fact>& facts) {
    for (const auto& f : frames) {
        if (f.derived) continue;
        int ttft = ttft_measure(f);
        if (ttft < 0) continue;
        std::vector<double> cold;
        Fact fact;
        for (const auto& row : f.rows) {
            if (!row.cold) continue;
            cold.push_back(f.value(row, static_cast<std::size_t>(ttft)));
            add_row_source(fact.sources, f, row);
        }
        if (cold.empty()) continue;
        const std::vector<double> ok = values_of(f, ttft, Rows::ok);  // finite values only
        const double mean_all = stats::mean_of_finite(ok);
        auto warm = stats::summarize(values_of(f, ttft, Rows::warm));
        fact.kind = FactKind::cold_start;
        fact.severity = Severity::notice;
        fact.subject = f.label;
        fact.id = "cold-start/" + f.id;
        fact.scope.dataset = f.id;
        fact.scope.metric = f.measures[static_cast<std::size_t>(ttft)].name;
        fact.values = {make_count("cold calls", static_cast<double>(cold.size())),
                       make_count("calls", static_cast<double>(ok.size())),
                       make_value("max cold TTFT", *std::max_element(cold.begin(), cold.end()), model::Quantity::time),
                       make_value("mean TTFT with cold calls", mean_all, model::Quantity::time),
                       make_value("median warm TTFT", warm.median, model::Quantity::time),
                       make_value("p95 warm TTFT", warm.p95, model::Quantity::time)};
        fact.statement = f.label + ": " + fact.values[0].text + " of " + fact.values[1].text +
                         " calls are cold starts or reloads (TTFT up to " + fact.values[2].text +
                         ", dominated by model load); with them the mean TTFT is " + fact.values[3].text +
                         ", without them the median warm TTFT is " + fact.values[4].text + " (p95 " +
                         fact.values[5].text + ").";
        fact.warnings = warm.warnings;
        facts.push_back(std::move(fact));
        add_confound_facts(f, ttft, facts);
    }
}

}  // namespace analysis
