#include "stats/moments.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Plain sum / n overflows for values near DBL_MAX; dividing first then cannot.
double first_pass_mean(std::span<const double> x, double sum, double n) {
    if (std::isfinite(sum)) return sum / n;
    double mean = 0;
    for (const double v : x) mean += v / n;
    return mean;
}

}  // namespace

double Moments::variance_sample() const { return n < 2 ? kNaN : m2 / static_cast<double>(n - 1); }

double Moments::variance_population() const { return n == 0 ? kNaN : m2 / static_cast<double>(n); }

double Moments::sd_sample() const { return std::sqrt(variance_sample()); }

double Moments::sd_population() const { return std::sqrt(variance_population()); }

Moments moments(std::span<const double> finite) {
    Moments result;
    result.n = finite.size();
    if (finite.empty()) {
        result.mean = kNaN;
        return result;
    }
    // One pass for the sum and the extremes (the first smallest and the last largest value, as
    // std::minmax_element picks them).
    double sum = 0, lo = finite[0], hi = finite[0];
    for (const double v : finite) {
        sum += v;
        if (v < lo) lo = v;
        if (!(v < hi)) hi = v;
    }
    result.min = lo;
    result.max = hi;
    if (lo == hi) {  // constant input: avoid rounding residue so sd and cv are exactly 0
        result.mean = lo;
        return result;
    }
    const double n = static_cast<double>(finite.size());
    const double mean = first_pass_mean(finite, sum, n);
    double residual_sum = 0;
    double squares = 0;
    for (const double v : finite) {
        const double d = v - mean;
        residual_sum += d;
        squares += d * d;
    }
    result.mean = std::clamp(mean + residual_sum / n, lo, hi);
    result.m2 = std::max(0.0, squares - residual_sum * residual_sum / n);
    return result;
}

}  // namespace stats
