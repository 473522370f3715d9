// Statistics over an experimental design (docs/design.md "Statistics over the design").
#include "stats/design.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "stats/mann_whitney.hpp"
#include "stats/outliers.hpp"
#include "stats/percentile.hpp"
#include "stats/ranks.hpp"
#include "stats/warnings.hpp"

namespace stats {
namespace {

using LevelKey = std::vector<std::uint32_t>;
constexpr std::uint32_t kMissing = DesignInput::kMissing;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Interactions are skipped above this many observed levels of either factor (O(levels⁴)).
constexpr std::size_t kMaxInteractionLevels = 12;

/// True when `a` is strictly better than `b` in the metric's direction.
bool better(double a, double b, bool higher_is_better) { return higher_is_better ? a > b : a < b; }

/// Median of a copy of `values` (finite expected); NaN when empty.
double median_of(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return median_of_sorted(values);
}

std::string level_name(const DesignInput& in, std::size_t factor, std::uint32_t level) {
    return "\"" + in.factors[factor].levels[level] + "\" of " + in.factors[factor].name;
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- Cells (docs/design.md "Cells") --------------------------------------------------------

/// Finite observations grouped by their level vector, in level order (kMissing sorts last).
struct Grouping {
    std::map<LevelKey, std::vector<std::size_t>> groups;
    std::size_t non_finite = 0;
};

/// The level vector of observation i: absent or out-of-range entries become kMissing, and the
/// factors where that happened are marked in `bad_level`.
LevelKey level_key(const DesignInput& in, std::size_t i, std::vector<bool>& bad_level) {
    const std::size_t factors = in.factors.size();
    LevelKey key(factors, kMissing);
    const std::vector<std::uint32_t>& row = in.levels[i];
    for (std::size_t k = 0; k < factors; ++k) {
        if (k >= row.size()) {
            bad_level[k] = true;
            continue;
        }
        if (row[k] != kMissing && row[k] >= in.factors[k].levels.size()) {
            bad_level[k] = true;
            continue;
        }
        key[k] = row[k];
    }
    return key;
}

Grouping group_observations(const DesignInput& in, std::vector<std::string>& warnings) {
    Grouping g;
    const std::size_t count = std::min(in.levels.size(), in.values.size());
    if (in.levels.size() != in.values.size()) {
        add_warning(warnings, "levels and values differ in length (" +
                                  std::to_string(in.levels.size()) + " vs " +
                                  std::to_string(in.values.size()) + "): used the first " +
                                  std::to_string(count));
    }
    std::vector<bool> bad_level(in.factors.size(), false);
    for (std::size_t i = 0; i < count; ++i) {
        if (!std::isfinite(in.values[i])) {
            ++g.non_finite;
            continue;
        }
        g.groups[level_key(in, i, bad_level)].push_back(i);
    }
    for (std::size_t k = 0; k < in.factors.size(); ++k) {
        if (bad_level[k])
            add_warning(warnings, "some observations have no valid level index for " +
                                      in.factors[k].name + ": treated as missing");
    }
    if (g.non_finite > 0) add_warning(warnings, non_finite_warning(g.non_finite, count));
    return g;
}

DesignCell make_cell(const DesignInput& in, LevelKey levels, std::vector<std::size_t> observations,
                     double confidence) {
    DesignCell cell;
    cell.levels = std::move(levels);
    cell.observations = std::move(observations);
    std::vector<double> x;
    x.reserve(cell.observations.size());
    for (const std::size_t i : cell.observations) x.push_back(in.values[i]);
    cell.summary = summarize(x);
    cell.mean_ci = t_interval_of(cell.summary, confidence);

    const std::vector<std::size_t> positions = outlier_positions(x);
    std::vector<double> kept;
    std::size_t next = 0;  // positions are ascending
    for (std::size_t p = 0; p < x.size(); ++p) {
        if (next < positions.size() && positions[next] == p) {
            cell.outliers.push_back(cell.observations[p]);
            ++next;
        } else {
            kept.push_back(x[p]);
        }
    }
    cell.mean_without_outliers = positions.empty() ? cell.summary.mean : mean_of_finite(kept);
    return cell;
}

std::vector<DesignCell> build_cells(const DesignInput& in, Grouping grouping, double confidence) {
    std::vector<DesignCell> cells;
    cells.reserve(grouping.groups.size());
    for (auto& [key, observations] : grouping.groups)
        cells.push_back(make_cell(in, key, std::move(observations), confidence));
    return cells;
}

// ---- Main effects (docs/design.md "Main effects") -----------------------------------------

/// Per level of one factor: the indices of its cells.
std::vector<std::vector<std::size_t>> cells_by_level(const DesignInput& in,
                                                     const std::vector<DesignCell>& cells,
                                                     std::size_t factor) {
    std::vector<std::vector<std::size_t>> by_level(in.factors[factor].levels.size());
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const std::uint32_t level = cells[c].levels[factor];
        if (level != kMissing) by_level[level].push_back(c);
    }
    return by_level;
}

std::vector<std::uint32_t> observed_levels(const std::vector<std::vector<std::size_t>>& by_level) {
    std::vector<std::uint32_t> observed;
    for (std::size_t l = 0; l < by_level.size(); ++l)
        if (!by_level[l].empty()) observed.push_back(static_cast<std::uint32_t>(l));
    return observed;
}

/// The values each observed level contributes to the test: its cell means, or (when every
/// level has exactly one cell) that cell's observations.
std::vector<std::vector<double>> test_groups(const DesignInput& in,
                                             const std::vector<DesignCell>& cells,
                                             const std::vector<std::vector<std::size_t>>& by_level,
                                             bool on_replicates) {
    std::vector<std::vector<double>> groups;
    for (const std::vector<std::size_t>& level_cells : by_level) {
        if (level_cells.empty()) continue;
        std::vector<double>& group = groups.emplace_back();
        for (const std::size_t c : level_cells) {
            if (!on_replicates) {
                group.push_back(cells[c].summary.mean);
                continue;
            }
            for (const std::size_t i : cells[c].observations) group.push_back(in.values[i]);
        }
    }
    return groups;
}

/// Runs Mann–Whitney (2 groups) or Kruskal–Wallis (more) when some group has ≥ 2 values.
void test_effect(DesignEffect& effect, const std::vector<std::vector<double>>& groups,
                 double alpha) {
    const bool any_spread = std::any_of(groups.begin(), groups.end(),
                                        [](const std::vector<double>& g) { return g.size() >= 2; });
    if (!any_spread) {
        effect.warnings.push_back("every level has a single value: the effect cannot be tested");
        return;
    }
    if (groups.size() == 2) {
        effect.p_value = mann_whitney_u(groups[0], groups[1]).p_value;
        effect.test = "mann-whitney";
    } else {
        effect.p_value = kruskal_wallis(groups).p_value;
        effect.test = "kruskal-wallis";
    }
    effect.significant = effect.p_value < alpha;
}

/// Pearson correlation of the ranks of the positions 0..k−1 with the ranks of `medians`.
double spearman_with_order(const std::vector<double>& medians) {
    std::vector<double> position(medians.size());
    for (std::size_t i = 0; i < position.size(); ++i) position[i] = static_cast<double>(i + 1);
    const std::vector<double> ranks = midranks(medians);
    const double mean = (static_cast<double>(medians.size()) + 1.0) / 2;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        sxy += (position[i] - mean) * (ranks[i] - mean);
        sxx += (position[i] - mean) * (position[i] - mean);
        syy += (ranks[i] - mean) * (ranks[i] - mean);
    }
    return syy > 0 ? sxy / std::sqrt(sxx * syy) : kNaN;
}

/// Trend of a numeric factor over its observed levels in value order (≥ 3 levels).
void add_trend(DesignEffect& effect, const std::vector<std::uint32_t>& observed) {
    if (observed.size() < 3) return;
    std::vector<double> medians;
    for (const std::uint32_t l : observed) medians.push_back(effect.level_median[l]);
    effect.trend_spearman = spearman_with_order(medians);
    bool up = true, down = true;
    for (std::size_t i = 1; i < medians.size(); ++i) {
        up = up && medians[i] > medians[i - 1];
        down = down && medians[i] < medians[i - 1];
    }
    effect.trend = up ? "increasing" : down ? "decreasing" : "non-monotonic";
}

void rank_levels(DesignEffect& effect, const std::vector<std::uint32_t>& observed,
                 bool higher_is_better) {
    effect.best_level = effect.worst_level = observed.front();
    double lowest = effect.level_median[observed.front()];
    double highest = lowest;
    for (const std::uint32_t l : observed) {
        const double m = effect.level_median[l];
        if (better(m, effect.level_median[effect.best_level], higher_is_better)) effect.best_level = l;
        if (better(effect.level_median[effect.worst_level], m, higher_is_better)) effect.worst_level = l;
        lowest = std::min(lowest, m);
        highest = std::max(highest, m);
    }
    if (lowest != 0.0) effect.spread_percent = (highest - lowest) / std::abs(lowest) * 100.0;
}

void warn_thin_levels(DesignEffect& effect, const DesignInput& in) {
    for (std::size_t l = 0; l < effect.level_n.size(); ++l) {
        const std::string name = "level " + level_name(in, effect.factor, static_cast<std::uint32_t>(l));
        if (effect.level_n[l] == 0) effect.warnings.push_back(name + " has no data");
        if (effect.level_n[l] == 1) effect.warnings.push_back(name + " has only 1 cell");
    }
}

/// The main effect of `factor`, or nothing when fewer than 2 of its levels are observed.
std::optional<DesignEffect> main_effect(const DesignInput& in, const std::vector<DesignCell>& cells,
                                        std::size_t factor, double alpha) {
    const auto by_level = cells_by_level(in, cells, factor);
    const std::vector<std::uint32_t> observed = observed_levels(by_level);
    if (observed.size() < 2) return std::nullopt;

    DesignEffect effect;
    effect.factor = factor;
    for (const std::vector<std::size_t>& level_cells : by_level) {
        std::vector<double> means;
        for (const std::size_t c : level_cells) means.push_back(cells[c].summary.mean);
        effect.level_n.push_back(level_cells.size());
        effect.level_median.push_back(median_of(std::move(means)));
    }
    rank_levels(effect, observed, in.higher_is_better);
    warn_thin_levels(effect, in);
    effect.test_on_replicates = std::all_of(observed.begin(), observed.end(),
                                            [&](std::uint32_t l) { return by_level[l].size() == 1; });
    if (effect.test_on_replicates)
        effect.warnings.push_back("one cell per level: the test compares the cells' replicates");
    test_effect(effect, test_groups(in, cells, by_level, effect.test_on_replicates), alpha);
    if (in.factors[factor].numeric) add_trend(effect, observed);
    return effect;
}

// ---- Interactions (docs/design.md "Interactions") -----------------------------------------

/// Observed levels of each factor, in level order.
std::vector<std::vector<std::uint32_t>> observed_levels_of_all(const DesignInput& in,
                                                               const std::vector<DesignCell>& cells) {
    std::vector<std::vector<std::uint32_t>> observed;
    for (std::size_t k = 0; k < in.factors.size(); ++k)
        observed.push_back(observed_levels(cells_by_level(in, cells, k)));
    return observed;
}

/// m[i][j]: mean of the cell means at the i-th observed level of a and j-th of b; empty when a
/// combination has no cell.
std::vector<std::vector<double>> marginal_means(const std::vector<DesignCell>& cells, std::size_t a,
                                                std::size_t b,
                                                const std::vector<std::uint32_t>& levels_a,
                                                const std::vector<std::uint32_t>& levels_b) {
    std::vector<std::uint32_t> index_a(levels_a.back() + 1, kMissing), index_b(levels_b.back() + 1, kMissing);
    for (std::uint32_t i = 0; i < levels_a.size(); ++i) index_a[levels_a[i]] = i;
    for (std::uint32_t j = 0; j < levels_b.size(); ++j) index_b[levels_b[j]] = j;
    std::vector<std::vector<double>> sum(levels_a.size(), std::vector<double>(levels_b.size(), 0.0));
    std::vector<std::vector<std::size_t>> count(levels_a.size(), std::vector<std::size_t>(levels_b.size(), 0));
    for (const DesignCell& cell : cells) {
        if (cell.levels[a] == kMissing || cell.levels[b] == kMissing) continue;
        const std::uint32_t i = index_a[cell.levels[a]], j = index_b[cell.levels[b]];
        sum[i][j] += cell.summary.mean;
        ++count[i][j];
    }
    for (std::size_t i = 0; i < sum.size(); ++i) {
        for (std::size_t j = 0; j < sum[i].size(); ++j) {
            if (count[i][j] == 0) return {};
            sum[i][j] /= static_cast<double>(count[i][j]);
        }
    }
    return sum;
}

/// max |(m[i][j] − m[i'][j]) − (m[i][j'] − m[i'][j'])| over all level pairs.
double max_contrast(const std::vector<std::vector<double>>& m) {
    double largest = 0;
    for (std::size_t i = 0; i < m.size(); ++i)
        for (std::size_t i2 = i + 1; i2 < m.size(); ++i2)
            for (std::size_t j = 0; j < m[i].size(); ++j)
                for (std::size_t j2 = j + 1; j2 < m[i].size(); ++j2)
                    largest = std::max(largest, std::abs((m[i][j] - m[i2][j]) - (m[i][j2] - m[i2][j2])));
    return largest;
}

std::vector<DesignInteraction> interactions(const DesignInput& in, const std::vector<DesignCell>& cells,
                                            double overall_median) {
    const auto observed = observed_levels_of_all(in, cells);
    auto usable = [&](std::size_t k) {
        return observed[k].size() >= 2 && observed[k].size() <= kMaxInteractionLevels;
    };
    std::vector<DesignInteraction> out;
    for (std::size_t a = 0; a < in.factors.size(); ++a) {
        for (std::size_t b = a + 1; b < in.factors.size(); ++b) {
            if (!usable(a) || !usable(b)) continue;
            const auto m = marginal_means(cells, a, b, observed[a], observed[b]);
            if (m.empty()) continue;
            DesignInteraction interaction;
            interaction.a = a;
            interaction.b = b;
            if (overall_median != 0.0)
                interaction.max_contrast_percent = max_contrast(m) / std::abs(overall_median) * 100.0;
            out.push_back(interaction);
        }
    }
    return out;
}

// ---- Best, worst and the margin (docs/design.md "Best and worst cell") ----------------------

void rank_cells(DesignResult& r, bool higher_is_better) {
    const auto mean = [&](std::size_t c) { return r.cells[c].summary.mean; };
    for (std::size_t c = 1; c < r.cells.size(); ++c) {
        if (better(mean(c), mean(r.best_cell), higher_is_better)) r.best_cell = c;
        if (better(mean(r.worst_cell), mean(c), higher_is_better)) r.worst_cell = c;
    }
    r.runner_up_cell = r.best_cell;
    bool found = false;
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
        if (c == r.best_cell) continue;
        if (!found || better(mean(c), mean(r.runner_up_cell), higher_is_better)) r.runner_up_cell = c;
        found = true;
    }
}

void judge_margin(DesignResult& r, const DesignInput& in, double alpha) {
    if (r.cells.size() < 2) return;
    const DesignCell& best = r.cells[r.best_cell];
    const DesignCell& runner = r.cells[r.runner_up_cell];
    const double gap = in.higher_is_better ? best.summary.mean - runner.summary.mean
                                           : runner.summary.mean - best.summary.mean;
    if (runner.summary.mean != 0.0) r.margin_percent = gap / std::abs(runner.summary.mean) * 100.0;

    if (best.summary.n >= 2 && runner.summary.n >= 2) {
        std::vector<double> a, b;
        for (const std::size_t i : best.observations) a.push_back(in.values[i]);
        for (const std::size_t i : runner.observations) b.push_back(in.values[i]);
        r.margin_p_value = mann_whitney_u(a, b).p_value;
        if (!std::isnan(r.margin_p_value)) {
            r.margin_basis = "mann-whitney";
            r.margin_significant = r.margin_p_value < alpha;
            if (std::min(best.summary.n, runner.summary.n) < kMinSamplesPerSide)
                add_warning(r.warnings, "best vs runner-up: need ≥ 4 runs per cell to detect a difference");
            return;
        }
    }
    if (best.mean_ci.has_bounds() && runner.mean_ci.has_bounds()) {
        r.margin_basis = "ci-overlap";
        r.margin_significant = best.mean_ci.lo > runner.mean_ci.hi || runner.mean_ci.lo > best.mean_ci.hi;
        return;
    }
    r.margin_basis = "not testable (n = 1 per cell)";
}

// ---- Noise and completeness (docs/design.md "Completeness") --------------------------------

double median_cv(const std::vector<DesignCell>& cells) {
    std::vector<double> cvs;
    for (const DesignCell& cell : cells)
        if (cell.summary.n >= 2 && !std::isnan(cell.summary.cv)) cvs.push_back(cell.summary.cv);
    return median_of(std::move(cvs));
}

std::size_t grid_size(const DesignInput& in) {
    std::size_t product = 1;
    for (const DesignFactor& factor : in.factors) {
        const std::size_t levels = std::max<std::size_t>(1, factor.levels.size());
        if (product > std::numeric_limits<std::size_t>::max() / levels)
            return std::numeric_limits<std::size_t>::max();
        product *= levels;
    }
    return product;
}

bool on_grid(const DesignInput& in, const DesignCell& cell) {
    for (std::size_t k = 0; k < in.factors.size(); ++k)
        if (!in.factors[k].levels.empty() && cell.levels[k] == kMissing) return false;
    return true;
}

void assess_completeness(DesignResult& r, const DesignInput& in) {
    r.full_grid_cells = grid_size(in);
    std::size_t observed_on_grid = 0;
    std::size_t min_n = std::numeric_limits<std::size_t>::max(), max_n = 0;
    for (const DesignCell& cell : r.cells) {
        if (on_grid(in, cell)) ++observed_on_grid;
        else ++r.off_grid_cells;
        if (cell.summary.n == 1) ++r.single_run_cells;
        min_n = std::min(min_n, cell.summary.n);
        max_n = std::max(max_n, cell.summary.n);
    }
    r.missing_cells = r.full_grid_cells - std::min(r.full_grid_cells, observed_on_grid);
    r.unequal_n = !r.cells.empty() && min_n != max_n;

    if (r.missing_cells > 0)
        add_warning(r.warnings, std::to_string(r.missing_cells) + " of " + std::to_string(r.full_grid_cells) +
                                    (r.missing_cells == 1 ? " cells has no data" : " cells have no data"));
    if (r.off_grid_cells > 0)
        add_warning(r.warnings, plural(r.off_grid_cells, "cell lacks", "cells lack") +
                                    " a level of some factor: kept as cells of their own");
    if (r.single_run_cells > 0)
        add_warning(r.warnings, r.single_run_cells == 1
                                    ? "1 cell has a single run: no noise estimate for it"
                                    : std::to_string(r.single_run_cells) +
                                          " cells have a single run: no noise estimate for them");
    if (r.unequal_n)
        add_warning(r.warnings, "cells differ in run count (" + std::to_string(min_n) + " to " +
                                    std::to_string(max_n) + " runs): effects weigh each cell once");
}

double overall_median(const std::vector<DesignCell>& cells) {
    std::vector<double> means;
    for (const DesignCell& cell : cells) means.push_back(cell.summary.mean);
    return median_of(std::move(means));
}

}  // namespace

DesignResult analyze_design(const DesignInput& in) {
    DesignResult r;
    const bool alpha_valid = in.alpha > 0.0 && in.alpha < 1.0;
    // An invalid alpha makes nothing significant: p < 0 never holds.
    const double alpha = alpha_valid ? in.alpha : 0.0;
    const double confidence = alpha_valid ? 1.0 - in.alpha : 0.95;
    if (!alpha_valid)
        add_warning(r.warnings, "alpha must be in (0, 1): nothing is marked significant");

    r.cells = build_cells(in, group_observations(in, r.warnings), confidence);
    assess_completeness(r, in);
    if (r.cells.empty()) {
        add_warning(r.warnings, kNoValuesWarning);
        return r;
    }
    for (std::size_t k = 0; k < in.factors.size(); ++k)
        if (auto effect = main_effect(in, r.cells, k, alpha)) r.effects.push_back(std::move(*effect));
    const double median = overall_median(r.cells);
    r.interactions = interactions(in, r.cells, median);
    if (median == 0.0 && !r.interactions.empty())
        add_warning(r.warnings, "the overall median is 0: interaction contrasts in % are undefined");
    rank_cells(r, in.higher_is_better);
    judge_margin(r, in, alpha);
    r.median_cv = median_cv(r.cells);
    return r;
}

}  // namespace stats
