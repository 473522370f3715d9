#include "stats/outliers.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace stats {
namespace {

TEST(Outliers, FenceRuleFromFourValues) {
    // sorted 0 100 101 101 102 103: Q1 = 100.25, Q3 = 101.75 (numpy linear), IQR 1.5, fences
    // 95.75 and 106.25; only 0 is outside.
    const std::vector<double> x{101, 100, 0, 102, 103, 101};
    EXPECT_EQ(outlier_positions(x), (std::vector<std::size_t>{2}));
}

TEST(Outliers, ThreeValuesFlagOnlyWhenTheOtherTwoAgree) {
    EXPECT_EQ(outlier_positions(std::vector<double>{100, 105, 0}), (std::vector<std::size_t>{2}));
    EXPECT_TRUE(outlier_positions(std::vector<double>{100, 200, 300}).empty());
    EXPECT_TRUE(outlier_positions(std::vector<double>{1, 1000}).empty());
}

}  // namespace
}  // namespace stats
