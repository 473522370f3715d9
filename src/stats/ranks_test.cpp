#include "stats/ranks.hpp"

#include <gtest/gtest.h>

namespace stats {
namespace {

TEST(Ranks, TiesShareTheirMeanRank) {
    // sorted: 1 (rank 1), 2 2 (ranks 2,3 -> 2.5), 5 (rank 4)
    EXPECT_EQ(midranks({5, 2, 1, 2}), (std::vector<double>{4, 2.5, 1, 2.5}));
    EXPECT_TRUE(midranks({}).empty());
    EXPECT_EQ(midranks({7, 7, 7}), (std::vector<double>{2, 2, 2}));
}

}  // namespace
}  // namespace stats
