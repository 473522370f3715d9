// Unit tests for src/stats/percentile.cpp. Expected values are numpy 1.24.2's
// numpy.percentile(x, 100·p) (default method='linear'), computed independently and quoted here.
#include "stats/percentile.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace stats {
namespace {

TEST(StatsPercentile, TextbookValues) {
    const std::vector<double> x{1, 2, 3, 4};
    EXPECT_DOUBLE_EQ(percentile(x, 0.9), 3.7);  // numpy.percentile([1,2,3,4], 90) = 3.7
    EXPECT_DOUBLE_EQ(percentile(x, 0.5), 2.5);  // = numpy.median
    const std::vector<double> y{15, 20, 35, 40, 50};
    EXPECT_DOUBLE_EQ(percentile(y, 0.4), 29.0);  // numpy.percentile([15,20,35,40,50], 40) = 29.0
    const std::vector<double> z{10, 20};
    EXPECT_DOUBLE_EQ(percentile(z, 0.25), 12.5);  // h = 0.25
}

TEST(StatsPercentile, MatchesNumpyToTheLastBit) {
    // numpy.percentile([0.1,0.2,0.3,0.7,1.1,2.9,3.3], q) for q = 95, 99: 3.1799999999999997 and
    // 3.276 (repr of the float64 result); numpy.quantile(same, 0.333) = 0.2998.
    // (percentile(x, 33.3) gives 0.29979999999999996 because 33.3 / 100 rounds to
    // 0.33299999999999996, not to 0.333.)
    const std::vector<double> x{0.1, 0.2, 0.3, 0.7, 1.1, 2.9, 3.3};
    EXPECT_EQ(percentile(x, 0.95), 3.1799999999999997);
    EXPECT_EQ(percentile(x, 0.99), 3.276);
    EXPECT_EQ(percentile(x, 0.333), 0.2998);
    EXPECT_EQ(percentile(x, 33.3 / 100), 0.29979999999999996);
    // numpy.percentile([-5,-1,0,2,8,13], 10) = -3.0
    const std::vector<double> y{-5, -1, 0, 2, 8, 13};
    EXPECT_DOUBLE_EQ(percentile(y, 0.1), -3.0);
}

TEST(StatsPercentile, EndsAreMinAndMax) {
    const std::vector<double> x{1, 2, 3, 4};
    EXPECT_EQ(percentile(x, 0.0), 1.0);
    EXPECT_EQ(percentile(x, 1.0), 4.0);
}

TEST(StatsPercentile, EmptyIsNaN) {
    EXPECT_TRUE(std::isnan(percentile({}, 0.5)));
    EXPECT_TRUE(std::isnan(median_of_sorted({})));
}

TEST(StatsPercentile, SingleValueIsThatValue) {
    const std::vector<double> x{3.5};
    EXPECT_EQ(percentile(x, 0.37), 3.5);  // numpy.percentile([3.5], 37) = 3.5
    EXPECT_EQ(percentile(x, 1.0), 3.5);
}

TEST(StatsPercentile, OutOfRangeFractionIsNaN) {
    const std::vector<double> x{1, 2, 3};
    EXPECT_TRUE(std::isnan(percentile(x, -0.1)));
    EXPECT_TRUE(std::isnan(percentile(x, 1.5)));
    EXPECT_TRUE(std::isnan(percentile(x, 90)));  // a percent, not a fraction: rejected, not clamped
    EXPECT_TRUE(std::isnan(percentile(x, std::nan(""))));
}

TEST(StatsPercentile, EqualNeighboursInterpolateExactly) {
    const std::vector<double> x{2, 5, 5, 5, 9};
    EXPECT_EQ(percentile(x, 0.6), 5.0);
    EXPECT_EQ(median_of_sorted(x), 5.0);
}

TEST(StatsPercentile, LerpIsExactAtBothEnds) {
    EXPECT_EQ(lerp_numpy(0.1, 0.7, 0.0), 0.1);
    EXPECT_EQ(lerp_numpy(0.1, 0.7, 1.0), 0.7);
}

TEST(StatsPercentile, UnsortedSelectionEqualsSortThenPercentile) {
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> value(-100, 100);
    for (std::size_t n : {1u, 2u, 3u, 4u, 7u, 10u, 73u, 1000u}) {
        for (double p : {0.0, 0.25, 0.5, 0.9, 0.95, 0.99, 1.0}) {
            std::vector<double> v(n);
            for (auto& x : v) x = std::round(value(rng));  // ties included
            std::vector<double> sorted = v;
            std::sort(sorted.begin(), sorted.end());
            EXPECT_EQ(percentile_unsorted(v, p), percentile(sorted, p)) << n << " " << p;
        }
    }
    std::vector<double> empty;
    EXPECT_TRUE(std::isnan(percentile_unsorted(empty, 0.5)));
}

TEST(StatsPercentile, SeveralAtOnceEqualSortThenPercentile) {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> value(-50, 50);
    // Ascending (the fast path), unordered, repeated and undefined fractions.
    const std::vector<std::vector<double>> fraction_lists = {
        {0.0, 0.5, 0.9, 0.95, 0.99, 1.0}, {0.99, 0.5, 0.1}, {0.5, 0.5, 0.25}, {0.5, -0.1, 0.9, 1.5}};
    for (std::size_t n : {1u, 2u, 3u, 5u, 8u, 71u, 500u}) {
        for (const auto& ps : fraction_lists) {
            std::vector<double> v(n);
            for (auto& x : v) x = std::round(value(rng) * 4) / 4;  // ties included
            std::vector<double> sorted = v;
            std::sort(sorted.begin(), sorted.end());
            std::vector<double> out(ps.size());
            percentiles_unsorted(v, ps, out);
            for (std::size_t i = 0; i < ps.size(); ++i) {
                const double want = percentile(sorted, ps[i]);
                if (std::isnan(want)) {
                    EXPECT_TRUE(std::isnan(out[i])) << n << " p=" << ps[i];
                } else {
                    EXPECT_EQ(out[i], want) << n << " p=" << ps[i];
                }
            }
        }
    }
    std::vector<double> empty, out(1);
    const double half[] = {0.5};
    percentiles_unsorted(empty, half, out);
    EXPECT_TRUE(std::isnan(out[0]));
}

TEST(StatsSelectNth, SameOrderStatisticAndPartitionAsASort) {
    std::mt19937_64 rng(21);
    std::uniform_int_distribution<int> small(0, 9);  // heavy ties
    std::uniform_real_distribution<double> wide(-1e6, 1e6);
    for (std::size_t n : {1u, 2u, 16u, 17u, 18u, 72u, 300u, 5000u}) {
        for (int shape = 0; shape < 5; ++shape) {
            std::vector<double> v(n);
            for (std::size_t i = 0; i < n; ++i) {
                switch (shape) {
                    case 0: v[i] = wide(rng); break;
                    case 1: v[i] = small(rng); break;
                    case 2: v[i] = static_cast<double>(i); break;                      // ascending
                    case 3: v[i] = static_cast<double>(n - i); break;                  // descending
                    default: v[i] = i % 2 ? 3.0 : -0.0; break;                         // two values
                }
            }
            std::vector<double> sorted = v;
            std::sort(sorted.begin(), sorted.end());
            for (std::size_t k : {std::size_t{0}, n / 3, n / 2, n - 1}) {
                std::vector<double> w = v;
                select_nth(w, k);
                ASSERT_EQ(w[k], sorted[k]) << "n=" << n << " shape=" << shape << " k=" << k;
                for (std::size_t i = 0; i < k; ++i) ASSERT_LE(w[i], w[k]);
                for (std::size_t i = k + 1; i < n; ++i) ASSERT_GE(w[i], w[k]);
                std::sort(w.begin(), w.end());
                ASSERT_EQ(w, sorted);  // a permutation of the input
            }
        }
    }
}

TEST(StatsSelectNth, AllEqualValuesStayLinear) {
    // Every partition of equal values is lopsided; the round limit hands over to introselect.
    std::vector<double> v(2'000'000, 7.5);
    select_nth(v, v.size() / 2);
    EXPECT_EQ(v[v.size() / 2], 7.5);
}

}  // namespace
}  // namespace stats
