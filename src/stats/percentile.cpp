#include "stats/percentile.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <limits>

namespace stats {

double lerp_numpy(double a, double b, double t) {
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

double percentile(std::span<const double> sorted, double p) {
    assert(std::is_sorted(sorted.begin(), sorted.end()));
    const std::size_t n = sorted.size();
    if (n == 0 || !(p >= 0.0 && p <= 1.0)) return std::numeric_limits<double>::quiet_NaN();
    if (n == 1) return sorted[0];
    const double h = static_cast<double>(n - 1) * p;
    const double below = std::floor(h);
    const auto lo = static_cast<std::size_t>(below);
    const std::size_t hi = std::min(lo + 1, n - 1);
    return lerp_numpy(sorted[lo], sorted[hi], h - below);
}

double percentile_unsorted(std::span<double> values, double p) {
    const std::size_t n = values.size();
    if (n == 0 || !(p >= 0.0 && p <= 1.0)) return std::numeric_limits<double>::quiet_NaN();
    if (n == 1) return values[0];
    const double h = static_cast<double>(n - 1) * p;
    const double below = std::floor(h);
    const auto lo = static_cast<std::size_t>(below);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo), values.end());
    const double lo_value = values[lo];
    // The next order statistic is the smallest value above position lo.
    const double hi_value = lo + 1 < n ? *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end()) : lo_value;
    return lerp_numpy(lo_value, hi_value, h - below);
}

double median_of_sorted(std::span<const double> sorted) { return percentile(sorted, 0.5); }

}  // namespace stats
