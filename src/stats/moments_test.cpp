// Unit tests for src/stats/moments.cpp. Expected values from numpy 1.24.2 (x.mean(),
// x.std(ddof=1), x.std(ddof=0)) unless a comment derives them by hand.
#include "stats/moments.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace stats {
namespace {

TEST(StatsMoments, HandComputed) {
    // [2,4,4,4,5,5,7,9]: mean 5, Σ(x−5)² = 32, population sd 2 (the Wikipedia sd example),
    // sample sd sqrt(32/7).
    const std::vector<double> x{2, 4, 4, 4, 5, 5, 7, 9};
    const Moments m = moments(x);
    EXPECT_EQ(m.n, 8U);
    EXPECT_DOUBLE_EQ(m.mean, 5.0);
    EXPECT_DOUBLE_EQ(m.m2, 32.0);
    EXPECT_DOUBLE_EQ(m.sd_population(), 2.0);
    EXPECT_DOUBLE_EQ(m.sd_sample(), std::sqrt(32.0 / 7.0));
}

TEST(StatsMoments, StableWithLargeOffset) {
    // numpy: mean 1000000010.0, std(ddof=1) 5.477225575051661, std(ddof=0) 4.743416490252569.
    // A naive Σx² − (Σx)²/n loses every digit here.
    const std::vector<double> x{1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
    const Moments m = moments(x);
    EXPECT_DOUBLE_EQ(m.mean, 1000000010.0);
    EXPECT_NEAR(m.sd_sample(), 5.477225575051661, 1e-12);
    EXPECT_NEAR(m.sd_population(), 4.743416490252569, 1e-12);
}

TEST(StatsMoments, ConstantInputHasExactlyZeroSpread) {
    const std::vector<double> x{0.1, 0.1, 0.1};  // 0.1 + 0.1 + 0.1 != 0.3 in binary
    const Moments m = moments(x);
    EXPECT_EQ(m.mean, 0.1);
    EXPECT_EQ(m.m2, 0.0);
    EXPECT_EQ(m.sd_sample(), 0.0);
}

TEST(StatsMoments, HugeValuesDoNotOverflowTheMean) {
    const std::vector<double> x{1.5e308, 1.7e308};
    EXPECT_DOUBLE_EQ(moments(x).mean, 1.6e308);
}

TEST(StatsMoments, EmptyAndSingle) {
    const Moments empty = moments({});
    EXPECT_EQ(empty.n, 0U);
    EXPECT_TRUE(std::isnan(empty.mean));
    EXPECT_TRUE(std::isnan(empty.variance_population()));
    const std::vector<double> one{4.0};
    const Moments single = moments(one);
    EXPECT_EQ(single.mean, 4.0);
    EXPECT_EQ(single.sd_population(), 0.0);
    EXPECT_TRUE(std::isnan(single.sd_sample()));
}

TEST(StatsMoments, ExtremesAreTheFirstSmallestAndLastLargest) {
    const std::vector<double> x = {0.0, 3.5, -0.0, -2.0, 3.5, -2.0};
    const Moments m = moments(x);
    EXPECT_EQ(m.min, -2.0);
    EXPECT_EQ(m.max, 3.5);
    const std::vector<double> zeros = {0.0, -0.0};
    const Moments z = moments(zeros);  // as std::minmax_element: first smallest (0.0), last largest (-0.0)
    EXPECT_FALSE(std::signbit(z.min));
    EXPECT_TRUE(std::signbit(z.max));
    EXPECT_TRUE(std::isnan(moments(std::vector<double>{}).min));
}

}  // namespace
}  // namespace stats
