#include "analysis/sweep.hpp"

#include <algorithm>
#include <cmath>
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
    std::vector<std::uint32_t> rows;  ///< the rows of `values`; sources are built for best and worst only
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
        for (std::size_t i = 0; i < dims.size(); ++i) codes[i] = f.code(row, static_cast<std::size_t>(dims[i]));
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
    // Rows per configuration, counted first so each configuration's lists are allocated once.
    auto usable = [&](const FrameRow& row) { return row_selected(row, which) && std::isfinite(f.value(row, static_cast<std::size_t>(m))); };
    std::vector<std::size_t> count(rc.keys.size(), 0);
    for (std::size_t r = 0; r < f.rows.size(); ++r)
        if (usable(f.rows[r])) ++count[rc.of_row[r]];
    out.reserve(rc.keys.size());
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        const auto& row = f.rows[r];
        if (!usable(row)) continue;
        const double v = f.value(row, static_cast<std::size_t>(m));
        int& s = slot[rc.of_row[r]];
        if (s < 0) {
            s = static_cast<int>(out.size());
            out.push_back(Config{&rc.keys[rc.of_row[r]], {}, {}, 0});
            out.back().values.reserve(count[rc.of_row[r]]);
            out.back().rows.reserve(count[rc.of_row[r]]);
        }
        auto& c = out[static_cast<std::size_t>(s)];
        c.values.push_back(v);
        c.rows.push_back(static_cast<std::uint32_t>(r));
    }
    for (auto& c : out) c.mean = stats::mean_of_finite(c.values);
    return out;
}

// A row's configuration as (setting, level) pairs: the same dimensions, in the same order, as the
// configuration's key (describe_dims over setting_dims).
Cell cell_of(const Frame& f, const FrameRow& row) {
    Cell out;
    for (int d : setting_dims(f)) out.emplace_back(f.dim_names[static_cast<std::size_t>(d)], f.dim(row, static_cast<std::size_t>(d)));
    return out;
}

// `subject` is "<frame subject> (<file>)", the same for every fact of a frame.
void add_range_fact(const Frame& f, const std::string& subject, const Measure& measure, const std::vector<Config>& configs,
                    bool higher_is_better, std::vector<Fact>& facts) {
    auto cmp = [&](const Config& a, const Config& b) { return higher_is_better ? a.mean < b.mean : a.mean > b.mean; };
    const Config& best = *std::max_element(configs.begin(), configs.end(), cmp);
    const Config& worst = *std::min_element(configs.begin(), configs.end(), cmp);
    std::size_t max_n = 0;
    for (const auto& c : configs) max_n = std::max(max_n, c.values.size());
    const std::string measure_slug = slug(measure.name);
    Fact& fact = facts.emplace_back();
    fact.kind = FactKind::sweep_range;
    fact.subject = subject;
    fact.id = "sweep-range/" + f.id + "/" + measure_slug;
    fact.scope.dataset = f.id;
    fact.scope.metric = measure.name;
    fact.scope.cell = cell_of(f, f.rows[best.rows.front()]);
    fact.scope.contrast = cell_of(f, f.rows[worst.rows.front()]);
    double spread = std::fabs(best.mean - worst.mean) / std::fabs(worst.mean) * 100.0;
    fact.values.reserve(4);
    fact.values.push_back(make_value("best " + measure.name, best.mean, measure.quantity));
    fact.values.push_back(make_value("worst " + measure.name, worst.mean, measure.quantity));
    fact.values.push_back(make_value("spread", spread, model::Quantity::percent));
    fact.values.push_back(make_count("configurations", static_cast<double>(configs.size())));
    const char* what = max_n == 1 ? "" : "mean ";
    std::string& st = fact.statement;
    st.append("Sweep of ").append(subject).append(" over ").append(fact.values[3].text).append(" configurations: fastest ");
    st.append(*best.key).append(" at ").append(what).append(fact.values[0].text).append(", slowest ").append(*worst.key);
    st.append(" at ").append(what).append(fact.values[1].text).append(" (").append(fact.values[2].text).append(" apart).");
    // Best's rows, then worst's: each list merges its own consecutive rows, never across the two.
    for (auto r : best.rows) add_row_source(fact.sources, f, f.rows[r]);
    std::vector<model::Source> worst_sources;
    for (auto r : worst.rows) add_row_source(worst_sources, f, f.rows[r]);
    fact.sources.insert(fact.sources.end(), worst_sources.begin(), worst_sources.end());

    Fact& noise = facts.emplace_back();
    noise.kind = FactKind::sweep_noise;
    noise.subject = subject;
    noise.id = "sweep-noise/" + f.id + "/" + measure_slug;
    noise.scope = facts[facts.size() - 2].scope;  // the range fact's dataset, measure, best and worst
    noise.sources = facts[facts.size() - 2].sources;  // the range fact's: best then worst
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
}

// The numeric levels of dimension `d`, ascending, and the level of each of its codes (-1 for
// missing or non-numeric texts and NaN). Texts that read as the same number ("40", "40.0") share
// a level. Each distinct text is parsed once; rows then go by their code.
struct Levels {
    std::vector<double> value;
    std::vector<int> of_code;
};

Levels levels_of_dim(const Frame& f, std::size_t d) {
    const auto& texts = f.dim_values[d];
    Levels out;
    out.of_code.assign(texts.size(), -1);
    std::vector<std::pair<double, std::size_t>> parsed;
    for (std::size_t c = 1; c < texts.size(); ++c)
        if (auto x = util::parse_number(texts[c]); x && !std::isnan(*x)) parsed.emplace_back(*x, c);
    std::sort(parsed.begin(), parsed.end());
    for (const auto& [x, c] : parsed) {
        if (out.value.empty() || out.value.back() != x) out.value.push_back(x);  // -0 and 0 are one level
        out.of_code[c] = static_cast<int>(out.value.size()) - 1;
    }
    return out;
}

void add_effect_facts(const Frame& f, const std::string& subject, int m, const std::vector<int>& dims, Rows which,
                      std::vector<Fact>& facts) {
    const Measure& measure = f.measures[static_cast<std::size_t>(m)];
    const std::string measure_slug = slug(measure.name);
    std::optional<std::vector<model::Source>> sources;  // the same rows for every dimension: built once
    for (int d : dims) {
        const auto du = static_cast<std::size_t>(d);
        const Levels levels = levels_of_dim(f, du);
        std::vector<std::vector<double>> by_level(levels.value.size());  // values in row order
        std::vector<std::uint32_t> level_code(levels.value.size());      // the last text seen for a level
        // The level of each usable row (-1 when not used), counted first so each list is
        // allocated once at its size.
        auto level_of_row = [&](const FrameRow& row) {
            if (!row_selected(row, which) || !std::isfinite(f.value(row, static_cast<std::size_t>(m)))) return -1;
            return levels.of_code[f.code(row, du)];
        };
        std::vector<std::size_t> count(levels.value.size(), 0);
        for (const auto& row : f.rows)
            if (const int level = level_of_row(row); level >= 0) ++count[static_cast<std::size_t>(level)];
        for (std::size_t l = 0; l < count.size(); ++l) by_level[l].reserve(count[l]);
        for (const auto& row : f.rows) {
            const int level = level_of_row(row);
            if (level < 0) continue;
            by_level[static_cast<std::size_t>(level)].push_back(f.value(row, static_cast<std::size_t>(m)));
            level_code[static_cast<std::size_t>(level)] = f.code(row, du);
        }
        std::size_t seen = 0;
        for (const auto& vals : by_level) seen += !vals.empty();
        if (seen < 2) continue;
        const std::string& dim_name = f.dim_names[du];
        Fact& fact = facts.emplace_back();
        fact.kind = FactKind::sweep_effect;
        fact.subject = subject;
        fact.id = "sweep-effect/" + f.id + "/" + measure_slug + "/" + slug(dim_name);
        fact.scope.dataset = f.id;
        fact.scope.metric = measure.name;
        fact.scope.factor = dim_name;
        fact.values.reserve(seen + 1);
        std::string parts;
        double lo = INFINITY, hi = -INFINITY;
        for (std::size_t l = 0; l < by_level.size(); ++l) {
            if (by_level[l].empty()) continue;
            const std::string& text = f.dim_values[du][level_code[l]];
            double mean = stats::mean_of_finite(by_level[l]);
            lo = std::min(lo, mean);
            hi = std::max(hi, mean);
            std::string label;
            label.reserve(dim_name.size() + 1 + text.size());
            label.append(dim_name).append("=").append(text);
            fact.values.push_back(make_value(std::move(label), mean, measure.quantity));
            parts.append(parts.empty() ? "" : ", ").append(text).append(": ").append(fact.values.back().text);
        }
        fact.values.push_back(make_value("range of level means", (hi - lo) / std::fabs(lo) * 100.0, model::Quantity::percent));
        std::string& st = fact.statement;
        st.reserve(parts.size() + subject.size() + measure.name.size() + dim_name.size() + 80);
        st.append("Main effect of ").append(dim_name).append(" on ").append(which == Rows::warm ? "warm " : "");
        st.append(measure.name).append(" in ").append(subject).append(" (mean by level): ").append(parts);
        st.append("; the level means differ by ").append(fact.values.back().text).append(".");
        if (!sources) sources = sources_of(f, m, which);
        fact.sources = *sources;
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
        const std::string subject = frame_subject(f) + " (" + f.file + ")";
        add_range_fact(f, subject, f.measures[static_cast<std::size_t>(main)], configs, higher, facts);
        add_effect_facts(f, subject, main, dims, Rows::ok, facts);
        if (ttft >= 0 && ttft != main) {
            auto ttft_configs = configs_of(f, ttft, rc, Rows::warm);
            if (ttft_configs.size() >= 3)
                add_range_fact(f, subject, f.measures[static_cast<std::size_t>(ttft)], ttft_configs, false, facts);
            add_effect_facts(f, subject, ttft, dims, Rows::warm, facts);
        }
    }
}

}  // namespace analysis
