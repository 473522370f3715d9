// Unit tests for src/stats/summary.cpp. Expected values from numpy 1.24.2, quoted as the repr of
// the float64 results: x.mean(), numpy.median(x), numpy.percentile(x, q), x.std(ddof=1|0).
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

TEST(StatsSummary, MatchesNumpy) {
    const std::vector<double> x{12.5, 14.25, 9.75, 30.0, 11.0, 13.5, 10.25, 15.0, 12.0, 95.5};
    const Summary s = summarize(x);
    EXPECT_EQ(s.n, 10U);
    EXPECT_EQ(s.excluded, 0U);
    EXPECT_DOUBLE_EQ(s.mean, 22.375);
    EXPECT_DOUBLE_EQ(s.median, 13.0);
    EXPECT_DOUBLE_EQ(s.p90, 36.549999999999976);
    EXPECT_DOUBLE_EQ(s.p95, 66.02499999999993);
    EXPECT_DOUBLE_EQ(s.p99, 89.605);
    EXPECT_NEAR(s.sd_sample, 26.34289119794307, 1e-12);
    EXPECT_NEAR(s.sd_population, 24.991060901850485, 1e-12);
    EXPECT_NEAR(s.cv, 1.1773359194611428, 1e-14);
    EXPECT_EQ(s.min, 9.75);
    EXPECT_EQ(s.max, 95.5);
    EXPECT_TRUE(s.warnings.empty());
}

TEST(StatsSummary, EmptyInput) {
    const Summary s = summarize({});
    EXPECT_EQ(s.n, 0U);
    EXPECT_TRUE(std::isnan(s.mean));
    EXPECT_TRUE(std::isnan(s.median));
    EXPECT_TRUE(std::isnan(s.sd_population));
    EXPECT_TRUE(std::isnan(s.min));
    EXPECT_TRUE(has(s.warnings, "n=0: no finite values"));
}

TEST(StatsSummary, SingleValue) {
    const std::vector<double> x{42.0};
    const Summary s = summarize(x);
    EXPECT_EQ(s.n, 1U);
    EXPECT_EQ(s.mean, 42.0);
    EXPECT_EQ(s.median, 42.0);
    EXPECT_EQ(s.p99, 42.0);
    EXPECT_EQ(s.min, 42.0);
    EXPECT_EQ(s.max, 42.0);
    EXPECT_EQ(s.sd_population, 0.0);
    EXPECT_TRUE(std::isnan(s.sd_sample));
    EXPECT_TRUE(std::isnan(s.cv));
    EXPECT_TRUE(has(s.warnings, "n=1: no spread can be computed"));
    EXPECT_TRUE(has(s.warnings, "need ≥ 6 samples for a 95 % CI"));
}

TEST(StatsSummary, AllEqualValuesHaveZeroSpread) {
    const std::vector<double> x(8, 0.1);
    const Summary s = summarize(x);
    EXPECT_EQ(s.mean, 0.1);
    EXPECT_EQ(s.sd_sample, 0.0);
    EXPECT_EQ(s.sd_population, 0.0);
    EXPECT_EQ(s.cv, 0.0);
    EXPECT_TRUE(s.warnings.empty());
}

TEST(StatsSummary, NonFiniteValuesAreExcludedAndReported) {
    const std::vector<double> x{1, kNaN, 2, std::numeric_limits<double>::infinity(), 3, 4, 5, 6};
    const Summary s = summarize(x);
    EXPECT_EQ(s.n, 6U);
    EXPECT_EQ(s.excluded, 2U);
    EXPECT_DOUBLE_EQ(s.mean, 3.5);
    EXPECT_DOUBLE_EQ(s.median, 3.5);
    EXPECT_TRUE(has(s.warnings, "excluded 2 of 8 values: not finite (NaN or ±inf)"));
    EXPECT_EQ(s.warnings.size(), 1U);  // n = 6 is enough for a CI
}

TEST(StatsSummary, OnlyNaNBehavesLikeEmpty) {
    const std::vector<double> x{kNaN, kNaN};
    const Summary s = summarize(x);
    EXPECT_EQ(s.n, 0U);
    EXPECT_EQ(s.excluded, 2U);
    EXPECT_TRUE(std::isnan(s.median));
    EXPECT_EQ(s.warnings.size(), 2U);
}

TEST(StatsSummary, ZeroMeanHasNoCv) {
    const std::vector<double> x{-2, -1, 0, 1, 2, 0};
    const Summary s = summarize(x);
    EXPECT_EQ(s.mean, 0.0);
    EXPECT_TRUE(std::isnan(s.cv));
    EXPECT_TRUE(has(s.warnings, "cv undefined: the mean is 0"));
}

TEST(StatsSummary, FewSamplesWarnAboutCi) {
    const std::vector<double> x{1, 2, 3, 4, 5};
    const Summary s = summarize(x);
    EXPECT_DOUBLE_EQ(s.sd_sample, std::sqrt(2.5));  // Σ(x−3)² = 10, /4
    EXPECT_TRUE(has(s.warnings, "need ≥ 6 samples for a 95 % CI"));
}

TEST(StatsSummary, MeanOfFiniteIsSummarizeMeanBitForBit) {
    const std::vector<double> v{0.1, 0.7, 1e-9, 3.3, std::nan(""), 2.2, 1e9, 0.3};
    EXPECT_EQ(mean_of_finite(v), summarize(v).mean);
    EXPECT_TRUE(std::isnan(mean_of_finite(std::vector<double>{std::nan("")})));
    EXPECT_TRUE(std::isnan(mean_of_finite({})));
}

}  // namespace
}  // namespace stats
