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

namespace {

// Linear interpolation between order statistics lo and lo + 1 (numpy's h = (n - 1) p).
struct Rank {
    std::size_t lo;
    double fraction;
};

Rank rank_of(std::size_t n, double p) {
    const double h = static_cast<double>(n - 1) * p;
    const double below = std::floor(h);
    return Rank{static_cast<std::size_t>(below), h - below};
}

bool defined(std::size_t n, double p) { return n > 0 && p >= 0.0 && p <= 1.0; }

}  // namespace

double percentile(std::span<const double> sorted, double p) {
    assert(std::is_sorted(sorted.begin(), sorted.end()));
    const std::size_t n = sorted.size();
    if (!defined(n, p)) return std::numeric_limits<double>::quiet_NaN();
    if (n == 1) return sorted[0];
    const Rank r = rank_of(n, p);
    return lerp_numpy(sorted[r.lo], sorted[std::min(r.lo + 1, n - 1)], r.fraction);
}

double percentile_unsorted(std::span<double> values, double p) {
    const std::size_t n = values.size();
    if (!defined(n, p)) return std::numeric_limits<double>::quiet_NaN();
    if (n == 1) return values[0];
    const Rank r = rank_of(n, p);
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(r.lo);
    std::nth_element(values.begin(), at, values.end());
    // The next order statistic is the smallest value above position lo.
    const double hi_value = r.lo + 1 < n ? *std::min_element(at + 1, values.end()) : *at;
    return lerp_numpy(*at, hi_value, r.fraction);
}

void percentiles_unsorted(std::span<double> values, std::span<const double> ps, std::span<double> out) {
    assert(out.size() == ps.size());
    const std::size_t n = values.size();
    // Invariant: every value before `first` is <= every value from `first` on (nth_element's
    // partition), so a higher rank is selected within [first, end) alone.
    auto first = values.begin();
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (!defined(n, ps[i])) {
            out[i] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        if (n == 1) {
            out[i] = values[0];
            continue;
        }
        const Rank r = rank_of(n, ps[i]);
        const auto at = values.begin() + static_cast<std::ptrdiff_t>(r.lo);
        if (at < first) first = values.begin();  // ps not ascending: select over everything
        std::nth_element(first, at, values.end());
        const double hi_value = r.lo + 1 < n ? *std::min_element(at + 1, values.end()) : *at;
        out[i] = lerp_numpy(*at, hi_value, r.fraction);
        first = at;
    }
}

double median_of_sorted(std::span<const double> sorted) { return percentile(sorted, 0.5); }

}  // namespace stats
