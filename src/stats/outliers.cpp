// Outlier runs inside one cell (docs/design.md "Statistics over the design").
#include "stats/outliers.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "stats/percentile.hpp"

namespace stats {

namespace {

/// Positions in `x` outside [Q1 − 3·IQR, Q3 + 3·IQR] (n ≥ 4).
std::vector<std::size_t> fence_outliers(std::span<const double> x) {
    std::vector<double> sorted(x.begin(), x.end());
    std::sort(sorted.begin(), sorted.end());
    const double q1 = percentile(sorted, 0.25);
    const double q3 = percentile(sorted, 0.75);
    const double lo = q1 - 3.0 * (q3 - q1);
    const double hi = q3 + 3.0 * (q3 - q1);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (x[i] < lo || x[i] > hi) out.push_back(i);
    return out;
}

/// The position in `x` (n = 3) of the value farther than 50 % from the median m of the other
/// two while those two agree (their gap under half the value's distance to m); the farthest if
/// several; none if no value is.
std::vector<std::size_t> triple_outlier(std::span<const double> x) {
    std::size_t chosen = x.size();
    double chosen_distance = 0;
    for (std::size_t k = 0; k < 3; ++k) {
        const double a = x[(k + 1) % 3], b = x[(k + 2) % 3];
        const double m = (a + b) / 2;  // the median of two values
        const double distance = std::abs(x[k] - m);
        const bool others_agree = std::abs(a - b) < 0.5 * distance;
        if (others_agree && distance > 0.5 * std::abs(m) && distance > chosen_distance) {
            chosen = k;
            chosen_distance = distance;
        }
    }
    if (chosen == x.size()) return {};
    return {chosen};
}

}  // namespace

std::vector<std::size_t> outlier_positions(std::span<const double> x) {
    if (x.size() >= 4) return fence_outliers(x);
    if (x.size() == 3) return triple_outlier(x);
    return {};
}

}  // namespace stats
