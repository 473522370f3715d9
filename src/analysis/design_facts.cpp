// Facts over the design of each dataset (docs/design.md "Statistics over the design").
#include "analysis/design_facts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "analysis/design_run_facts.hpp"
#include "analysis/select.hpp"
#include "stats/design.hpp"
#include "util/strings.hpp"

namespace analysis {

namespace {

constexpr std::size_t kMaxLevelsInStatement = 8;

// The design of one metric: the configuration dimensions as factors, one observation per file
// and configuration (the mean of that file's rows there: a run is the unit of replication).
struct Observations {
    std::vector<std::size_t> dims;                   ///< frame dimensions used as factors
    std::vector<std::vector<std::uint32_t>> level_of_code;  ///< per factor: code -> level index
    stats::DesignInput input;
    std::vector<std::vector<std::size_t>> rows;      ///< frame rows of each observation
};

Observations observations_of(const Frame& f, int m, Rows which) {
    Observations o;
    for (std::size_t d = 0; d < f.dim_names.size(); ++d) {
        if (!f.is_config_dim(d) || f.levels_of(d).size() < 2) continue;
        std::vector<std::string> levels(f.levels_of(d).begin(), f.levels_of(d).end());
        std::sort(levels.begin(), levels.end(), [](const auto& a, const auto& b) { return layout::natural_less(a, b); });
        std::vector<std::uint32_t> map(f.dim_values[d].size(), stats::DesignInput::kMissing);
        for (std::size_t c = 1; c < f.dim_values[d].size(); ++c)
            map[c] = static_cast<std::uint32_t>(std::find(levels.begin(), levels.end(), f.dim_values[d][c]) - levels.begin());
        o.dims.push_back(d);
        o.level_of_code.push_back(std::move(map));
        o.input.factors.push_back(stats::DesignFactor{f.dim_names[d], std::move(levels), f.role_of(d) == DimRole::setting});
    }
    std::map<std::pair<std::uint32_t, std::vector<std::uint32_t>>, std::size_t> index;
    std::vector<std::pair<double, std::size_t>> sums;  // sum, count
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        const auto& row = f.rows[r];
        if (!row_selected(row, which)) continue;
        const double v = f.value(row, static_cast<std::size_t>(m));
        if (!std::isfinite(v)) continue;
        std::vector<std::uint32_t> levels;
        for (std::size_t k = 0; k < o.dims.size(); ++k) levels.push_back(o.level_of_code[k][f.code(row, o.dims[k])]);
        auto [it, inserted] = index.try_emplace({row.file, levels}, o.input.values.size());
        if (inserted) {
            o.input.levels.push_back(levels);
            o.input.values.push_back(0);
            o.rows.emplace_back();
            sums.emplace_back(0.0, 0);
        }
        sums[it->second].first += v;
        ++sums[it->second].second;
        o.rows[it->second].push_back(r);
    }
    for (std::size_t i = 0; i < sums.size(); ++i) o.input.values[i] = sums[i].first / static_cast<double>(sums[i].second);
    return o;
}

bool higher_is_better(const Frame& f, int m) {
    const auto q = f.measures[static_cast<std::size_t>(m)].quantity;
    return q == model::Quantity::throughput || q == model::Quantity::rate;
}

std::string cell_label(const stats::DesignInput& in, const std::vector<std::uint32_t>& levels) {
    std::string out;
    for (std::size_t k = 0; k < levels.size(); ++k) {
        if (!out.empty()) out += ", ";
        out += in.factors[k].name + "=" + (levels[k] == stats::DesignInput::kMissing ? std::string("-") : in.factors[k].levels[levels[k]]);
    }
    // In a code span: levels are names ("ctx=512"), never numbers to trace to a fact.
    return out.empty() ? std::string("all cells") : "`" + out + "`";
}

// The cell as typed pairs for FactScope (missing levels left out).
Cell cell_pairs(const stats::DesignInput& in, const std::vector<std::uint32_t>& levels) {
    Cell out;
    for (std::size_t k = 0; k < levels.size(); ++k)
        if (levels[k] != stats::DesignInput::kMissing) out.emplace_back(in.factors[k].name, in.factors[k].levels[levels[k]]);
    return out;
}

void add_sources(const Frame& f, const Observations& o, const std::vector<std::size_t>& observations, std::vector<model::Source>& out) {
    for (auto i : observations)
        for (auto r : o.rows[i]) add_row_source(out, f, f.rows[r]);
}


void add_dataset_fact(const Frame& f, const Dataset& ds, std::vector<Fact>& facts) {
    Fact& fact = facts.emplace_back();
    fact.kind = FactKind::design_dataset;
    fact.subject = ds.pattern;
    fact.id = "design-dataset/" + ds.id;
    fact.scope.dataset = ds.id;
    fact.values.push_back(make_count("files", static_cast<double>(ds.files)));
    std::string product;
    for (const auto& factor : ds.factors) {
        fact.values.push_back(make_count(factor.name + " levels", static_cast<double>(factor.levels.size())));
        if (!product.empty()) product += " \xC3\x97 ";
        product += fact.values.back().text + " " + factor.name;
        if (factor.role != layout::FactorRole::category) product += std::string(" (") + std::string(layout::role_name(factor.role)) + ")";
    }
    fact.statement = "Dataset `" + ds.pattern + "`: " + fact.values[0].text + " files = " + product + "; " +
                     (ds.row_per_file ? "one row per file." : "one row per record.");
    if (!ds.descriptors.empty()) {
        std::string names;
        for (const auto& d : ds.descriptors) names += (names.empty() ? "`" : ", `") + d + "`";
        fact.statement += " Fields with one value per configuration (" + names + ") describe it and add no cells.";
    }
    for (const auto& factor : ds.factors) fact.warnings.push_back(factor.name + " (" + factor.origin + "): " + factor.rule);
    model::add_source(fact.sources, f.source(f.rows.front()));
    if (f.rows.size() > 1) model::add_source(fact.sources, f.source(f.rows.back()));
}

// What every fact of one metric of one dataset shares: its subject and typed scope.
struct MetricWhere {
    std::string subject, dataset, metric;
};

Fact& metric_fact(std::vector<Fact>& facts, FactKind kind, std::string id, const MetricWhere& where) {
    Fact& fact = facts.emplace_back();
    fact.kind = kind;
    fact.subject = where.subject;
    fact.id = std::move(id);
    fact.scope.dataset = where.dataset;
    fact.scope.metric = where.metric;
    return fact;
}

void add_metric_facts(const Frame& f, const Dataset& ds, int m, std::vector<Fact>& facts) {
    const Measure& measure = f.measures[static_cast<std::size_t>(m)];
    const Rows which = m == ttft_measure(f) ? Rows::warm : Rows::ok;
    Observations o = observations_of(f, m, which);
    if (o.input.values.empty()) return;
    o.input.higher_is_better = higher_is_better(f, m);
    const stats::DesignResult res = stats::analyze_design(o.input);
    if (res.cells.empty()) return;
    const std::string base = ds.id + "/" + slug(measure.name);
    const std::string subject = ds.pattern + " " + measure.name;
    const MetricWhere where{subject, ds.id, measure.name};
    const double ref = res.cells[res.best_cell].summary.mean;
    // Every cell (report.md shows the top few; report.json keeps all).
    for (std::size_t c = 0; c < res.cells.size(); ++c) {
        const auto& cell = res.cells[c];
        // By position in level order: stable for the same data, and short where levels are long texts.
        Fact& fact = metric_fact(facts, FactKind::design_cell, "design-cell/" + base + "/" + std::to_string(c + 1), where);
        fact.scope.warm = which == Rows::warm;
        fact.scope.cell = cell_pairs(o.input, cell.levels);
        fact.values.push_back(make_count("runs", static_cast<double>(cell.summary.n)));
        fact.values.push_back(make_value_like("mean " + measure.name, cell.summary.mean, measure.quantity, ref));
        fact.values.push_back(make_value_like("median " + measure.name, cell.summary.median, measure.quantity, ref));
        // The interval's level is a number of the fact like any other (tables head it "95 % CI").
        fact.values.push_back(make_value("confidence level", 95.0, model::Quantity::percent));
        std::string st = cell_label(o.input, cell.levels) + ": " + measure.name + " mean " + fact.values[1].text + ", median " +
                         fact.values[2].text + " over " + fact.values[0].text + (cell.summary.n == 1 ? " run" : " runs");
        if (cell.mean_ci.has_bounds()) {
            fact.values.push_back(make_value_like("95 % CI low", cell.mean_ci.lo, measure.quantity, ref));
            fact.values.push_back(make_value_like("95 % CI high", cell.mean_ci.hi, measure.quantity, ref));
            st += ", 95 % CI " + fact.values[4].text + " to " + fact.values[5].text;
        }
        if (std::isfinite(cell.summary.cv)) {
            fact.values.push_back(make_value("CV", cell.summary.cv * 100.0, model::Quantity::percent));
            st += ", CV " + fact.values.back().text;
        }
        fact.statement = st + ".";
        fact.warnings = cell.summary.warnings;
        add_sources(f, o, cell.observations, fact.sources);
        if (!cell.outliers.empty()) {
            Fact& out = metric_fact(facts, FactKind::design_outlier, "design-outlier/" + base + "/" + std::to_string(c + 1), where);
            out.severity = Severity::notice;
            out.scope.cell = cell_pairs(o.input, cell.levels);
            out.values = {make_count("outlier runs", static_cast<double>(cell.outliers.size())),
                          make_value_like("mean with them", cell.summary.mean, measure.quantity, ref),
                          make_value_like("mean without them", cell.mean_without_outliers, measure.quantity, ref)};
            out.statement = cell_label(o.input, cell.levels) + ": " + out.values[0].text + " outlier run(s) in " + measure.name +
                            "; mean " + out.values[1].text + " with them, " + out.values[2].text + " without.";
            add_sources(f, o, cell.outliers, out.sources);
        }
    }
    if (res.cells.size() >= 2) {
        const auto& best = res.cells[res.best_cell];
        const auto& worst = res.cells[res.worst_cell];
        Fact& fact = metric_fact(facts, FactKind::design_best, "design-best/" + base, where);
        fact.scope.cell = cell_pairs(o.input, best.levels);
        fact.scope.contrast = cell_pairs(o.input, worst.levels);
        fact.values = {make_value_like("best mean " + measure.name, best.summary.mean, measure.quantity, ref),
                       make_value_like("worst mean " + measure.name, worst.summary.mean, measure.quantity, ref),
                       make_value("margin over the runner-up", res.margin_percent, model::Quantity::percent),
                       make_count("cells", static_cast<double>(res.cells.size())),
                       make_value("confidence level", 95.0, model::Quantity::percent)};
        std::string st = "Best of " + fact.values[3].text + " cells by " + measure.name + " (" +
                         (o.input.higher_is_better ? "higher" : "lower") + " is better): " + cell_label(o.input, best.levels) + " at " +
                         fact.values[0].text + "; worst " + cell_label(o.input, worst.levels) + " at " + fact.values[1].text +
                         ". Margin over the runner-up (" + cell_label(o.input, res.cells[res.runner_up_cell].levels) + "): " +
                         fact.values[2].text;
        if (std::isfinite(res.margin_p_value)) {
            fact.values.push_back(make_value("p-value", res.margin_p_value, model::Quantity::unknown));
            st += " (Mann-Whitney p = " + fact.values.back().text + ")";
        }
        const auto& runner = res.cells[res.runner_up_cell];
        const bool apart = best.mean_ci.has_bounds() && runner.mean_ci.has_bounds() &&
                           (best.mean_ci.lo > runner.mean_ci.hi || runner.mean_ci.lo > best.mean_ci.hi);
        if (res.margin_significant) st += ", beyond the noise.";
        else if (apart) st += "; the two cells' 95 % CIs do not overlap, but with so few runs the rank test cannot confirm it.";
        else st += ", not shown to exceed the noise (" + res.margin_basis + ").";
        fact.statement = st;
        // Severity carries the verdict for renderers: notice = the margin exceeds the noise.
        if (res.margin_significant) fact.severity = Severity::notice;
        else fact.warnings.push_back("margin basis: " + res.margin_basis);
        add_sources(f, o, best.observations, fact.sources);
        add_sources(f, o, worst.observations, fact.sources);
    }
    for (const auto& e : res.effects) {
        const auto& factor = o.input.factors[e.factor];
        Fact& fact = metric_fact(facts, FactKind::design_effect, "design-effect/" + base + "/" + slug(factor.name), where);
        fact.scope.factor = factor.name;
        fact.values.push_back(make_value("spread between levels", e.spread_percent, model::Quantity::percent));
        std::string levels;
        std::size_t shown = 0;
        for (std::size_t l = 0; l < factor.levels.size() && shown < kMaxLevelsInStatement; ++l) {
            if (!std::isfinite(e.level_median[l])) continue;
            fact.values.push_back(make_value_like(factor.name + "=" + factor.levels[l], e.level_median[l], measure.quantity, ref));
            levels += std::string(shown++ ? ", " : "") + "`" + factor.levels[l] + "` " + fact.values.back().text;
        }
        std::string st = "Effect of " + factor.name + " on " + measure.name + " (median of cell means per level): " + levels;
        if (factor.levels.size() > shown) st += ", …";
        st += "; spread " + fact.values[0].text;
        if (std::isfinite(e.p_value)) {
            fact.values.push_back(make_value("p-value", e.p_value, model::Quantity::unknown));
            st += ", " + e.test + " p = " + fact.values.back().text + (e.significant ? " (significant)." : " (not significant).");
        } else {
            st += "; not testable.";
        }
        fact.statement = st;
        fact.warnings = e.warnings;
        if (e.significant) fact.severity = Severity::notice;
    }
    for (const auto& ia : res.interactions) {
        if (!std::isfinite(ia.max_contrast_percent)) continue;
        Fact& fact = metric_fact(facts, FactKind::design_interaction, "design-interaction/" + base + "/" + slug(o.input.factors[ia.a].name + "-" + o.input.factors[ia.b].name), where);
        fact.scope.factor = o.input.factors[ia.a].name;
        fact.values = {make_value("largest contrast", ia.max_contrast_percent, model::Quantity::percent)};
        fact.statement = "Interaction of " + o.input.factors[ia.a].name + " and " + o.input.factors[ia.b].name + " on " + measure.name +
                         ": the effect of one changes by up to " + fact.values[0].text + " of the median across levels of the other.";
    }
    Fact& noise = metric_fact(facts, FactKind::design_noise, "design-noise/" + base, where);
    noise.values = {make_count("cells", static_cast<double>(res.cells.size())),
                    make_count("single-run cells", static_cast<double>(res.single_run_cells))};
    if (std::isfinite(res.median_cv)) {
        noise.values.push_back(make_value("median CV across replicates", res.median_cv * 100.0, model::Quantity::percent));
        noise.statement = "Replicate noise of " + measure.name + ": median CV " + noise.values[2].text + " over the cells with repeats; " +
                          noise.values[1].text + " of " + noise.values[0].text + " cells ran once.";
    } else {
        noise.severity = Severity::notice;
        noise.statement = "Every one of the " + noise.values[0].text + " cells of " + measure.name +
                          " ran once: run-to-run noise is unknown, so no difference between cells can be called significant.";
    }
    if (res.missing_cells > 0 || res.unequal_n) {
        Fact& inc = metric_fact(facts, FactKind::design_incomplete, "design-incomplete/" + base, where);
        inc.severity = Severity::notice;
        inc.values = {make_count("cells of the full grid", static_cast<double>(res.full_grid_cells)),
                      make_count("missing cells", static_cast<double>(res.missing_cells))};
        if (res.missing_cells * 2 <= res.full_grid_cells) {
            inc.statement = "Incomplete design for " + measure.name + ": " + inc.values[1].text + " of " + inc.values[0].text +
                            " combinations have no data" + (res.unequal_n ? "; cells have unequal numbers of runs." : ".");
        } else {
            // Most combinations absent: the factors are nested (a model under its family) or the
            // runs are sparse; the size of the empty grid says nothing useful.
            inc.values = {make_count("cells observed", static_cast<double>(res.cells.size()))};
            inc.statement = "Sparse design for " + measure.name + ": only " + inc.values[0].text +
                            " combinations of the factors were run (factors nested or partly crossed), so a factor's effect "
                            "compares different sets of configurations" +
                            (res.unequal_n ? "; cells have unequal numbers of runs." : ".");
        }
        inc.warnings = res.warnings;
    }
}


}  // namespace

std::vector<int> design_metrics(const Frame& f) {
    const MeasureRoles roles = f.roles ? *f.roles : find_roles(f);
    std::vector<int> out;
    std::vector<std::string> slugs;  // two names with one slug ("a.b", "a_b") would share fact ids
    for (int m : {roles.throughput, roles.ttft, roles.latency, roles.decode}) {
        if (m < 0 || std::find(out.begin(), out.end(), m) != out.end()) continue;
        std::string s = slug(f.measures[static_cast<std::size_t>(m)].name);
        if (std::find(slugs.begin(), slugs.end(), s) != slugs.end()) continue;
        slugs.push_back(std::move(s));
        out.push_back(m);
    }
    return out;
}

void add_design_facts(std::span<const Frame> frames, std::span<const Dataset> datasets, std::vector<Fact>& facts) {
    // The most telling datasets first (those measuring throughput or TTFT, then the largest), so
    // that readers of the fact list, and the narrator's picks, meet the main experiment first.
    std::vector<const Dataset*> order;
    for (const auto& ds : datasets) order.push_back(&ds);
    auto key_metrics = [&](const Dataset* ds) {
        const Frame& f = frames[ds->frame];
        const MeasureRoles r = f.roles ? *f.roles : find_roles(f);
        return (r.throughput >= 0) + (r.ttft >= 0);
    };
    std::stable_sort(order.begin(), order.end(), [&](const Dataset* a, const Dataset* b) {
        const int ka = key_metrics(a), kb = key_metrics(b);
        return ka != kb ? ka > kb : a->files > b->files;
    });
    for (const Dataset* dsp : order) {
        const Dataset& ds = *dsp;
        const Frame& f = frames[ds.frame];
        add_dataset_fact(f, ds, facts);
        design_detail::add_disagreement_facts(ds, facts);
        design_detail::add_cold_facts(f, ds, facts);
        design_detail::add_failed_request_facts(f, ds, facts);
        design_detail::add_coverage_facts(f, ds, facts);
        for (int m : design_metrics(f)) add_metric_facts(f, ds, m, facts);
    }
}

}  // namespace analysis
