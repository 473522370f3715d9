#pragma once
// Descriptive statistics of one sample (METRICS.md "Across requests and runs").
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace stats {

/// Descriptive statistics of the finite values of a sample. Every double is in the same unit as
/// the input except `cv`, a unitless fraction (0.05 = 5 %). NaN marks "undefined", never 0.
struct Summary {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::size_t n = 0;         ///< finite values used
    std::size_t excluded = 0;  ///< NaN / ±inf values left out (also reported in `warnings`)
    double mean = kNaN;
    double median = kNaN;         ///< percentile 0.5 (numpy linear)
    double p90 = kNaN;            ///< percentile 0.90 (numpy linear, Hyndman & Fan type 7)
    double p95 = kNaN;            ///< percentile 0.95
    double p99 = kNaN;            ///< percentile 0.99
    double sd_sample = kNaN;      ///< n − 1 denominator (across repeated runs); NaN when n < 2
    double sd_population = kNaN;  ///< n denominator (within one run); 0 when n = 1
    double cv = kNaN;             ///< sd_sample / mean; NaN when n < 2 or mean = 0
    double min = kNaN;
    double max = kNaN;
    std::vector<std::string> warnings;  ///< caveats for the reader; render them, never drop them
};

/// Summarises `values`: non-finite values are excluded and counted (with a warning), the rest are
/// selected for the percentiles (numpy 'linear', see percentile()) and the moments use the corrected
/// two-pass algorithm (see moments()). Edge cases:
/// - n = 0: every statistic NaN, warning "n=0: no finite values";
/// - n = 1: mean = median = percentiles = min = max = the value, sd_population 0, sd_sample and
///   cv NaN, warnings "n=1: no spread can be computed" and the CI warning below;
/// - all values equal: sd 0 and cv 0 exactly (cv NaN if the value is 0);
/// - mean = 0 with n ≥ 2: cv NaN plus a warning;
/// - 1 ≤ n < 6: warning "need ≥ 6 samples for a 95 % CI" (METRICS.md), since any CI a report
///   puts next to this summary would be untrustworthy.
/// Pure and thread-safe; O(n) (percentiles by selection, see percentiles_unsorted()).
Summary summarize(std::span<const double> values);

/// The mean of the finite values, exactly as summarize() computes it (same order of summation),
/// without sorting, percentiles or warnings; NaN when none is finite. For analyzers that need only means.
double mean_of_finite(std::span<const double> values);

}  // namespace stats
