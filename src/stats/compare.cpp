#include "stats/compare.hpp"

#include <cmath>
#include <cstdio>

#include "stats/finite.hpp"
#include "stats/percentile.hpp"
#include "stats/warnings.hpp"

namespace stats {

Comparison compare(std::span<const double> baseline, std::span<const double> candidate,
                   double alpha) {
    Comparison c;
    c.alpha = alpha;
    c.baseline_median = median_of_sorted(sorted_finite_values(baseline).values);
    c.candidate_median = median_of_sorted(sorted_finite_values(candidate).values);
    c.test = mann_whitney_u(candidate, baseline);
    c.p_value = c.test.p_value;
    // The test names its sides a and b; here they are candidate and baseline.
    for (std::string message : c.test.warnings) {
        if (message.rfind("a: ", 0) == 0) message = "candidate: " + message.substr(3);
        if (message.rfind("b: ", 0) == 0) message = "baseline: " + message.substr(3);
        add_warning(c.warnings, message);
    }

    if (c.baseline_median == 0.0) {
        add_warning(c.warnings, "Δ % undefined: the baseline median is 0");
    } else {
        c.delta_percent =
            (c.candidate_median - c.baseline_median) / std::fabs(c.baseline_median) * 100.0;
    }

    if (!(alpha > 0.0 && alpha < 1.0)) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "alpha must be in (0, 1), got %g", alpha);
        add_warning(c.warnings, buffer);
        return c;
    }
    c.significant = c.p_value < alpha;  // false for NaN
    return c;
}

}  // namespace stats
