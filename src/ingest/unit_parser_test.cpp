#include "ingest/unit_parser.hpp"

#include <gtest/gtest.h>

namespace {

using model::Quantity;

TEST(ParseUnit, Spellings) {
    EXPECT_EQ(ingest::parse_unit("ms")->quantity, Quantity::time);
    EXPECT_DOUBLE_EQ(ingest::parse_unit("(ms)")->to_canonical, 1e-3);
    EXPECT_DOUBLE_EQ(ingest::parse_unit("usecond")->to_canonical, 1e-6);
    EXPECT_EQ(ingest::parse_unit("Tokens per Second")->quantity, Quantity::throughput);
    EXPECT_EQ(ingest::parse_unit("tok/s")->quantity, Quantity::throughput);
    EXPECT_DOUBLE_EQ(ingest::parse_unit("MB")->to_canonical, 1048576.0);
    EXPECT_EQ(ingest::parse_unit("\xC2\xB0" "C")->quantity, Quantity::temperature);
    EXPECT_EQ(ingest::parse_unit("%")->quantity, Quantity::percent);
    EXPECT_FALSE(ingest::parse_unit("block"));
    EXPECT_FALSE(ingest::parse_unit(""));
}

TEST(FindNumbersWithUnits, Prose) {
    auto found = ingest::find_numbers_with_units("Best throughput achieved with q4_0 at 76.59 tokens/s and TTFT 0.097 s.");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_DOUBLE_EQ(found[0].value, 76.59);
    EXPECT_EQ(found[0].unit.quantity, Quantity::throughput);
    EXPECT_DOUBLE_EQ(found[1].value, 0.097);
    EXPECT_EQ(found[1].unit.quantity, Quantity::time);
}

TEST(FindNumbersWithUnits, IdentifiersAreNotQuantities) {
    auto found = ingest::find_numbers_with_units("llama3.1:8b q4_0 gemma3 uses 3 seeds and 2 prompts");
    EXPECT_TRUE(found.empty());
}

TEST(FindNumbersWithUnits, GluedAndPercent) {
    auto found = ingest::find_numbers_with_units("TTFT 0.165s, +34% faster, 5.3 GB, 1,234 ms");
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0].unit_text, "s");
    EXPECT_DOUBLE_EQ(found[1].value, 34);
    EXPECT_EQ(found[2].unit.quantity, Quantity::bytes);
    EXPECT_DOUBLE_EQ(found[3].value, 1234);
}

}  // namespace
