#pragma once
// Benchstat-style A/B comparison of one metric (METRICS.md "A/B comparison").
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "stats/mann_whitney.hpp"

namespace stats {

/// Baseline versus candidate for one metric.
struct Comparison {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    double baseline_median = kNaN;   ///< same unit as the input; numpy-linear median
    double candidate_median = kNaN;  ///< same unit as the input
    /// (candidate − baseline) / |baseline| · 100, in %; NaN when the baseline median is 0.
    double delta_percent = kNaN;
    double p_value = kNaN;  ///< two-sided Mann–Whitney U p-value (see mann_whitney_u)
    double alpha = 0.05;    ///< significance level used
    /// p_value < alpha; false when p_value is NaN. Reports print `~` instead of Δ when false.
    bool significant = false;
    MannWhitney test;                   ///< the underlying test: U, method, sizes
    std::vector<std::string> warnings;  ///< all caveats, the test's included; render, never drop
};

/// Compares `candidate` with `baseline` as benchstat does: medians of each (non-finite values
/// excluded), the change of the median in percent, and a two-sided Mann–Whitney U test
/// (mann_whitney_u(candidate, baseline), so U counts candidate-above-baseline pairs).
/// Δ % uses |baseline| in the denominator so that the sign always says whether the candidate's
/// median is larger. Edge cases: an empty side → medians / p NaN, not significant, warnings;
/// baseline median 0 → delta NaN plus a warning; fewer than 4 finite values on a side →
/// "need ≥ 4 samples per side to detect a difference"; alpha outside (0, 1) → not significant
/// plus a warning. Pure and thread-safe; O(N log N).
Comparison compare(std::span<const double> baseline, std::span<const double> candidate,
                   double alpha = 0.05);

}  // namespace stats
