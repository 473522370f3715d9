#pragma once
// Confidence intervals: Student t for means of repeated runs, percentile bootstrap for medians
// and tail percentiles (METRICS.md "Confidence intervals").
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace stats {

/// A point estimate with a two-sided confidence interval. Bounds are NaN when no interval was
/// computed; `warnings` then says why.
struct Interval {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    double center = kNaN;      ///< the statistic of the sample itself; same unit as the input
    double lo = kNaN;          ///< lower bound; same unit as the input
    double hi = kNaN;          ///< upper bound; same unit as the input
    double confidence = 0.95;  ///< coverage as a fraction
    std::size_t n = 0;         ///< finite values used
    std::vector<std::string> warnings;  ///< caveats for the reader; render them, never drop them

    /// True when both bounds are numbers.
    bool has_bounds() const { return !std::isnan(lo) && !std::isnan(hi); }
};

/// Student-t interval for the mean: mean ± t(1 − α/2, n − 1) · s / √n, with s the sample sd
/// (n − 1) and the quantile from boost::math::students_t (α = 1 − confidence).
/// Non-finite values are excluded with a warning. Edge cases: n = 0 → everything NaN; n = 1 →
/// center = the value, no bounds, "n=1: no spread can be computed"; all values equal → lo = hi =
/// mean. For 2 ≤ n < 6 the interval IS computed (it is exact for normal data at any n ≥ 2) but
/// carries "need ≥ 6 samples for a 95 % CI" (METRICS.md), because with so few runs neither
/// normality nor the sd can be checked. confidence outside (0, 1) → no bounds and a warning.
/// Pure and thread-safe; O(n).
Interval t_interval_mean(std::span<const double> values, double confidence = 0.95);

struct Summary;
/// t_interval_mean() of the values that `summary` describes, from its n, mean and sample sd (the
/// same moments, so the same interval and warnings, bit for bit) without a second pass.
Interval t_interval_of(const Summary& summary, double confidence = 0.95);

/// Default seed of bootstrap_ci, fixed so that reports are reproducible.
inline constexpr std::uint64_t kDefaultBootstrapSeed = 0x5EED'C41A'E7A0'0001ULL;

/// Settings of bootstrap_ci.
struct BootstrapOptions {
    double confidence = 0.95;                    ///< coverage as a fraction
    std::size_t resamples = 2000;                ///< METRICS.md asks for ≥ 2,000
    std::uint64_t seed = kDefaultBootstrapSeed;  ///< same seed → same bounds on every platform
};

/// Percentile bootstrap (Efron 1979; Efron & Tibshirani 1993, ch. 13) of percentile p of `values`
/// (p = 0.5 for the median, 0.99 for p99): `resamples` times, draw n values with replacement
/// (xoshiro256** seeded with options.seed, unbiased integer draws; see random.hpp), take the
/// numpy-linear percentile p of the resample; lo and hi are the numpy-linear percentiles α/2 and
/// 1 − α/2 of those statistics (as scipy.stats.bootstrap(method='percentile') does).
/// center = percentile p of the sample. Deterministic for a given seed on every platform.
/// Non-finite values are excluded with a warning. Edge cases: n = 0 → everything NaN;
/// 1 ≤ n < 6 → center only, no bounds, "need ≥ 6 samples for a 95 % CI" (with so few values the
/// resamples take only a handful of distinct values and the interval means nothing);
/// resamples = 0, p outside [0, 1] or confidence outside (0, 1) → no bounds and a warning;
/// fewer than 2,000 resamples → computed with a warning; (n − 1)·min(p, 1 − p) < 1 (e.g. p99 with
/// n < 101) → computed with a warning, since the percentile then interpolates between the two most
/// extreme values and the bootstrap cannot see beyond the sample extremes.
/// Same unit as the input. Pure and thread-safe; O(resamples · n).
Interval bootstrap_ci(std::span<const double> values, double p = 0.5,
                      const BootstrapOptions& options = {});

/// Distribution-free 95 % interval of the median for large samples, where a bootstrap would cost
/// millions of draws: the order statistics of 1-based ranks ⌊n/2 − z·√n/2⌋ and ⌈n/2 + z·√n/2 + 1⌉
/// (clamped to 1..n), z = 1.959963984540054 — the normal approximation to the binomial
/// (Hollander & Wolfe). center = the numpy-linear median. The four order statistics it needs are
/// found by selection, O(n), not by a sort. Non-finite values are excluded with a warning;
/// n = 0 → everything NaN. Meant for n in the thousands; small n get wide, conservative ranks.
/// Same unit as the input. Pure and thread-safe.
Interval median_order_ci(std::span<const double> values);

}  // namespace stats
