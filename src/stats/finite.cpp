#include "stats/finite.hpp"

#include <algorithm>
#include <cmath>

namespace stats {

FiniteSample finite_values(std::span<const double> values) {
    FiniteSample sample;
    sample.values.reserve(values.size());
    for (const double x : values) {
        if (std::isfinite(x)) {
            sample.values.push_back(x);
        } else {
            ++sample.excluded;
        }
    }
    return sample;
}

FiniteSample sorted_finite_values(std::span<const double> values) {
    FiniteSample sample = finite_values(values);
    std::sort(sample.values.begin(), sample.values.end());
    return sample;
}

}  // namespace stats
