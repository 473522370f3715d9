#include "analysis/sweep.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

#include "analysis/select.hpp"
#include "stats/mann_whitney.hpp"
#include "stats/summary.hpp"
#include "util/strings.hpp"

namespace analysis {

namespace {

struct Config {
    const std::string* key = nullptr;  ///< "num_gpu=40, num_ctx=1024, temperature=0.4"
    std::vector<double> values;
    std::vector<model::Source> sources;
    double mean = 0;
};

std::vector<int> setting_dims(const Frame& f) {
    std::vector<int> dims;
    for (std::size_t d = 0; d < f.dim_names.size(); ++d)
        if (f.dim_is_setting[d]) dims.push_back(static_cast<int>(d));
    return dims;
}

/// Each row's configuration as a small number, and each configuration's text, computed once per
/// frame: rows with the same dimension codes in every setting share a configuration.
struct RowConfigs {
    std::vector<std::uint32_t> of_row;
    std::vector<std::string> keys;  ///< describe_dims() of the configuration's first row
};

struct CodesHash {
    std::size_t operator()(const std::vector<std::uint32_t>& codes) const {
        std::size_t h = 0x9E3779B97F4A7C15ULL;
        for (auto c : codes) h = (h ^ c) * 0x100000001B3ULL;
        return h;
    }
};

RowConfigs row_configs(const Frame& f, const std::vector<int>& dims) {
    RowConfigs out;
    out.of_row.reserve(f.rows.size());
    std::unordered_map<std::vector<std::uint32_t>, std::uint32_t, CodesHash> index;
    std::vector<std::uint32_t> codes(dims.size());
    for (const auto& row : f.rows) {
        for (std::size_t i = 0; i < dims.size(); ++i) codes[i] = row.dim_codes[static_cast<std::size_t>(dims[i])];
        auto it = index.find(codes);
        if (it == index.end()) {
            it = index.emplace(codes, static_cast<std::uint32_t>(out.keys.size())).first;
            out.keys.push_back(describe_dims(f, row, dims));
        }
        out.of_row.push_back(it->second);
    }
    return out;
}

// The configurations of the selected rows with a value of measure `m`, in first-seen order.
std::vector<Config> configs_of(const Frame& f, int m, const RowConfigs& rc, Rows which) {
    std::vector<int> slot(rc.keys.size(), -1);
    std::vector<Config> out;
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        const auto& row = f.rows[r];
        if (!row_selected(row, which)) continue;
        double v = row.values[static_cast<std::size_t>(m)];
        if (!std::isfinite(v)) continue;
        int& s = slot[rc.of_row[r]];
        if (s < 0) {
            s = static_cast<int>(out.size());
            out.push_back(Config{&rc.keys[rc.of_row[r]], {}, {}, 0});
        }
        auto& c = out[static_cast<std::size_t>(s)];
        c.values.push_back(v);
        add_row_source(c.sources, f, row);
    }
    for (auto& c : out) c.mean = stats::mean_of_finite(c.values);
    return out;
}

void add_range_fact(const Frame& f, const Measure& measure, const std::vector<Config>& configs, bool higher_is_better,
                    std::vector<Fact>& facts) {
    auto cmp = [&](const Config& a, const Config& b) { return higher_is_better ? a.mean < b.mean : a.mean > b.mean; };
    const Config& best = *std::max_element(configs.begin(), configs.end(), cmp);
    const Config& worst = *std::min_element(configs.begin(), configs.end(), cmp);
    std::size_t max_n = 0;
    for (const auto& c : configs) max_n = std::max(max_n, c.values.size());
    Fact fact;
    fact.kind = "sweep.range";
    fact.subject = frame_subject(f) + " (" + f.file + ")";
    fact.id = "sweep-range/" + f.id + "/" + slug(measure.name);
    double spread = std::fabs(best.mean - worst.mean) / std::fabs(worst.mean) * 100.0;
    fact.values = {make_value("best " + measure.name, best.mean, measure.quantity),
                   make_value("worst " + measure.name, worst.mean, measure.quantity),
                   make_value("spread", spread, model::Quantity::percent),
                   make_count("configurations", static_cast<double>(configs.size()))};
    std::string what = max_n == 1 ? "" : "mean ";
    fact.statement = "Sweep of " + fact.subject + " over " + fact.values[3].text + " configurations: fastest " + *best.key +
                     " at " + what + fact.values[0].text + ", slowest " + *worst.key + " at " + what +
                     fact.values[1].text + " (" + fact.values[2].text + " apart).";
    fact.sources = best.sources;
    fact.sources.insert(fact.sources.end(), worst.sources.begin(), worst.sources.end());
    facts.push_back(std::move(fact));

    Fact noise;
    noise.kind = "sweep.noise";
    noise.subject = frame_subject(f) + " (" + f.file + ")";
    noise.id = "sweep-noise/" + f.id + "/" + slug(measure.name);
    noise.sources = best.sources;
    noise.sources.insert(noise.sources.end(), worst.sources.begin(), worst.sources.end());
    if (max_n <= 1) {
        noise.severity = Severity::warning;
        noise.values = {make_value("spread", spread, model::Quantity::percent)};
        noise.statement = "Each configuration of " + noise.subject +
                          " was run once, so the " + noise.values[0].text + " spread in " + measure.name +
                          " cannot be separated from run-to-run noise.";
    } else {
        auto test = stats::mann_whitney_u(best.values, worst.values);
        noise.values = {make_value("p-value", test.p_value, model::Quantity::unknown),
                        make_count("runs of the best configuration", static_cast<double>(best.values.size())),
                        make_count("runs of the worst configuration", static_cast<double>(worst.values.size()))};
        noise.statement = std::string("Best vs worst configuration of ") + noise.subject + " (" + noise.values[1].text +
                          " and " + noise.values[2].text + " runs): Mann-Whitney U p = " + noise.values[0].text +
                          (test.p_value < 0.05 ? ", a difference beyond run-to-run noise."
                                               : ", not distinguishable from run-to-run noise.");
        noise.warnings = test.warnings;
    }
    facts.push_back(std::move(noise));
}

void add_effect_facts(const Frame& f, int m, const std::vector<int>& dims, Rows which, std::vector<Fact>& facts) {
    const Measure& measure = f.measures[static_cast<std::size_t>(m)];
    std::optional<std::vector<model::Source>> sources;  // the same rows for every dimension: built once
    for (int d : dims) {
        const auto du = static_cast<std::size_t>(d);
        // Each distinct text of the dimension is parsed once; rows then go by their code.
        std::vector<std::optional<double>> number_of(f.dim_values[du].size());
        for (std::size_t c = 1; c < number_of.size(); ++c) number_of[c] = util::parse_number(f.dim_values[du][c]);
        std::map<double, std::vector<double>> by_level;
        std::map<double, std::uint32_t> level_code;  // the last text seen for a level, as in the data
        for (const auto& row : f.rows) {
            if (!row_selected(row, which)) continue;
            double v = row.values[static_cast<std::size_t>(m)];
            const std::uint32_t code = row.dim_codes[du];
            const auto& level = number_of[code];
            if (!std::isfinite(v) || !level) continue;
            by_level[*level].push_back(v);
            level_code[*level] = code;
        }
        std::map<double, std::string> level_text;
        for (const auto& [level, code] : level_code) level_text[level] = f.dim_values[du][code];
        if (by_level.size() < 2) continue;
        Fact fact;
        fact.kind = "sweep.effect";
        fact.subject = frame_subject(f) + " (" + f.file + ")";
        fact.id = "sweep-effect/" + f.id + "/" + slug(measure.name) + "/" + slug(f.dim_names[static_cast<std::size_t>(d)]);
        std::string parts;
        double lo = INFINITY, hi = -INFINITY;
        for (const auto& [level, vals] : by_level) {
            double mean = stats::mean_of_finite(vals);
            lo = std::min(lo, mean);
            hi = std::max(hi, mean);
            fact.values.push_back(make_value(f.dim_names[static_cast<std::size_t>(d)] + "=" + level_text[level], mean, measure.quantity));
            parts += (parts.empty() ? "" : ", ") + level_text[level] + ": " + fact.values.back().text;
        }
        fact.values.push_back(make_value("range of level means", (hi - lo) / std::fabs(lo) * 100.0, model::Quantity::percent));
        fact.statement = "Main effect of " + f.dim_names[static_cast<std::size_t>(d)] + " on " +
                         (which == Rows::warm ? "warm " : "") + measure.name + " in " + fact.subject + " (mean by level): " +
                         parts + "; the level means differ by " + fact.values.back().text + ".";
        if (!sources) sources = sources_of(f, m, which);
        fact.sources = *sources;
        facts.push_back(std::move(fact));
    }
}

}  // namespace

void add_sweep_facts(std::span<const Frame> frames, std::vector<Fact>& facts) {
    for (const auto& f : frames) {
        if (f.derived) continue;
        auto dims = setting_dims(f);
        if (dims.empty()) continue;
        int tput = throughput_measure(f);
        int ttft = ttft_measure(f);
        int main = tput >= 0 ? tput : latency_measure(f);
        if (main < 0) continue;
        const RowConfigs rc = row_configs(f, dims);
        auto configs = configs_of(f, main, rc, Rows::ok);
        if (configs.size() < 3) continue;
        bool higher = f.measures[static_cast<std::size_t>(main)].quantity != model::Quantity::time;
        add_range_fact(f, f.measures[static_cast<std::size_t>(main)], configs, higher, facts);
        add_effect_facts(f, main, dims, Rows::ok, facts);
        if (ttft >= 0 && ttft != main) {
            auto ttft_configs = configs_of(f, ttft, rc, Rows::warm);
            if (ttft_configs.size() >= 3) add_range_fact(f, f.measures[static_cast<std::size_t>(ttft)], ttft_configs, false, facts);
            add_effect_facts(f, ttft, dims, Rows::warm, facts);
        }
    }
}

}  // namespace analysis
