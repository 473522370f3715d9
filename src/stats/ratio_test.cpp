// Unit tests for src/stats/ratio.cpp. Expected values are hand arithmetic, shown inline.
#include "stats/ratio.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(StatsRatio, Basics) {
    EXPECT_DOUBLE_EQ(ratio(3.0, 4.0), 0.75);
    EXPECT_TRUE(std::isnan(ratio(1.0, 0.0)));
    EXPECT_TRUE(std::isnan(ratio(0.0, 0.0)));
    EXPECT_TRUE(std::isnan(ratio(1.0, -0.0)));
    EXPECT_TRUE(std::isnan(ratio(kNaN, 2.0)));
    EXPECT_EQ(ratio(1.0, kInf), 0.0);
}

TEST(StatsRatio, SpeedupAndEfficiency) {
    EXPECT_DOUBLE_EQ(speedup(120.0, 48.0), 2.5);  // sequential 120 s, concurrent 48 s
    EXPECT_TRUE(std::isnan(speedup(120.0, 0.0)));
    EXPECT_DOUBLE_EQ(efficiency(2.5, 4), 0.625);
    EXPECT_TRUE(std::isnan(efficiency(2.5, 0)));
}

TEST(StatsWeightedRate, IsTokenWeightedNotMeanOfRates) {
    // 100 tokens in 1 s and 300 tokens in 10 s: Σ = 400 / 11 s = 36.36… tok/s,
    // whereas the mean of per-call rates would be (100 + 30) / 2 = 65 tok/s.
    const std::vector<double> tokens{100, 300};
    const std::vector<double> seconds{1, 10};
    const WeightedRate r = weighted_rate(tokens, seconds);
    EXPECT_DOUBLE_EQ(r.rate, 400.0 / 11.0);
    EXPECT_EQ(r.numerator_sum, 400.0);
    EXPECT_EQ(r.denominator_sum, 11.0);
    EXPECT_EQ(r.used, 2U);
    EXPECT_EQ(r.ignored, 0U);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(StatsWeightedRate, IgnoresUnusablePairsAndSaysSo) {
    const std::vector<double> tokens{50, kNaN, 70, 10, 80, 20};
    const std::vector<double> seconds{2, 1, 0, -1, kInf, 3};
    const WeightedRate r = weighted_rate(tokens, seconds);
    EXPECT_DOUBLE_EQ(r.rate, 70.0 / 5.0);  // only pairs 0 and 5 are usable
    EXPECT_EQ(r.used, 2U);
    EXPECT_EQ(r.ignored, 4U);
    ASSERT_EQ(r.warnings.size(), 1U);
    EXPECT_EQ(r.warnings[0],
              "ignored 4 of 6 pairs: a value was not finite or the denominator was ≤ 0");
}

TEST(StatsWeightedRate, EmptyAndUnusable) {
    const WeightedRate empty = weighted_rate({}, {});
    EXPECT_TRUE(std::isnan(empty.rate));
    EXPECT_EQ(empty.warnings.size(), 1U);
    const std::vector<double> tokens{5};
    const std::vector<double> seconds{0};
    const WeightedRate none = weighted_rate(tokens, seconds);
    EXPECT_TRUE(std::isnan(none.rate));
    EXPECT_EQ(none.ignored, 1U);
    EXPECT_EQ(none.warnings.size(), 2U);
}

TEST(StatsWeightedRate, LengthMismatchComputesNothing) {
    const std::vector<double> tokens{1, 2, 3};
    const std::vector<double> seconds{1, 2};
    const WeightedRate r = weighted_rate(tokens, seconds);
    EXPECT_TRUE(std::isnan(r.rate));
    EXPECT_EQ(r.used, 0U);
    ASSERT_EQ(r.warnings.size(), 1U);
    EXPECT_EQ(r.warnings[0], "weighted rate: 3 numerators but 2 denominators; nothing computed");
}

TEST(StatsWeightedRateSum, PairByPairEqualsTheSpanForm) {
    // 300 + 0 (ignored: NaN seconds) + 150 + 50 (ignored: 0 s) tokens over 2.0 + 1.5 s = 450 / 3.5.
    const std::vector<double> tokens = {300, 100, 150, 50}, seconds = {2.0, std::nan(""), 1.5, 0.0};
    WeightedRateSum sum;
    for (std::size_t i = 0; i < tokens.size(); ++i) sum.add(tokens[i], seconds[i]);
    const WeightedRate a = sum.result(), b = weighted_rate(tokens, seconds);
    EXPECT_EQ(sum.pairs(), 4u);
    EXPECT_DOUBLE_EQ(a.rate, 450.0 / 3.5);
    EXPECT_EQ(a.rate, b.rate);
    EXPECT_EQ(a.numerator_sum, b.numerator_sum);
    EXPECT_EQ(a.denominator_sum, b.denominator_sum);
    EXPECT_EQ(a.used, 2u);
    EXPECT_EQ(a.ignored, 2u);
    EXPECT_EQ(a.warnings, b.warnings);
    EXPECT_TRUE(std::isnan(WeightedRateSum().result().rate));
}

}  // namespace
}  // namespace stats
