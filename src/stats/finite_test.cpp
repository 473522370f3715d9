// Unit tests for src/stats/finite.cpp.
#include "stats/finite.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(StatsFinite, KeepsOrderAndCountsNonFinite) {
    const std::vector<double> in{3, kNaN, 1, kInf, -kInf, 2};
    const FiniteSample s = finite_values(in);
    EXPECT_EQ(s.values, (std::vector<double>{3, 1, 2}));
    EXPECT_EQ(s.excluded, 3U);
}

TEST(StatsFinite, SortedVariantSorts) {
    const std::vector<double> in{3, kNaN, 1, 2};
    const FiniteSample s = sorted_finite_values(in);
    EXPECT_EQ(s.values, (std::vector<double>{1, 2, 3}));
    EXPECT_EQ(s.excluded, 1U);
}

TEST(StatsFinite, EmptyInput) {
    const FiniteSample s = sorted_finite_values({});
    EXPECT_TRUE(s.values.empty());
    EXPECT_EQ(s.excluded, 0U);
}

}  // namespace
}  // namespace stats
