#include "util/strings.hpp"

#include <cmath>
#include <gtest/gtest.h>

namespace {

TEST(ParseNumber, Exact) {
    EXPECT_EQ(*util::parse_number("77.5"), 77.5);
    EXPECT_EQ(*util::parse_number(" 0.1 "), 0.1);
    EXPECT_EQ(*util::parse_number("+3"), 3.0);
    EXPECT_EQ(*util::parse_number("-2e3"), -2000.0);
    EXPECT_EQ(*util::parse_number("2,280,000"), 2280000.0);
}

TEST(ParseNumber, NonFinite) {
    EXPECT_TRUE(std::isnan(*util::parse_number("NaN")));
    EXPECT_TRUE(std::isinf(*util::parse_number("Infinity")));
    EXPECT_LT(*util::parse_number("-inf"), 0);
    EXPECT_TRUE(std::isinf(*util::parse_number("1e309")));
    EXPECT_LT(*util::parse_number("-1e309"), 0);
    EXPECT_EQ(*util::parse_number("1e-400"), 0.0);
}

TEST(ParseNumber, Rejects) {
    for (auto t : {"", " ", "abc", "1.2.3", "--1", "+-1", "1,2", "12,34", "0x10", "1 2", "q4_0"})
        EXPECT_FALSE(util::parse_number(t)) << t;
}

TEST(NormaliseName, Examples) {
    EXPECT_EQ(util::normalise_name("Tokens per Second"), "tokens_per_second");
    EXPECT_EQ(util::normalise_name("Generation Time (ms)"), "generation_time_ms");
    EXPECT_EQ(util::normalise_name("GPU Util %"), "gpu_util_percent");
    EXPECT_EQ(util::normalise_name("ttft_s"), "ttft_s");
}

TEST(Utf8, Validation) {
    EXPECT_TRUE(util::is_valid_utf8("plain ascii text that is long enough"));
    EXPECT_TRUE(util::is_valid_utf8("\xC2\xB0" "C"));
    std::size_t bad = 0;
    EXPECT_FALSE(util::is_valid_utf8("abc\xC0\xAF", &bad));  // overlong
    EXPECT_EQ(bad, 3u);
    EXPECT_FALSE(util::is_valid_utf8("\xED\xA0\x80"));       // surrogate
    EXPECT_FALSE(util::is_valid_utf8("\xE2\x82"));           // truncated
}

TEST(LineOf, Counts) {
    EXPECT_EQ(util::line_of("a\nb\nc", 0), 1);
    EXPECT_EQ(util::line_of("a\nb\nc", 4), 3);
}

}  // namespace
