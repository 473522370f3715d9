#include "stats/ratio.hpp"

#include <cmath>

#include "stats/warnings.hpp"

namespace stats {

double ratio(double numerator, double denominator) {
    if (denominator == 0.0) return std::numeric_limits<double>::quiet_NaN();
    return numerator / denominator;
}

double speedup(double sequential_s, double concurrent_s) {
    return ratio(sequential_s, concurrent_s);
}

double efficiency(double speedup_value, std::size_t n_agents) {
    return ratio(speedup_value, static_cast<double>(n_agents));
}

void WeightedRateSum::add(double num, double den) {
    if (!std::isfinite(num) || !std::isfinite(den) || den <= 0.0) {
        ++r_.ignored;
        return;
    }
    r_.numerator_sum += num;
    r_.denominator_sum += den;
    ++r_.used;
}

WeightedRate WeightedRateSum::result() const {
    WeightedRate r = r_;
    if (r.ignored > 0) {
        add_warning(r.warnings, "ignored " + std::to_string(r.ignored) + " of " + std::to_string(pairs()) +
                                    " pairs: a value was not finite or the denominator was ≤ 0");
    }
    if (r.used == 0) {
        add_warning(r.warnings, "no usable pairs: the rate is undefined");
        return r;
    }
    r.rate = ratio(r.numerator_sum, r.denominator_sum);
    return r;
}

WeightedRate weighted_rate(std::span<const double> numerators,
                           std::span<const double> denominators) {
    if (numerators.size() != denominators.size()) {
        WeightedRate r;
        add_warning(r.warnings, "weighted rate: " + std::to_string(numerators.size()) +
                                    " numerators but " + std::to_string(denominators.size()) +
                                    " denominators; nothing computed");
        return r;
    }
    WeightedRateSum sum;
    for (std::size_t i = 0; i < numerators.size(); ++i) sum.add(numerators[i], denominators[i]);
    return sum.result();
}

}  // namespace stats
