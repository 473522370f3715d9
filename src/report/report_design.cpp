// "Experiments and their design" (docs/design.md): per dataset its design line, factors, the top
// cells of each key metric, best and worst, factor effects, interactions, noise, completeness,
// cold starts and path-against-data checks. Bounded: the length follows datasets × factors, and
// every cell stays in report.json.
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/design_facts.hpp"
#include "report/report_bounds.hpp"
#include "report/report_context.hpp"
#include "report/report_sections.hpp"
#include "report/table.hpp"
#include "util/strings.hpp"

namespace report {

namespace {

constexpr std::size_t kMaxDatasets = kLimits.datasets_shown;
constexpr std::size_t kMaxMetrics = kLimits.metrics_per_dataset;
constexpr std::size_t kMaxCells = kLimits.cells_per_metric;
constexpr std::size_t kMaxEffects = kLimits.effects_per_metric;
constexpr std::size_t kMaxInteractions = kLimits.interactions_per_metric;
constexpr std::size_t kMaxLevelsShown = kLimits.levels_per_factor;

// Design facts by kind and dataset, and by kind, dataset and metric, read from their FactScope.
struct DesignIndex {
    std::map<std::string, FactList> by_key;      ///< "<kind>|<dataset-id>|<metric>"
    std::map<std::string, FactList> by_dataset;  ///< "<kind>|<dataset-id>"
};

std::string key_of(analysis::FactKind kind, const std::string& dataset, const std::string& metric = {}) {
    return std::string(analysis::kind_name(kind)) + "|" + dataset + (metric.empty() ? "" : "|" + metric);
}

DesignIndex index_design(const analysis::Analysis& a) {
    DesignIndex out;
    for (const auto& f : a.facts) {
        if (analysis::kind_family(f.kind) != analysis::FactFamily::design) continue;
        out.by_dataset[key_of(f.kind, f.scope.dataset)].push_back(&f);
        if (!f.scope.metric.empty()) out.by_key[key_of(f.kind, f.scope.dataset, f.scope.metric)].push_back(&f);
    }
    return out;
}

const FactList& list(const std::map<std::string, FactList>& m, const std::string& key) {
    static const FactList kEmpty;
    auto it = m.find(key);
    return it == m.end() ? kEmpty : it->second;
}

std::string levels_text(const analysis::DatasetFactor& f) {
    std::string out;
    for (std::size_t i = 0; i < f.levels.size() && i < kMaxLevelsShown; ++i) out += (i ? ", " : "") + f.levels[i];
    if (f.levels.size() > kMaxLevelsShown) out += ", …";
    return "`" + out + "`";
}

std::string factor_table(const analysis::Dataset& ds) {
    TextTable t{{"factor", "levels", "role", "read from", "rule"}, {Align::left, Align::right}, {}, {}};
    for (const auto& f : ds.factors)
        t.rows.push_back({"`" + f.name + "`", "`" + std::to_string(f.levels.size()) + "`", std::string(analysis::layout::role_name(f.role)), f.origin,
                          levels_text(f) + "; `" + f.rule + "`"});
    return render_markdown(t);
}

// The cell a design.cell fact is about, as a code span.
std::string cell_of(const analysis::Fact& cell) {
    return cell.scope.cell.empty() ? std::string("all cells") : "`" + analysis::cell_text(cell.scope.cell) + "`";
}

std::string cells_table(const ReportInput& in, FactList cells, const analysis::Measure& measure, bool higher_better) {
    const std::string mean_label = "mean " + measure.name;
    auto mean_of = [&](const analysis::Fact* f) {
        const auto* v = value_labelled(*f, mean_label);
        return v ? v->value : std::nan("");
    };
    std::stable_sort(cells.begin(), cells.end(), [&](const auto* a, const auto* b) {
        const double x = mean_of(a), y = mean_of(b);
        if (std::isnan(x) != std::isnan(y)) return std::isnan(y);
        return higher_better ? x > y : x < y;
    });
    TextTable t{{"cell", "runs", "mean", "95 % CI", "CV", "fact"}, {Align::left, Align::right, Align::right, Align::right, Align::right}, {}, {}};
    for (std::size_t i = 0; i < cells.size() && i < kMaxCells; ++i) {
        const auto& f = *cells[i];
        const auto* n = value_labelled(f, "runs");
        const auto* mean = value_labelled(f, mean_label);
        const auto* lo = value_labelled(f, "95 % CI low");
        const auto* hi = value_labelled(f, "95 % CI high");
        const auto* cv = value_labelled(f, "CV");
        t.rows.push_back({cell_of(f), n ? n->text : "", mean ? mean->text : "", lo && hi ? lo->text + " to " + hi->text : "n/a",
                          cv ? cv->text : "n/a", fact_ref(f)});
    }
    std::string out = render_markdown(t);
    if (cells.size() > kMaxCells)
        out += "\n" + more_in_json(cells.size() - kMaxCells, "cells") + "\n";
    (void)in;
    return out;
}

std::string bullets(const ReportInput& in, const FactList& facts, std::size_t limit) {
    std::string out;
    for (std::size_t i = 0; i < facts.size() && i < limit; ++i)
        out += "- " + clip(in.decorate.statement(*facts[i])) + " " + fact_ref(*facts[i]) + "\n";
    if (facts.size() > limit) out += "- " + more_in_json(facts.size() - limit, "statements") + "\n";
    return out;
}

// Effects ranked by significance, then spread.
FactList ranked_effects(FactList effects) {
    auto spread = [](const analysis::Fact* f) {
        const auto* v = value_labelled(*f, "spread between levels");
        return v && std::isfinite(v->value) ? v->value : -1.0;
    };
    std::stable_sort(effects.begin(), effects.end(), [&](const auto* a, const auto* b) {
        const bool sa = a->severity == analysis::Severity::notice, sb = b->severity == analysis::Severity::notice;
        if (sa != sb) return sa;
        return spread(a) > spread(b);
    });
    return effects;
}

std::string render_dataset(const ReportInput& in, const DesignIndex& idx, const analysis::Dataset& ds) {
    const auto& frame = in.analysis.dataset_frames[ds.frame];
    std::string out = "### Dataset `" + ds.pattern + "`";
    // Two shapes under one pattern: the first file says which one this is.
    const auto same_pattern = std::count_if(in.analysis.datasets.begin(), in.analysis.datasets.end(),
                                            [&](const auto& other) { return other.pattern == ds.pattern; });
    out += same_pattern > 1 ? " (like `" + ds.example + "`)\n\n" : "\n\n";
    for (const auto* f : list(idx.by_dataset, key_of(analysis::FactKind::design_dataset, ds.id))) out += clip(in.decorate.statement(*f), kLimits.long_statement_chars) + " " + fact_ref(*f) + "\n\n";
    if (!ds.factors.empty()) out += factor_table(ds) + "\n";
    std::size_t shown = 0;
    for (int m : analysis::design_metrics(frame)) {
        if (shown == kMaxMetrics) break;
        const auto& measure = frame.measures[static_cast<std::size_t>(m)];
        auto of = [&](analysis::FactKind kind) -> const FactList& { return list(idx.by_key, key_of(kind, ds.id, measure.name)); };
        const FactList& cells = of(analysis::FactKind::design_cell);
        if (cells.empty()) continue;
        ++shown;
        const bool higher = measure.quantity == model::Quantity::throughput || measure.quantity == model::Quantity::rate;
        out += "**" + measure.name + "** (" + (higher ? "higher" : "lower") + " is better)\n\n";
        out += cells_table(in, cells, measure, higher) + "\n";
        FactList notes = of(analysis::FactKind::design_best);
        for (const auto* f : of(analysis::FactKind::design_noise)) notes.push_back(f);
        for (const auto* f : of(analysis::FactKind::design_incomplete)) notes.push_back(f);
        // Best, noise and completeness, then the largest effects, interactions and outliers; what
        // does not fit is counted once.
        const FactList effects = ranked_effects(of(analysis::FactKind::design_effect));
        const FactList& interactions = of(analysis::FactKind::design_interaction);
        const FactList& outliers = of(analysis::FactKind::design_outlier);
        for (std::size_t i = 0; i < effects.size() && i < kMaxEffects; ++i) notes.push_back(effects[i]);
        for (std::size_t i = 0; i < interactions.size() && i < kMaxInteractions; ++i) notes.push_back(interactions[i]);
        if (!outliers.empty()) notes.push_back(outliers.front());
        const std::size_t more = effects.size() - std::min(effects.size(), kMaxEffects) +
                                 interactions.size() - std::min(interactions.size(), kMaxInteractions) +
                                 (outliers.empty() ? 0 : outliers.size() - 1);
        out += bullets(in, notes, notes.size());
        if (more) out += "- " + more_in_json(more, "effects, interactions and outliers") + "\n";
        out += "\n";
    }
    const std::size_t metrics = analysis::design_metrics(frame).size();
    if (metrics > shown && shown == kMaxMetrics)
        out += more_in_json(metrics - shown, "metrics of this dataset") + "\n\n";
    FactList rest = list(idx.by_dataset, key_of(analysis::FactKind::design_failed_requests, ds.id));
    for (const auto* f : list(idx.by_dataset, key_of(analysis::FactKind::design_coverage, ds.id))) rest.push_back(f);
    for (const auto* f : list(idx.by_dataset, key_of(analysis::FactKind::design_cold, ds.id))) rest.push_back(f);
    for (const auto* f : list(idx.by_dataset, key_of(analysis::FactKind::design_disagreement, ds.id))) rest.push_back(f);
    if (!rest.empty()) out += bullets(in, rest, 4) + "\n";
    return out;
}

}  // namespace

std::vector<const analysis::Dataset*> ranked_datasets(const ReportInput& in) {
    // The order of their design.dataset facts: the analysis emits the most telling datasets first.
    std::vector<const analysis::Dataset*> order;
    for (const auto* f : facts_of_kind(in.analysis, analysis::FactKind::design_dataset))
        for (const auto& ds : in.analysis.datasets)
            if (ds.id == f->scope.dataset) order.push_back(&ds);
    return order;
}

std::string render_design(const ReportInput& in) {
    const auto order = ranked_datasets(in);
    if (order.empty()) return "";
    const DesignIndex idx = index_design(in.analysis);
    std::string out = "Files of one shape are pooled into datasets; their factors come from folder and file names "
                      "and from fields that vary inside the records. Each run (file) gives one observation per cell, so "
                      "confidence intervals and noise are across runs, not calls. TTFT excludes cold calls.\n\n";
    for (std::size_t i = 0; i < order.size() && i < kMaxDatasets; ++i) out += render_dataset(in, idx, *order[i]);
    if (order.size() > kMaxDatasets) out += more_in_json(order.size() - kMaxDatasets, "datasets") + "\n\n";
    return out;
}

}  // namespace report
