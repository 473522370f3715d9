#include "analysis/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/select.hpp"
#include "stats/interval.hpp"
#include "stats/ratio.hpp"
#include "stats/summary.hpp"
#include "util/strings.hpp"

namespace analysis {

namespace {

struct Level {
    std::string name;
    std::vector<double> values;
    std::vector<model::Source> sources;
    std::size_t rows = 0, failed = 0;
    std::string failure;
    double median = std::nan("");
};

bool is_reference_name(const std::string& level) {
    std::string l = util::to_lower(level);
    return l == "eager" || l == "baseline" || l == "reference" || l == "default" || l == "none";
}

std::vector<Level> levels_of(const Frame& f, std::size_t d, int m, Rows which) {
    std::map<std::string, std::size_t> index;
    std::vector<Level> out;
    for (const auto& row : f.rows) {
        auto [it, inserted] = index.try_emplace(f.dim(row, d), out.size());
        if (inserted) out.push_back(Level{f.dim(row, d), {}, {}, 0, 0, "", std::nan("")});
        Level& lv = out[it->second];
        ++lv.rows;
        if (row.failed) {
            ++lv.failed;
            if (lv.failure.empty()) lv.failure = f.failure_reason(row).substr(0, 160);
            continue;
        }
        double v = f.value(row, static_cast<std::size_t>(m));
        if (row_selected(row, which) && std::isfinite(v)) {
            lv.values.push_back(v);
            add_row_source(lv.sources, f, row);
        }
    }
    for (auto& lv : out) lv.median = lv.values.empty() ? std::nan("") : stats::summarize(lv.values).median;
    return out;
}

void add_comparison(const Frame& f, std::size_t d, int m, std::vector<Fact>& facts) {
    const Measure& measure = f.measures[static_cast<std::size_t>(m)];
    bool is_time = measure.quantity == model::Quantity::time;
    auto levels = levels_of(f, d, m, is_time ? Rows::warm : Rows::ok);
    std::vector<const Level*> ok, failed;
    for (const auto& lv : levels) (lv.values.empty() ? failed : ok).push_back(&lv);
    if (ok.size() + failed.size() < 2 || ok.empty()) return;
    const Level* ref = ok.front();
    for (const auto* lv : ok)
        if (is_reference_name(lv->name)) ref = lv;
    std::sort(ok.begin(), ok.end(), [&](const Level* a, const Level* b) {
        return is_time ? a->median < b->median : a->median > b->median;
    });
    Fact fact;
    fact.kind = FactKind::comparison;
    const std::string& dim = f.dim_names[d];
    std::string ctx;
    for (const auto& [k, v] : f.context) ctx += (ctx.empty() ? "" : ", ") + k + "=" + v;
    fact.subject = f.label;
    fact.id = "comparison/" + f.id + "/" + slug(dim) + "/" + slug(measure.name);
    std::string parts;
    for (const auto* lv : ok) {
        fact.values.push_back(make_value(dim + "=" + lv->name + " median " + measure.name, lv->median, measure.quantity));
        std::string part = lv->name + " " + fact.values.back().text;
        if (lv != ref) {
            double r = is_time ? stats::ratio(ref->median, lv->median) : stats::ratio(lv->median, ref->median);
            fact.values.push_back(make_value(lv->name + " vs " + ref->name, r, model::Quantity::ratio));
            part += " (" + fact.values.back().text + (is_time ? " speed of " : " the throughput of ") + ref->name + ")";
        }
        parts += (parts.empty() ? "" : ", ") + part;
        fact.sources.insert(fact.sources.end(), lv->sources.begin(), lv->sources.end());
    }
    fact.statement = "By " + dim + " in " + f.label;
    if (!ctx.empty()) {
        fact.scope.context_at = static_cast<std::uint32_t>(fact.statement.size());
        fact.statement += " (" + ctx + ")";
        fact.scope.context_size = static_cast<std::uint32_t>(fact.statement.size()) - fact.scope.context_at;
    }
    fact.statement += ", median " + std::string(is_time ? "warm " : "") + measure.name +
                      (is_time ? ", lower is faster" : ", higher is faster") + ": " + parts + ".";
    fact.scope.dataset = f.id;
    fact.scope.metric = measure.name;
    fact.scope.warm = is_time;
    fact.scope.factor = dim;
    if (!failed.empty()) {
        fact.severity = Severity::notice;
        fact.statement += " Failed, not ranked:";
        for (const auto* lv : failed) {
            fact.statement += " " + lv->name + " (" + lv->failure + ")";
            fact.warnings.push_back(dim + "=" + lv->name + " failed: " + lv->failure);
        }
        fact.statement += ".";
    }
    for (const auto* lv : ok)
        if (lv->values.size() < 3) {
            fact.warnings.push_back(dim + "=" + lv->name + " has " + std::to_string(lv->values.size()) +
                                    " value(s): too few to tell a difference from noise");
        }
    facts.push_back(std::move(fact));
}

// 95 % CI of a median: percentile bootstrap (2000 resamples, fixed seed) up to 5000 values; above
// that the distribution-free order-statistic interval (stats::median_order_ci), which costs a few
// selections instead of 10^7 draws.
constexpr std::size_t kBootstrapLimit = 5000;

stats::Interval median_ci(const std::vector<double>& values) {
    return values.size() <= kBootstrapLimit ? stats::bootstrap_ci(values, 0.5) : stats::median_order_ci(values);
}

}  // namespace

bool is_subject_dimension(std::string_view raw) {
    const std::string n = util::normalise_name(raw);
    const std::string_view v(n);
    // The word alone, or joined by '_' in front ("model_name") or by '_' / '.' behind ("llm_model").
    for (std::string_view w : {"model", "tag", "backend", "quant", "engine", "provider", "device", "precision", "dtype"}) {
        if (v == w) return true;
        if (v.size() <= w.size()) continue;
        if (v.starts_with(w) && v[w.size()] == '_') return true;
        const char before = v[v.size() - w.size() - 1];
        if (v.ends_with(w) && (before == '_' || before == '.')) return true;
    }
    return false;
}

void add_level_comparison_facts(std::span<const Frame> frames, std::vector<Fact>& facts) {
    for (const auto& f : frames) {
        if (f.derived) continue;
        int m = throughput_measure(f);
        if (m < 0) m = latency_measure(f);
        if (m < 0) continue;
        for (std::size_t d = 0; d < f.dim_names.size(); ++d)
            if (!f.dim_is_setting[d] && is_subject_dimension(f.dim_names[d])) add_comparison(f, d, m, facts);
    }
}

void add_model_ranking_facts(const std::vector<Frame>& frames, std::vector<Fact>& facts) {
    struct Pool {
        std::vector<double> rates;
        stats::WeightedRateSum tokens_per_s;  // generated tokens over decode seconds, row by row
        std::vector<model::Source> sources;
        std::vector<std::string> files;
    };
    std::map<std::string, Pool> pools;
    for (const auto& f : frames) {
        if (f.derived) continue;
        int m = throughput_measure(f);
        if (m < 0) continue;
        int model_dim = -1;
        for (std::size_t d = 0; d < f.dim_names.size(); ++d)
            if (util::normalise_name(f.dim_names[d]) == "model") model_dim = static_cast<int>(d);
        int tok = token_count_measure(f), dec = decode_time_measure(f);
        const std::string subject = model_dim >= 0 ? std::string() : frame_subject(f);
        const std::string* last_label = nullptr;
        Pool* pool = nullptr;
        for (const auto& row : f.rows) {
            double v = f.value(row, static_cast<std::size_t>(m));
            if (row.failed || !std::isfinite(v)) continue;
            const std::string& label = model_dim >= 0 ? f.dim(row, static_cast<std::size_t>(model_dim)) : subject;
            // Consecutive rows mostly name the same model: look the pool up only when it changes.
            if (&label != last_label) {
                last_label = &label;
                pool = &pools[label];
            }
            Pool& p = *pool;
            p.rates.push_back(v);
            add_row_source(p.sources, f, row);
            // Rows arrive frame by frame: comparing with the last file keeps this linear.
            if (p.files.empty() || p.files.back() != f.file) p.files.push_back(f.file);
            if (tok >= 0 && dec >= 0) {
                p.tokens_per_s.add(f.value(row, static_cast<std::size_t>(tok)), f.value(row, static_cast<std::size_t>(dec)));
            }
        }
    }
    if (pools.size() < 2) return;
    // The CI of each median first: above the bootstrap limit it selects the median anyway (numpy
    // definition, as summarize()), so a large pool is not searched twice.
    std::map<std::string, stats::Interval> cis;
    std::vector<std::pair<double, std::string>> order;
    for (const auto& [label, p] : pools) {
        const auto& ci = cis[label] = median_ci(p.rates);
        order.emplace_back(p.rates.size() > kBootstrapLimit ? ci.center : stats::summarize(p.rates).median, label);
    }
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    Fact fact;
    fact.kind = FactKind::ranking_throughput;
    fact.subject = "folder";
    fact.id = "ranking/throughput";
    std::string parts;
    int rank = 0;
    for (const auto& [median, label] : order) {
        const Pool& p = pools[label];
        fact.values.push_back(make_value(label + " median tokens/s", median, model::Quantity::throughput));
        std::string part = std::to_string(++rank) + ". " + label + " " + fact.values.back().text;
        fact.values.push_back(make_count(label + " successful calls", static_cast<double>(p.rates.size())));
        part += " (" + fact.values.back().text + " calls";
        // Percentile bootstrap of the median (fixed seed, 2000 resamples): few models, cheap here.
        const auto& ci = cis[label];
        if (ci.has_bounds()) {
            fact.values.push_back(make_value(label + " median 95% CI low", ci.lo, model::Quantity::throughput));
            fact.values.push_back(make_value(label + " median 95% CI high", ci.hi, model::Quantity::throughput));
            part += ", median 95 % CI " + std::string(fact.values[fact.values.size() - 2].number()) + " to " + fact.values.back().text;
        } else {
            for (const auto& w : ci.warnings) fact.warnings.push_back(label + ": " + w);
        }
        if (p.tokens_per_s.pairs() > 0) {
            auto w = p.tokens_per_s.result();
            if (std::isfinite(w.rate)) {
                fact.values.push_back(make_value(label + " token-weighted tokens/s", w.rate, model::Quantity::throughput));
                part += ", token-weighted " + fact.values.back().text;
            }
        }
        part += ")";
        parts += (parts.empty() ? "" : "; ") + part;
        fact.sources.insert(fact.sources.end(), p.sources.begin(), p.sources.end());
    }
    fact.values.push_back(make_count("confidence level, %", 95));
    fact.statement = "Throughput ranking of the models in the folder by median tokens/s over successful calls: " + parts + ".";
    facts.push_back(std::move(fact));
}

}  // namespace analysis
