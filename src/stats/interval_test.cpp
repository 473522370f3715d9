// Unit tests for src/stats/interval.cpp.
// t-intervals: expected values computed with mpmath 1.2.1 at 40 digits: the t quantile by solving
// ½·I_{df/(df+t²)}(df/2, ½) = α/2 (mpmath.betainc, findroot), then mean ± t·s/√n; printed to 20
// digits. Textbook tables agree to their 6 digits (t(0.975, 4) = 2.776445, t(0.975, 9) = 2.262157).
// scipy 1.10.1's stats.t is NOT used as the reference: its cephes stdtrit is off by ~2e-11
// relative (t.ppf(0.975, 1) = 12.706204736432095, but exactly tan(0.475·π) = 12.70620473617469…).
// Bootstrap: expected bounds from an independent Python transcription (xoshiro256** seeded by
// splitmix64, rejection draws, resamples SORTED with numpy and reduced with numpy.quantile, bounds
// by numpy.quantile) — a different algorithm from the counting walk in interval.cpp.
#include "stats/interval.hpp"
#include "stats/summary.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool has(const std::vector<std::string>& warnings, const std::string& text) {
    return std::find(warnings.begin(), warnings.end(), text) != warnings.end();
}

const std::vector<double> kTen{12.5, 14.25, 9.75, 30.0, 11.0, 13.5, 10.25, 15.0, 12.0, 95.5};

// Thirty latency-like values (ms) with a long right tail.
const std::vector<double> kLatency{212.4, 198.7, 205.1, 250.9, 201.3, 199.8, 230.2, 207.7,
                                   215.0, 189.6, 203.3, 222.8, 196.4, 208.9, 310.5, 204.2,
                                   200.0, 211.6, 218.3, 194.1, 206.6, 209.4, 202.7, 240.1,
                                   197.9, 213.8, 205.9, 199.1, 226.4, 203.8};

TEST(StatsTInterval, OneToFive) {
    // t(0.975, 4) = 2.7764451051977934899; half-width t·sqrt(2.5)/sqrt(5) = 1.9632431614775570839.
    const std::vector<double> x{1, 2, 3, 4, 5};
    const Interval r = t_interval_mean(x);
    EXPECT_EQ(r.n, 5U);
    EXPECT_DOUBLE_EQ(r.center, 3.0);
    EXPECT_NEAR(r.lo, 1.0367568385224429161, 1e-13);
    EXPECT_NEAR(r.hi, 4.9632431614775570839, 1e-13);
    EXPECT_NEAR(r.hi - r.center, 1.9632431614775570839, 1e-13);
    EXPECT_TRUE(r.has_bounds());
    // n = 5 < 6: computed, but flagged (METRICS.md).
    EXPECT_TRUE(has(r.warnings, "need ≥ 6 samples for a 95 % CI"));
}

TEST(StatsTInterval, TenValuesAtTwoLevels) {
    const Interval r95 = t_interval_mean(kTen, 0.95);
    EXPECT_DOUBLE_EQ(r95.center, 22.375);
    EXPECT_NEAR(r95.lo, 3.5304308583175851669, 1e-12);  // t(0.975, 9) = 2.2621571627982049992
    EXPECT_NEAR(r95.hi, 41.219569141682414833, 1e-12);
    EXPECT_TRUE(r95.warnings.empty());
    const Interval r90 = t_interval_mean(kTen, 0.90);
    EXPECT_NEAR(r90.lo, 7.1045210200060752727, 1e-12);  // t(0.95, 9) = 1.8331129326562373085
    EXPECT_NEAR(r90.hi, 37.645478979993924727, 1e-12);
    EXPECT_EQ(r90.confidence, 0.90);
}

TEST(StatsTInterval, TwoValuesAndNinetyNinePercent) {
    // t(0.975, 1) = tan(0.475·π) = 12.706204736174693; se = 1.
    const std::vector<double> two{2.0, 4.0};
    const Interval r = t_interval_mean(two);
    EXPECT_NEAR(r.lo, -9.7062047361746933141, 1e-12);
    EXPECT_NEAR(r.hi, 15.706204736174693314, 1e-12);
    const std::vector<double> seven{10.1, 9.8, 10.4, 10.0, 9.9, 10.3, 10.2};
    const Interval r99 = t_interval_mean(seven, 0.99);  // t(0.995, 6) = 3.7074280213247790741
    EXPECT_NEAR(r99.lo, 9.7972897696552676002, 1e-13);
    EXPECT_NEAR(r99.hi, 10.402710230344732704, 1e-13);
    EXPECT_TRUE(r99.warnings.empty());
}

TEST(StatsTInterval, EmptyAndSingle) {
    const Interval empty = t_interval_mean({});
    EXPECT_TRUE(std::isnan(empty.center));
    EXPECT_FALSE(empty.has_bounds());
    EXPECT_TRUE(has(empty.warnings, "n=0: no finite values"));

    const std::vector<double> one{7.5};
    const Interval single = t_interval_mean(one);
    EXPECT_EQ(single.center, 7.5);
    EXPECT_FALSE(single.has_bounds());
    EXPECT_TRUE(has(single.warnings, "n=1: no spread can be computed"));
    EXPECT_TRUE(has(single.warnings, "need ≥ 6 samples for a 95 % CI"));
}

TEST(StatsTInterval, EqualValuesGiveAPointInterval) {
    const std::vector<double> x(6, 3.25);
    const Interval r = t_interval_mean(x);
    EXPECT_EQ(r.lo, 3.25);
    EXPECT_EQ(r.hi, 3.25);
}

TEST(StatsTInterval, NonFiniteExcluded) {
    std::vector<double> x = kTen;
    x.push_back(kNaN);
    const Interval r = t_interval_mean(x);
    EXPECT_EQ(r.n, 10U);
    EXPECT_NEAR(r.lo, 3.5304308583175851669, 1e-12);
    EXPECT_TRUE(has(r.warnings, "excluded 1 of 11 values: not finite (NaN or ±inf)"));
}

TEST(StatsTInterval, InvalidConfidenceGivesNoBounds) {
    const Interval r = t_interval_mean(kTen, 95.0);  // a percent by mistake
    EXPECT_DOUBLE_EQ(r.center, 22.375);
    EXPECT_FALSE(r.has_bounds());
    EXPECT_TRUE(has(r.warnings, "confidence must be in (0, 1), got 95"));
}

TEST(StatsBootstrap, MedianGolden) {
    const Interval r = bootstrap_ci(kLatency);  // median, 95 %, 2000 resamples, default seed
    EXPECT_EQ(r.n, 30U);
    EXPECT_DOUBLE_EQ(r.center, 206.25);  // numpy.median(kLatency)
    EXPECT_DOUBLE_EQ(r.lo, 203.0);
    EXPECT_DOUBLE_EQ(r.hi, 212.0);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(StatsBootstrap, MedianCiContainsSampleMedian) {
    for (const std::uint64_t seed :
         {std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{3}, kDefaultBootstrapSeed}) {
        const Interval r = bootstrap_ci(kLatency, 0.5, {.seed = seed});
        EXPECT_LE(r.lo, r.center);
        EXPECT_GE(r.hi, r.center);
    }
}

TEST(StatsBootstrap, TailPercentileGoldenPerSeed) {
    const Interval a = bootstrap_ci(kLatency, 0.9);
    EXPECT_DOUBLE_EQ(a.center, 231.19);  // numpy.percentile(kLatency, 90)
    EXPECT_DOUBLE_EQ(a.lo, 215.0);
    EXPECT_DOUBLE_EQ(a.hi, 256.86000000000007);
    // Different seeds may move the bounds; these three do move the lower one.
    EXPECT_DOUBLE_EQ(bootstrap_ci(kLatency, 0.9, {.seed = 1}).lo, 214.70000000000002);
    EXPECT_DOUBLE_EQ(bootstrap_ci(kLatency, 0.9, {.seed = 2}).lo, 215.0);
    EXPECT_DOUBLE_EQ(bootstrap_ci(kLatency, 0.9, {.seed = 3}).lo, 214.9925);
}

TEST(StatsBootstrap, SameSeedSameBounds) {
    const BootstrapOptions options{.seed = 12345};
    const Interval a = bootstrap_ci(kLatency, 0.95, options);
    const Interval b = bootstrap_ci(kLatency, 0.95, options);
    EXPECT_EQ(a.lo, b.lo);
    EXPECT_EQ(a.hi, b.hi);
}

TEST(StatsBootstrap, OtherLevelAndFewResamples) {
    const Interval r =
        bootstrap_ci(kLatency, 0.5, {.confidence = 0.90, .resamples = 500, .seed = 99});
    EXPECT_DOUBLE_EQ(r.lo, 203.3);
    EXPECT_DOUBLE_EQ(r.hi, 211.6);
    EXPECT_TRUE(
        has(r.warnings, "only 500 bootstrap resamples (≥ 2000 recommended): bounds are noisy"));
}

TEST(StatsBootstrap, P99FromThirtyIsFlagged) {
    const Interval r = bootstrap_ci(kLatency, 0.99);
    EXPECT_DOUBLE_EQ(r.center, 293.21600000000007);  // numpy.percentile(kLatency, 99)
    EXPECT_DOUBLE_EQ(r.lo, 228.054);
    EXPECT_DOUBLE_EQ(r.hi, 310.5);  // the sample maximum: the bootstrap cannot go further
    EXPECT_TRUE(
        has(r.warnings,
            "need ≥ 101 samples for a CI of p99: the bootstrap cannot see past the extremes"));
}

TEST(StatsBootstrap, SixSamplesIsEnough) {
    const std::vector<double> x{1, 2, 3, 4, 5, 6};
    const Interval r = bootstrap_ci(x);
    EXPECT_DOUBLE_EQ(r.center, 3.5);
    EXPECT_DOUBLE_EQ(r.lo, 1.5);
    EXPECT_DOUBLE_EQ(r.hi, 5.5);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(StatsBootstrap, FewerThanSixGiveNoInterval) {
    const std::vector<double> x{1, 2, 3, 4, 5};
    const Interval r = bootstrap_ci(x);
    EXPECT_DOUBLE_EQ(r.center, 3.0);
    EXPECT_FALSE(r.has_bounds());
    EXPECT_TRUE(has(r.warnings, "need ≥ 6 samples for a 95 % CI"));
    const Interval r90 = bootstrap_ci(x, 0.5, {.confidence = 0.9});
    EXPECT_TRUE(has(r90.warnings, "need ≥ 6 samples for a 90 % CI"));
}

TEST(StatsBootstrap, EmptyNaNAndBadArguments) {
    const Interval empty = bootstrap_ci({});
    EXPECT_TRUE(std::isnan(empty.center));
    EXPECT_TRUE(has(empty.warnings, "n=0: no finite values"));

    std::vector<double> x = kLatency;
    x.push_back(kNaN);
    const Interval with_nan = bootstrap_ci(x);
    EXPECT_EQ(with_nan.n, 30U);
    EXPECT_DOUBLE_EQ(with_nan.lo, 203.0);  // identical to the golden: the NaN is simply dropped
    EXPECT_EQ(with_nan.warnings.size(), 1U);

    EXPECT_FALSE(bootstrap_ci(kLatency, 1.5).has_bounds());
    EXPECT_FALSE(bootstrap_ci(kLatency, 0.5, {.confidence = 1.0}).has_bounds());
    const Interval none = bootstrap_ci(kLatency, 0.5, {.resamples = 0});
    EXPECT_FALSE(none.has_bounds());
    EXPECT_DOUBLE_EQ(none.center, 206.25);
}

TEST(StatsBootstrap, EqualValuesGiveAPointInterval) {
    const std::vector<double> x(10, 4.0);
    const Interval r = bootstrap_ci(x, 0.9);
    EXPECT_EQ(r.lo, 4.0);
    EXPECT_EQ(r.hi, 4.0);
}

// Order-statistic interval of the median: n = 10000 values 1..10000 (shuffled). Half width
// 1.959963984540054 * sqrt(10000) / 2 = 97.998; ranks floor(5000 - 97.998) = 4902 and
// ceil(5000 + 97.998 + 1) = 5099, so the bounds are the values 4902 and 5099; median 5000.5.
TEST(StatsMedianOrderCi, RanksOfAKnownSample) {
    std::vector<double> v(10000);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>((i * 7919) % 10000 + 1);  // a permutation
    const Interval r = median_order_ci(v);
    EXPECT_EQ(r.n, 10000u);
    EXPECT_EQ(r.center, 5000.5);
    EXPECT_EQ(r.lo, 4902.0);
    EXPECT_EQ(r.hi, 5099.0);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(StatsMedianOrderCi, SameAsSortingWithTiesAndExcludesNonFinite) {
    std::vector<double> v;
    for (int i = 0; i < 7001; ++i) v.push_back(static_cast<double>((i * 37) % 613) / 4.0);  // many ties
    v.push_back(std::numeric_limits<double>::quiet_NaN());
    const Interval r = median_order_ci(v);
    std::vector<double> sorted(v.begin(), v.end() - 1);
    std::sort(sorted.begin(), sorted.end());
    const double n = static_cast<double>(sorted.size()), hw = 1.959963984540054 * std::sqrt(n) / 2.0;
    EXPECT_EQ(r.n, sorted.size());
    EXPECT_EQ(r.center, sorted[3500]);  // odd n: the middle value
    EXPECT_EQ(r.lo, sorted[static_cast<std::size_t>(std::floor(n / 2 - hw)) - 1]);
    EXPECT_EQ(r.hi, sorted[static_cast<std::size_t>(std::ceil(n / 2 + hw + 1)) - 1]);
    EXPECT_EQ(r.warnings.size(), 1u);  // the excluded NaN
}

TEST(StatsMedianOrderCi, TinyAndEmptySamples) {
    const std::vector<double> one = {4.5};
    const Interval r = median_order_ci(one);
    EXPECT_EQ(r.center, 4.5);
    EXPECT_EQ(r.lo, 4.5);
    EXPECT_EQ(r.hi, 4.5);
    const std::vector<double> none;
    const Interval e = median_order_ci(none);
    EXPECT_TRUE(std::isnan(e.center));
    EXPECT_FALSE(e.has_bounds());
    EXPECT_FALSE(e.warnings.empty());
}

TEST(StatsTInterval, OfASummaryEqualsFromTheValues) {
    const std::vector<std::vector<double>> samples = {
        {}, {3.5}, {1, 2}, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}, {5, std::nan(""), 7, 9, INFINITY, 11, 13, 15, 2}};
    for (const auto& x : samples) {
        for (double confidence : {0.95, 0.9, 1.5}) {
            const Interval a = t_interval_mean(std::span<const double>(x), confidence), b = t_interval_of(summarize(x), confidence);
            EXPECT_EQ(a.n, b.n);
            EXPECT_EQ(a.warnings, b.warnings);
            EXPECT_EQ(a.confidence, b.confidence);
            for (auto [u, v] : {std::pair{a.center, b.center}, {a.lo, b.lo}, {a.hi, b.hi}}) {
                if (std::isnan(u)) EXPECT_TRUE(std::isnan(v)) << x.size();
                else EXPECT_EQ(u, v) << x.size();
            }
        }
    }
}

}  // namespace
}  // namespace stats
