#include "stats/summary.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

#include "stats/finite.hpp"
#include "stats/moments.hpp"
#include "stats/percentile.hpp"
#include "stats/warnings.hpp"

namespace stats {

Summary summarize(std::span<const double> values) {
    Summary s;
    // Moments in input order (as t_interval_mean and mean_of_finite sum), then percentiles by
    // selection (a sort costs n log n for four order statistics).
    FiniteSample sample = finite_values(values);
    const Moments m = moments(sample.values);
    std::vector<double>& x = sample.values;
    s.n = x.size();
    s.excluded = sample.excluded;
    if (s.excluded > 0) add_warning(s.warnings, non_finite_warning(s.excluded, values.size()));
    if (s.n == 0) {
        add_warning(s.warnings, kNoValuesWarning);
        return s;
    }

    s.min = m.min;  // the moments' pass found the extremes
    s.max = m.max;
    static constexpr double kPs[] = {0.5, 0.90, 0.95, 0.99};
    double at[std::size(kPs)];
    percentiles_unsorted(x, kPs, at);
    s.median = at[0];
    s.p90 = at[1];
    s.p95 = at[2];
    s.p99 = at[3];

    s.mean = m.mean;
    s.sd_population = m.sd_population();
    s.sd_sample = m.sd_sample();
    if (s.n == 1) {
        add_warning(s.warnings, kNoSpreadWarning);
    } else if (s.mean == 0.0) {
        add_warning(s.warnings, "cv undefined: the mean is 0");
    } else {
        s.cv = s.sd_sample / s.mean;
    }
    if (s.n < kMinSamplesForCi) add_warning(s.warnings, need_samples_for_ci_warning(0.95));
    return s;
}

double mean_of_finite(std::span<const double> values) {
    // Analyzers mostly pass values already filtered to finite ones: then no copy is needed.
    if (std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); }))
        return values.empty() ? std::numeric_limits<double>::quiet_NaN() : moments(values).mean;
    const FiniteSample sample = finite_values(values);
    return sample.values.empty() ? std::numeric_limits<double>::quiet_NaN() : moments(sample.values).mean;
}

}  // namespace stats
