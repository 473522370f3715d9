#include "stats/interval.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>
#include <utility>

#include "stats/boost_policy.hpp"
#include "stats/finite.hpp"
#include "stats/moments.hpp"
#include "stats/percentile.hpp"
#include "stats/random.hpp"
#include "stats/summary.hpp"
#include "stats/warnings.hpp"

namespace stats {
namespace {


// Absorbs binary residue such as 1 − 0.9 = 0.09999999999999998, so p90 needs n ≥ 11, not 12.
constexpr double kSlack = 1e-9;

bool valid_confidence(double confidence) { return confidence > 0.0 && confidence < 1.0; }

// Two-sided Student t critical value. Analyses ask for the same few (df, confidence) pairs
// hundreds of thousands of times, so each thread keeps the values it has computed.
double t_critical(std::size_t df, double confidence) {
    thread_local std::map<std::pair<std::size_t, double>, double> cache;
    auto [it, inserted] = cache.try_emplace({df, confidence}, 0.0);
    if (inserted) {
        const boost::math::students_t_distribution<double, QuietPolicy> t(static_cast<double>(df));
        it->second = boost::math::quantile(boost::math::complement(t, (1.0 - confidence) / 2));
    }
    return it->second;
}

std::string format_g(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

// Fills n, the non-finite warning and the n = 0 warning shared by both intervals.
FiniteSample start_interval(Interval& r, std::span<const double> values, bool sorted) {
    FiniteSample sample = sorted ? sorted_finite_values(values) : finite_values(values);
    r.n = sample.values.size();
    if (sample.excluded > 0)
        add_warning(r.warnings, non_finite_warning(sample.excluded, values.size()));
    if (r.n == 0) add_warning(r.warnings, kNoValuesWarning);
    return sample;
}

// Percentile p of the resample described by `counts` (how often each element of `sorted` was
// drawn). The resample, sorted, is sorted[j] repeated counts[j] times, so its order statistics
// are found by walking the cumulative counts; no copy or sort is needed.
double resample_percentile(std::span<const double> sorted, std::span<const std::uint32_t> counts,
                           std::size_t lo_rank, std::size_t hi_rank, double fraction) {
    std::size_t j = 0;
    std::size_t seen = counts[0];
    while (seen <= lo_rank) seen += counts[++j];
    const double lo_value = sorted[j];
    while (seen <= hi_rank) seen += counts[++j];
    return lerp_numpy(lo_value, sorted[j], fraction);
}

std::vector<double> bootstrap_statistics(std::span<const double> sorted, double p,
                                         std::size_t resamples, std::uint64_t seed) {
    const std::size_t n = sorted.size();
    const double h = static_cast<double>(n - 1) * p;
    const double below = std::floor(h);
    const auto lo_rank = static_cast<std::size_t>(below);
    const std::size_t hi_rank = std::min(lo_rank + 1, n - 1);

    Xoshiro256StarStar rng(seed);
    std::vector<std::uint32_t> counts(n);
    std::vector<double> statistics(resamples);
    for (double& statistic : statistics) {
        std::fill(counts.begin(), counts.end(), 0U);
        for (std::size_t i = 0; i < n; ++i) ++counts[rng.below(n)];
        statistic = resample_percentile(sorted, counts, lo_rank, hi_rank, h - below);
    }
    std::sort(statistics.begin(), statistics.end());
    return statistics;
}

void add_bootstrap_caveats(Interval& r, double p, std::size_t resamples) {
    if (resamples < 2000) {
        add_warning(r.warnings, "only " + std::to_string(resamples) +
                                    " bootstrap resamples (≥ 2000 recommended): bounds are noisy");
    }
    const double tail = std::min(p, 1.0 - p);
    if (tail == 0.0) {
        add_warning(r.warnings,
                    "a bootstrap CI of the sample min or max cannot cover the true extreme");
    } else if (static_cast<double>(r.n - 1) * tail < 1.0 - kSlack) {
        const auto needed = static_cast<std::size_t>(std::ceil(1.0 + 1.0 / tail - kSlack));
        add_warning(r.warnings, "need ≥ " + std::to_string(needed) + " samples for a CI of p" +
                                    percent_label(p) +
                                    ": the bootstrap cannot see past the extremes");
    }
}

}  // namespace

namespace {

// The t-interval once n, the warnings of the input, the mean and the sample sd are known.
Interval finish_t_interval(Interval r, double mean, double sd_sample, double confidence) {
    r.confidence = confidence;
    if (r.n == 0) return r;
    r.center = mean;
    if (r.n == 1) add_warning(r.warnings, kNoSpreadWarning);
    if (r.n < kMinSamplesForCi) add_warning(r.warnings, need_samples_for_ci_warning(confidence));
    if (!valid_confidence(confidence)) {
        add_warning(r.warnings, "confidence must be in (0, 1), got " + format_g(confidence));
        return r;
    }
    if (r.n == 1) return r;

    const double t_quantile = t_critical(r.n - 1, confidence);
    const double half_width = t_quantile * sd_sample / std::sqrt(static_cast<double>(r.n));
    r.lo = r.center - half_width;
    r.hi = r.center + half_width;
    return r;
}

}  // namespace

Interval t_interval_mean(std::span<const double> values, double confidence) {
    Interval r;
    const FiniteSample sample = start_interval(r, values, false);
    if (r.n == 0) {
        r.confidence = confidence;
        return r;
    }
    const Moments m = moments(sample.values);
    return finish_t_interval(std::move(r), m.mean, m.sd_sample(), confidence);
}

Interval t_interval_of(const Summary& s, double confidence) {
    Interval r;
    r.n = s.n;
    if (s.excluded > 0) add_warning(r.warnings, non_finite_warning(s.excluded, s.n + s.excluded));
    if (r.n == 0) {
        add_warning(r.warnings, kNoValuesWarning);
        r.confidence = confidence;
        return r;
    }
    return finish_t_interval(std::move(r), s.mean, s.sd_sample, confidence);
}

Interval bootstrap_ci(std::span<const double> values, double p, const BootstrapOptions& options) {
    Interval r;
    r.confidence = options.confidence;
    const FiniteSample sample = start_interval(r, values, true);
    if (r.n == 0) return r;
    if (!(p >= 0.0 && p <= 1.0)) {
        add_warning(r.warnings, "percentile fraction must be in [0, 1], got " + format_g(p));
        return r;
    }
    r.center = percentile(sample.values, p);
    if (r.n < kMinSamplesForCi) {
        add_warning(r.warnings, need_samples_for_ci_warning(options.confidence));
        return r;
    }
    if (!valid_confidence(options.confidence)) {
        add_warning(r.warnings,
                    "confidence must be in (0, 1), got " + format_g(options.confidence));
        return r;
    }
    if (options.resamples == 0) {
        add_warning(r.warnings, "0 bootstrap resamples: no interval");
        return r;
    }
    add_bootstrap_caveats(r, p, options.resamples);
    const std::vector<double> statistics =
        bootstrap_statistics(sample.values, p, options.resamples, options.seed);
    const double alpha = 1.0 - options.confidence;
    r.lo = percentile(statistics, alpha / 2);
    r.hi = percentile(statistics, 1.0 - alpha / 2);
    return r;
}

Interval median_order_ci(std::span<const double> values) {
    Interval r;
    FiniteSample sample = start_interval(r, values, false);
    std::vector<double>& v = sample.values;
    const std::size_t n = v.size();
    if (n == 0) return r;
    const double nd = static_cast<double>(n);
    const double half_width = 1.959963984540054 * std::sqrt(nd) / 2.0;
    auto rank = [&](double one_based) { return static_cast<std::size_t>(std::clamp(one_based, 1.0, nd)) - 1; };
    const std::size_t lo = rank(std::floor(nd / 2.0 - half_width)), hi = rank(std::ceil(nd / 2.0 + half_width + 1.0));
    const double h = static_cast<double>(n - 1) * 0.5;  // the median as percentile() takes it
    const std::size_t mid = static_cast<std::size_t>(std::floor(h)), mid_next = std::min(mid + 1, n - 1);
    // Each selection puts rank k in place with no larger value before it and no smaller one
    // after, so the ranks, taken in ascending order, each search only the part after the
    // previous one (which stays where it is).
    std::size_t ranks[] = {lo, mid, mid_next, hi};
    std::sort(std::begin(ranks), std::end(ranks));
    std::size_t first = 0;
    for (std::size_t k : ranks) {
        if (k < first) continue;  // a repeated rank, already in place
        select_nth(std::span<double>(v).subspan(first), k - first);
        first = k + 1;
    }
    r.center = lerp_numpy(v[mid], v[mid_next], h - std::floor(h));
    r.lo = v[lo];
    r.hi = v[hi];
    return r;
}

}  // namespace stats
