#include "analysis/summaries.hpp"

#include <cmath>
#include <map>

#include "analysis/comparison.hpp"
#include "analysis/select.hpp"
#include "stats/interval.hpp"
#include "stats/ratio.hpp"
#include "stats/summary.hpp"

namespace analysis {

namespace {

struct Group {
    std::string name;  ///< "" for the whole frame
    std::vector<std::size_t> rows;
    Cell cell;         ///< the group's (dimension, level); empty for the whole frame
};

std::vector<Group> groups_of(const Frame& f) {
    for (std::size_t d = 0; d < f.dim_names.size(); ++d) {
        if (f.dim_is_setting[d] || !is_subject_dimension(f.dim_names[d])) continue;
        std::map<std::string, std::size_t> index;
        std::vector<Group> out;
        for (std::size_t r = 0; r < f.rows.size(); ++r) {
            auto [it, inserted] = index.try_emplace(f.dim(f.rows[r], d), out.size());
            if (inserted)
                out.push_back(Group{f.dim_names[d] + "=" + f.dim(f.rows[r], d), {}, {{f.dim_names[d], f.dim(f.rows[r], d)}}});
            out[it->second].rows.push_back(r);
        }
        return out;
    }
    Group all{"", {}, {}};
    for (std::size_t r = 0; r < f.rows.size(); ++r) all.rows.push_back(r);
    return {all};
}

// The sources of the rows a summary used. Measures of one group usually use the same rows, so the
// last list is kept and reused when the rows are the same (most rows merge into few ranges, but
// building them row by row for every measure is a large share of the work in big folders).
struct SourceCache {
    std::vector<std::size_t> rows;
    std::vector<model::Source> sources;
};

// Buffers reused across the summaries of one frame (a large folder has millions of summaries).
struct SummaryScratch {
    std::vector<double> values;
    std::vector<std::size_t> used;
};

void add_group_summary(const Frame& f, const Group& g, std::size_t m, bool warm_only, SourceCache& cache,
                       SummaryScratch& scratch, std::vector<Fact>& facts) {
    const Measure& measure = f.measures[m];
    std::vector<double>& values = scratch.values;
    std::vector<std::size_t>& used = scratch.used;
    values.clear();
    used.clear();
    for (auto r : g.rows) {
        const auto& row = f.rows[r];
        if (!row_selected(row, warm_only ? Rows::warm : Rows::ok)) continue;
        double v = f.value(row, m);
        if (!std::isfinite(v)) continue;
        values.push_back(v);
        used.push_back(r);
    }
    if (values.empty()) return;
    Fact& fact = facts.emplace_back();
    if (used != cache.rows) {
        cache.rows = used;
        cache.sources.clear();
        for (auto r : used) add_row_source(cache.sources, f, f.rows[r]);
    }
    fact.sources = cache.sources;
    auto s = stats::summarize(values);
    auto q = measure.quantity;
    fact.kind = FactKind::summary;
    fact.subject = f.label;
    if (!g.name.empty()) fact.subject.append(" ").append(g.name);
    fact.id.append("summary/").append(f.id);
    if (!g.name.empty()) fact.id.append("/").append(slug(g.name));
    fact.id.append("/").append(slug(measure.name));
    fact.scope.dataset = f.id;
    fact.scope.metric = measure.name;
    fact.scope.warm = warm_only;
    fact.scope.cell = g.cell;
    const double ref = s.median;  // one display unit for the whole summary, chosen by the median
    auto& v = fact.values;
    v.reserve(11);
    v.push_back(make_count("n", static_cast<double>(s.n)));
    v.push_back(make_value_like("mean", s.mean, q, ref));
    v.push_back(make_value_like("median", s.median, q, ref));
    v.push_back(make_value_like("p95", s.p95, q, ref));
    v.push_back(make_value_like("sd", s.sd_sample, q, ref));
    v.push_back(make_value_like("min", s.min, q, ref));
    v.push_back(make_value_like("max", s.max, q, ref));
    if (std::isfinite(s.cv)) v.push_back(make_value("cv", s.cv * 100.0, model::Quantity::percent));
    std::size_t ci_low = 0;
    if (s.n >= 6) {  // below 6 the summary already warns "need >= 6 samples for a 95 % CI"
        auto t = stats::t_interval_of(s);  // the summary's moments: no second pass
        if (t.has_bounds()) {
            ci_low = v.size();
            v.push_back(make_value_like("mean 95% CI low", t.lo, q, ref));
            v.push_back(make_value_like("mean 95% CI high", t.hi, q, ref));
            v.push_back(make_count("confidence level, %", 95));
        }
    }
    std::string& st = fact.statement;
    st.reserve(fact.subject.size() + measure.name.size() + 160);
    st.append(fact.subject).append(", ").append(warm_only ? "warm " : "").append(measure.name);
    st.append(": n=").append(v[0].text).append(", mean ").append(v[1].text);
    if (ci_low) st.append(" (95 % t-interval ").append(v[ci_low].text).append(" to ").append(v[ci_low + 1].text).append(")");
    st.append(", median ").append(v[2].text).append(", p95 ").append(v[3].text);
    st.append(", min ").append(v[5].text).append(", max ").append(v[6].text).append(".");
    fact.warnings = std::move(s.warnings);
}

void add_weighted_rate(const Frame& f, const Group& g, std::vector<Fact>& facts) {
    int tok = token_count_measure(f), dec = decode_time_measure(f), tput = throughput_measure(f);
    if (tok < 0 || dec < 0) return;
    std::vector<double> tokens, seconds, rates;
    Fact fact;
    for (auto r : g.rows) {
        const auto& row = f.rows[r];
        if (row.failed) continue;
        tokens.push_back(f.value(row, static_cast<std::size_t>(tok)));
        seconds.push_back(f.value(row, static_cast<std::size_t>(dec)));
        if (tput >= 0) rates.push_back(f.value(row, static_cast<std::size_t>(tput)));
        add_row_source(fact.sources, f, row);
    }
    auto w = stats::weighted_rate(tokens, seconds);
    if (!std::isfinite(w.rate)) return;
    std::string subject = f.label + (g.name.empty() ? "" : " " + g.name);
    fact.kind = FactKind::summary_weighted_throughput;
    fact.subject = subject;
    fact.id = "weighted/" + f.id + (g.name.empty() ? "" : "/" + slug(g.name));
    fact.scope.dataset = f.id;
    fact.scope.cell = g.cell;
    fact.values = {make_value("token-weighted decode rate", w.rate, model::Quantity::throughput),
                   make_value("tokens", w.numerator_sum, model::Quantity::tokens),
                   make_value("decode time", w.denominator_sum, model::Quantity::time)};
    fact.statement = subject + ": token-weighted decode rate " + fact.values[0].text + " (" + fact.values[1].text + " over " +
                     fact.values[2].text + " of decoding)";
    if (!rates.empty()) {
        auto s = stats::summarize(rates);
        fact.values.push_back(make_value("unweighted mean of per-call rates", s.mean, model::Quantity::throughput));
        fact.statement += "; the unweighted mean of per-call rates is " + fact.values.back().text;
    }
    fact.statement += ".";
    fact.warnings = w.warnings;
    facts.push_back(std::move(fact));
}

}  // namespace

void add_summary_facts(std::span<const Frame> frames, std::vector<Fact>& facts) {
    for (const auto& f : frames) {
        if (f.derived) continue;
        int ttft = ttft_measure(f);
        for (const auto& g : groups_of(f)) {
            SourceCache cache;
            SummaryScratch scratch;
            for (std::size_t m = 0; m < f.measures.size(); ++m) {
                auto q = f.measures[m].quantity;
                if (q == model::Quantity::unknown || q == model::Quantity::count) continue;
                add_group_summary(f, g, m, static_cast<int>(m) == ttft, cache, scratch, facts);
            }
            add_weighted_rate(f, g, facts);
        }
    }
}

}  // namespace analysis
