#pragma once
// Mean and spread of finite values, computed in a numerically stable way.
#include <cstddef>
#include <limits>
#include <span>

namespace stats {

/// First two moments of a sample. NaN where undefined; same unit as the input unless stated.
struct Moments {
    std::size_t n = 0;
    double mean = 0;  ///< arithmetic mean; NaN when n = 0
    double m2 = 0;    ///< Σ (x − mean)², in the input unit squared; 0 when n ≤ 1
    double min = std::numeric_limits<double>::quiet_NaN();  ///< smallest value; NaN when n = 0
    double max = std::numeric_limits<double>::quiet_NaN();  ///< largest value; NaN when n = 0

    /// Sample variance m2 / (n − 1) (unit squared); NaN when n < 2.
    double variance_sample() const;
    /// Population variance m2 / n (unit squared); NaN when n = 0, 0 when n = 1.
    double variance_population() const;
    /// sqrt(variance_sample()): for spread across repeated runs (METRICS.md).
    double sd_sample() const;
    /// sqrt(variance_population()): for spread within one run's distribution (METRICS.md).
    double sd_population() const;
};

/// Moments of `finite` (every value must be finite; see finite_values) by the corrected two-pass
/// algorithm (Chan, Golub & LeVeque 1983, eq. 1.7): the mean is refined by the mean residual and
/// the residual sum is subtracted from Σ(x − mean)², which is accurate even when the spread is tiny
/// compared with the mean. All-equal input gives exactly mean = value and m2 = 0.
/// Empty input → n = 0, mean NaN. Pure and thread-safe; O(n).
Moments moments(std::span<const double> finite);

}  // namespace stats
