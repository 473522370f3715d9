// Unit tests for src/stats/compare.cpp. p-values from scipy 1.10.1,
// scipy.stats.mannwhitneyu(candidate, baseline, alternative='two-sided', method='exact');
// medians and Δ % from numpy.median and (median(c) − median(b)) / median(b) · 100.
#include "stats/compare.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace stats {
namespace {

bool has(const std::vector<std::string>& warnings, const std::string& text) {
    return std::find(warnings.begin(), warnings.end(), text) != warnings.end();
}

TEST(StatsCompare, ClearImprovement) {
    const std::vector<double> baseline{100, 102, 98, 101, 99, 103};
    const std::vector<double> candidate{90, 91, 89, 92, 88, 93};
    const Comparison c = compare(baseline, candidate);
    EXPECT_DOUBLE_EQ(c.baseline_median, 100.5);
    EXPECT_DOUBLE_EQ(c.candidate_median, 90.5);
    EXPECT_DOUBLE_EQ(c.delta_percent, -9.950248756218906);
    EXPECT_DOUBLE_EQ(c.p_value, 2.0 / 924.0);  // = 0.0021645021645021645; C(12,6) = 924
    EXPECT_EQ(c.test.u, 0.0);                  // U counts candidate-above-baseline pairs
    EXPECT_TRUE(c.significant);
    EXPECT_TRUE(c.warnings.empty());
}

TEST(StatsCompare, NoSignificantDifference) {
    const std::vector<double> baseline{1, 3, 5, 7, 9, 11};
    const std::vector<double> candidate{2, 4, 6, 8, 10, 12};
    const Comparison c = compare(baseline, candidate);
    EXPECT_DOUBLE_EQ(c.delta_percent, 16.666666666666664);
    EXPECT_DOUBLE_EQ(c.p_value, 0.6991341991341992);
    EXPECT_EQ(c.test.u, 21.0);
    EXPECT_FALSE(c.significant);  // a report prints `~` instead of Δ
}

TEST(StatsCompare, TooFewSamplesAreFlagged) {
    const std::vector<double> baseline{1, 2, 3};
    const std::vector<double> candidate{4, 5, 6};
    const Comparison c = compare(baseline, candidate);
    EXPECT_DOUBLE_EQ(c.delta_percent, 150.0);
    EXPECT_DOUBLE_EQ(c.p_value, 0.1);
    EXPECT_FALSE(c.significant);
    EXPECT_TRUE(has(c.warnings, "need ≥ 4 samples per side to detect a difference"));
}

TEST(StatsCompare, AlphaIsHonoured) {
    const std::vector<double> baseline{1, 3, 5, 7, 9, 11};
    const std::vector<double> candidate{2, 4, 6, 8, 10, 12};
    EXPECT_TRUE(compare(baseline, candidate, 0.8).significant);
    const Comparison bad = compare(baseline, candidate, 0.0);
    EXPECT_FALSE(bad.significant);
    EXPECT_TRUE(has(bad.warnings, "alpha must be in (0, 1), got 0"));
}

TEST(StatsCompare, ZeroBaselineMedianHasNoDelta) {
    const std::vector<double> baseline{-3, -2, -1, 0, 1, 2, 3};
    const std::vector<double> candidate{1, 2, 3, 4, 5, 6, 7};
    const Comparison c = compare(baseline, candidate);
    EXPECT_TRUE(std::isnan(c.delta_percent));
    EXPECT_TRUE(has(c.warnings, "Δ % undefined: the baseline median is 0"));
}

TEST(StatsCompare, NegativeBaselineKeepsTheSignOfTheChange) {
    // A rise from −2 to −1 is reported as +50 %, not −50 % (|baseline| in the denominator).
    const std::vector<double> baseline{-2.2, -2.1, -2.0, -1.9, -1.8};
    const std::vector<double> candidate{-1.2, -1.1, -1.0, -0.9, -0.8};
    EXPECT_DOUBLE_EQ(compare(baseline, candidate).delta_percent, 50.0);
}

TEST(StatsCompare, EmptySideAndNaNs) {
    const std::vector<double> baseline{1, 2, 3, 4};
    const Comparison empty = compare(baseline, {});
    EXPECT_TRUE(std::isnan(empty.candidate_median));
    EXPECT_TRUE(std::isnan(empty.p_value));
    EXPECT_FALSE(empty.significant);
    EXPECT_TRUE(has(empty.warnings, "candidate: n=0: no finite values to compare"));

    const std::vector<double> with_nan{std::numeric_limits<double>::quiet_NaN(), 5, 6, 7, 8};
    const Comparison c = compare(baseline, with_nan);
    EXPECT_DOUBLE_EQ(c.candidate_median, 6.5);
    EXPECT_TRUE(has(c.warnings, "candidate: excluded 1 of 5 values: not finite (NaN or ±inf)"));
}

}  // namespace
}  // namespace stats
