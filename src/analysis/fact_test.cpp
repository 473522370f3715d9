#include "analysis/fact.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

namespace analysis {
namespace {

std::string printf_fixed(double v, int decimals) {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

TEST(FactFormat, MatchesPrintfRoundingOnRandomValues) {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> mantissa(-10, 10);
    std::uniform_int_distribution<int> exponent(-6, 9);
    for (int i = 0; i < 20000; ++i) {
        double v = mantissa(rng) * std::pow(10.0, exponent(rng));
        ASSERT_EQ(format_value(v, model::Quantity::throughput), printf_fixed(v, 2) + " tok/s") << v;
        ASSERT_EQ(format_value(v, model::Quantity::percent), printf_fixed(v, 1) + " %") << v;
    }
    // Halfway cases round as printf does (to the binary value's nearest, ties to even digits).
    for (double v : {0.125, 0.375, 2.675, 1.005, 1e15 + 0.5, -0.4, 1e300})
        EXPECT_EQ(format_value(v, model::Quantity::ratio), printf_fixed(v, 2) + "x") << v;
}

TEST(FactFormat, TimeSwitchesToMillisecondsBelowOneSecond) {
    EXPECT_EQ(format_value(0.08665, model::Quantity::time), "86.65 ms");
    EXPECT_EQ(format_value(1.159, model::Quantity::time), "1.159 s");
    EXPECT_EQ(format_value(1234.5, model::Quantity::time), "1234 s");  // %.0f rounds half to even
    EXPECT_EQ(format_value(0.0000004, model::Quantity::time), "0.0004 ms");
    EXPECT_EQ(format_value(4e-10, model::Quantity::time), "4e-07 ms");
}

TEST(FactFormat, MakeValueLikeSharesTheReferenceUnit) {
    auto v = make_value_like("mean", 1.159, model::Quantity::time, 0.08665);
    EXPECT_EQ(v.text, "1159 ms");
    EXPECT_EQ(v.number(), "1159");
    EXPECT_EQ(v.unit(), "ms");
    auto r = make_value("speedup", 1.724, model::Quantity::ratio);
    EXPECT_EQ(r.text, "1.72x");
    EXPECT_EQ(r.number(), "1.72");
    EXPECT_EQ(r.unit(), "x");
    auto n = make_value_like("mean", std::nan(""), model::Quantity::time, 1.0);
    EXPECT_EQ(n.text, "n/a");
}

TEST(FactFormat, ValueNumberAndUnitAreTheSplitOfFormatParts) {
    using model::Quantity;
    for (auto q : {Quantity::time, Quantity::throughput, Quantity::rate, Quantity::percent, Quantity::ratio, Quantity::tokens,
                   Quantity::bytes, Quantity::power, Quantity::temperature, Quantity::frequency, Quantity::count,
                   Quantity::unknown}) {
        for (double x : {0.0, 0.0123, 1.5, 12.0, 86.65, 4096.0, 3.2e9, -7.25, std::nan(""), static_cast<double>(INFINITY)}) {
            auto v = make_value("x", x, q);
            auto [number, unit] = format_parts(x, q);
            EXPECT_EQ(v.number(), number) << v.text;
            EXPECT_EQ(v.unit(), unit) << v.text;
        }
    }
}

TEST(FactIds, RepeatedIdsGetCountersInInputOrder) {
    std::vector<Fact> facts;
    for (const char* id : {"a", "b", "a", "c", "a", "b", "a-2"}) facts.push_back(Fact{.id = id});
    make_ids_unique(facts);
    std::vector<std::string> ids;
    for (const auto& f : facts) ids.push_back(f.id);
    // "a-2" was an id of its own before renaming: it is not compared with renamed ids.
    EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "a-2", "c", "a-3", "b-2", "a-2"}));
}

TEST(FactIds, ManyIdsStayUniqueAndUnchangedWhenDistinct) {
    std::vector<Fact> facts;
    for (int i = 0; i < 50000; ++i) facts.push_back(Fact{.id = "summary/f" + std::to_string(i % 25000)});
    make_ids_unique(facts);
    for (int i = 0; i < 50000; ++i) {
        const std::string want = "summary/f" + std::to_string(i % 25000) + (i < 25000 ? "" : "-2");
        ASSERT_EQ(facts[static_cast<std::size_t>(i)].id, want) << i;
    }
}

}  // namespace
}  // namespace analysis
