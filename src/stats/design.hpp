#pragma once
// Statistics over an experimental design (docs/design.md "Statistics over the design"):
// observations indexed by factor levels are grouped into cells (one combination of all
// non-replicate factors); per cell a summary with a CI across replicates; per factor a main
// effect with a significance test; two-factor interactions where the grid is full; best and
// worst cell with the margin and whether it exceeds the noise; outliers inside cells.
// Pure: numbers in, numbers out; units are the caller's (every value in one unit).
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "stats/interval.hpp"
#include "stats/summary.hpp"

namespace stats {

/// One factor of the design: its levels in display order (natural order, numbers by value).
struct DesignFactor {
    std::string name;
    std::vector<std::string> levels;
    bool numeric = false;  ///< levels are numbers (a setting): effects also report the trend
};

/// The observations of one metric. levels[i][k] is the index into factors[k].levels of
/// observation i, or kMissing when the observation has no level for that factor.
struct DesignInput {
    static constexpr std::uint32_t kMissing = std::numeric_limits<std::uint32_t>::max();
    std::vector<DesignFactor> factors;           ///< non-replicate factors only
    std::vector<std::vector<std::uint32_t>> levels;
    std::vector<double> values;                  ///< one per observation; NaN = missing (ignored)
    bool higher_is_better = true;                ///< direction of the metric (tok/s up, ms down)
    double alpha = 0.05;
};

struct DesignCell {
    std::vector<std::uint32_t> levels;        ///< one per factor (kMissing allowed)
    std::vector<std::size_t> observations;    ///< indices into DesignInput::values (finite ones)
    Summary summary;                          ///< over the cell's finite values
    Interval mean_ci;                         ///< t-interval of the mean (no bounds below n = 2)
    /// Observations flagged as outliers in this cell: outside [Q1 − 3·IQR, Q3 + 3·IQR] with n ≥ 4,
    /// or, for n = 3, farther than 50 % from the median of the other two. Indices into values.
    std::vector<std::size_t> outliers;
    double mean_without_outliers = std::numeric_limits<double>::quiet_NaN();
};

/// Main effect of one factor: cell-level values pooled per level.
struct DesignEffect {
    std::size_t factor = 0;
    std::vector<double> level_median;    ///< per level (NaN where a level has no value)
    std::vector<std::size_t> level_n;
    /// (max level median − min level median) / |min level median| · 100, in %.
    double spread_percent = std::numeric_limits<double>::quiet_NaN();
    std::size_t best_level = 0, worst_level = 0;  ///< by direction
    /// Two levels: two-sided Mann–Whitney U; more: Kruskal–Wallis H with tie correction and the
    /// chi-square approximation (Kruskal & Wallis 1952). NaN when not computable.
    double p_value = std::numeric_limits<double>::quiet_NaN();
    std::string test;                    ///< "mann-whitney", "kruskal-wallis" or "" (not computed)
    bool significant = false;            ///< p_value < alpha
    std::vector<std::string> warnings;   ///< "level x has 1 observation", ...
};

/// Interaction of two factors, computed only where every combination of their levels has data:
/// the largest difference between the effect of factor a at one level of b and at another,
/// as a share of the overall median, in %.
struct DesignInteraction {
    std::size_t a = 0, b = 0;
    double max_contrast_percent = std::numeric_limits<double>::quiet_NaN();
};

struct DesignResult {
    std::vector<DesignCell> cells;       ///< cells with at least one finite value, in level order
    std::vector<DesignEffect> effects;   ///< one per factor with ≥ 2 levels observed
    std::vector<DesignInteraction> interactions;
    std::size_t best_cell = 0, worst_cell = 0;  ///< by cell mean and direction (when cells non-empty)
    std::size_t runner_up_cell = 0;              ///< second best (== best when only one cell)
    /// (best mean − runner-up mean) / |runner-up mean| · 100, signed by direction so > 0 means
    /// "better"; NaN with one cell.
    double margin_percent = std::numeric_limits<double>::quiet_NaN();
    /// Best vs runner-up: Mann–Whitney p-value of their observations (NaN when a side has < 2).
    double margin_p_value = std::numeric_limits<double>::quiet_NaN();
    /// The margin exceeds the noise: p < alpha when testable; otherwise the two cells' t-intervals
    /// do not overlap; false when neither can be judged.
    bool margin_significant = false;
    std::string margin_basis;            ///< "mann-whitney", "ci-overlap" or "not testable (n = 1 per cell)"
    double median_cv = std::numeric_limits<double>::quiet_NaN();  ///< replicate noise: median CV of cells with n ≥ 2
    // Completeness of the design.
    std::size_t full_grid_cells = 0;     ///< product of the factors' level counts
    std::size_t missing_cells = 0;       ///< full_grid_cells − cells observed
    bool unequal_n = false;              ///< cells differ in n
    std::size_t single_run_cells = 0;    ///< cells with n = 1
    std::vector<std::string> warnings;
};

/// Analyses one metric over a design. Deterministic; O(N log N) in the observations plus
/// O(cells · factors).
DesignResult analyze_design(const DesignInput& input);

/// Kruskal–Wallis H test of k groups (non-finite values ignored): H with midranks and tie
/// correction, p from the chi-square distribution with k − 1 degrees of freedom
/// (boost::math::chi_squared). NaN p when fewer than 2 groups have values or all values tie.
struct KruskalWallis {
    double h = std::numeric_limits<double>::quiet_NaN();
    double p_value = std::numeric_limits<double>::quiet_NaN();
    std::size_t groups = 0, n = 0;
};
KruskalWallis kruskal_wallis(std::span<const std::vector<double>> groups);

}  // namespace stats
