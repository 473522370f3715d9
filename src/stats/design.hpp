#pragma once
// Statistics over an experimental design (docs/design.md "Statistics over the design"):
// observations indexed by factor levels are grouped into cells (one combination of all
// non-replicate factors); per cell a summary with a CI across replicates; per factor a main
// effect with a significance test; two-factor interactions where the grid is full; best and
// worst cell with the margin and whether it exceeds the noise; outliers inside cells.
// Pure: numbers in, numbers out; units are the caller's (every value in one unit).
//
// Everything above the cell works on CELL MEANS, so a cell with 10 runs weighs as much as a cell
// with 1 (docs/design.md "Statistics over the design"): level medians, the effect tests, the
// interaction table and the overall median. Replicates enter through the cells: their summaries,
// CIs, outliers, the margin test and median_cv.
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
    /// or, for n = 3, farther than 50 % from the median of the other two (|x − m| > 0.5·|m|, m the
    /// mean of the other two) while those two agree (|a − b| < 0.5·|x − m|); at most one per cell
    /// for n = 3 (the farthest), none below n = 3. Quartiles numpy-linear. Indices into values.
    std::vector<std::size_t> outliers;
    double mean_without_outliers = std::numeric_limits<double>::quiet_NaN();  ///< == mean if none
};

/// Main effect of one factor: cell means pooled per level (docs/design.md "Main effects").
/// Cells without a level for this factor (kMissing) take no part. The test compares the cell
/// means of the levels, so when every cell has n = 1 it is the only test possible, and with
/// replicates it asks whether the factor moves the metric across the other factors' settings.
/// When every observed level has exactly one cell (a one-factor design, or a factor that alone
/// separates the cells) the cell means leave one value per level; the test then compares the
/// cells' observations (their replicates) instead, and test_on_replicates says so.
struct DesignEffect {
    std::size_t factor = 0;
    std::vector<double> level_median;    ///< per level: median of its cell means (NaN: no cell)
    std::vector<std::size_t> level_n;    ///< per level: number of cells (not observations)
    /// (max level median − min level median) / |min level median| · 100, in %.
    double spread_percent = std::numeric_limits<double>::quiet_NaN();
    std::size_t best_level = 0, worst_level = 0;  ///< by direction
    /// Two levels: two-sided Mann–Whitney U; more: Kruskal–Wallis H with tie correction and the
    /// chi-square approximation (Kruskal & Wallis 1952). NaN when not computable.
    double p_value = std::numeric_limits<double>::quiet_NaN();
    std::string test;                    ///< "mann-whitney", "kruskal-wallis" or "" (not computed)
    bool significant = false;            ///< p_value < alpha
    /// The test compared observations of one cell per level, not cell means (see above).
    bool test_on_replicates = false;
    /// Numeric factors with ≥ 3 observed levels: Spearman rank correlation of the level values
    /// (their display order, which is by value) with the level medians, in [−1, 1]; else NaN.
    double trend_spearman = std::numeric_limits<double>::quiet_NaN();
    /// Numeric factors with ≥ 3 observed levels: "increasing" or "decreasing" when the level
    /// medians move strictly one way as the value grows, else "non-monotonic"; "" otherwise.
    std::string trend;
    std::vector<std::string> warnings;   ///< "level \"x\" of f has 1 cell", ...
};

/// Interaction of two factors, computed only where every combination of their observed levels
/// has at least one cell and each has 2 to 12 observed levels: with m[i][j] the mean of the cell
/// means at level i of a and level j of b, the largest
/// |(m[i][j] − m[i'][j]) − (m[i][j'] − m[i'][j'])| over all level pairs, divided by |overall
/// median| (the median of all cell means) · 100, in %. 0 for an additive grid; NaN when the
/// overall median is 0 (docs/design.md "Interactions").
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
    /// Product of the factors' listed level counts (a factor with none counts as 1; saturates).
    std::size_t full_grid_cells = 0;
    /// full_grid_cells − observed cells that have a listed level for every factor.
    std::size_t missing_cells = 0;
    /// Observed cells with kMissing for some factor that lists levels (cells of their own,
    /// outside the grid).
    std::size_t off_grid_cells = 0;
    bool unequal_n = false;              ///< cells differ in n
    std::size_t single_run_cells = 0;    ///< cells with n = 1
    std::vector<std::string> warnings;
};

/// Analyses one metric over a design. Deterministic; O(N log N) in the observations plus
/// O(cells · factors) plus O(levels⁴) per interaction (levels ≤ 12).
/// Input checks: observations beyond min(levels.size(), values.size()) are ignored, absent or
/// out-of-range level indices count as kMissing, each with a warning. alpha outside (0, 1)
/// makes nothing significant (warning). Cell CIs are at confidence 1 − alpha (0.95 when alpha
/// is invalid).
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
