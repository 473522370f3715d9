#include "report/json_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace report {
namespace {

std::string nlohmann_dump(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string number_text(double v) {
    std::string out;
    append_json_number(out, v);
    return out;
}

// The layout (plain decimals, ".0" on integral values, e+NN exponents) is nlohmann's; the digits are
// the shortest (and closest) that round-trip (std::to_chars), where nlohmann's Grisu2 now and then
// writes one more digit or a neighbour of the last one.
TEST(JsonWriter, NumbersRoundTripInNlohmannLayout) {
    std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.1, 12.5, 10000.0, 1e15, 1e16, 123456789012345.0,
                                  1234567890123456.0, 1e21, 1e-4, 1e-5, 0.00012345, 1.5e-7, 2.5e300, -3.75e-300,
                                  101.44, 67.11818095238095, 22.85972050153468, 1.0 / 3.0,
                                  std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min(),
                                  std::numeric_limits<double>::min()};
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> mantissa(-10, 10);
    std::uniform_int_distribution<int> exponent(-30, 30);
    for (int i = 0; i < 20000; ++i) values.push_back(mantissa(rng) * std::pow(10.0, exponent(rng)));
    for (int i = 0; i < 2000; ++i) values.push_back(std::round(mantissa(rng) * 1e6));
    std::size_t identical = 0;
    for (double v : values) {
        std::string ours = number_text(v), theirs = nlohmann_dump(nlohmann::ordered_json(v));
        ASSERT_EQ(std::strtod(ours.c_str(), nullptr), v) << ours;
        ASSERT_LE(ours.size(), theirs.size()) << ours << " vs " << theirs;
        identical += ours == theirs;
    }
    EXPECT_GT(identical, values.size() * 95 / 100);  // Grisu2 is shortest for almost every value
}

TEST(JsonWriter, KnownNumberTexts) {
    EXPECT_EQ(number_text(10000.0), "10000.0");
    EXPECT_EQ(number_text(1e16), "1e+16");
    EXPECT_EQ(number_text(0.0001), "0.0001");
    EXPECT_EQ(number_text(0.00001), "1e-05");
    EXPECT_EQ(number_text(-2.5e-300), "-2.5e-300");
    EXPECT_EQ(number_text(101.44), "101.44");
    EXPECT_EQ(number_text(-0.0), "-0.0");
}

TEST(JsonWriter, NonFiniteNumbersAreNull) {
    EXPECT_EQ(number_text(std::nan("")), "null");
    EXPECT_EQ(number_text(INFINITY), "null");
    EXPECT_EQ(number_text(-INFINITY), "null");
}

TEST(JsonWriter, StringsMatchNlohmannIncludingEscapesAndInvalidUtf8) {
    std::vector<std::string> texts = {"", "plain", "quote \" and \\ backslash", "tab\tnew\nline\rcr\b\f",
                                      std::string("nul \0 and \x01\x1f\x7f", 14), "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80",
                                      "bad \xff byte", "truncated \xe2\x9c", "\xc3\xbf\xc3\xbe BOM-ish"};
    for (const auto& t : texts) {
        std::string out;
        append_json_string(out, t);
        EXPECT_EQ(out, nlohmann_dump(nlohmann::ordered_json(t))) << t;
    }
}

TEST(JsonWriter, NestedDocumentMatchesNlohmann) {
    std::string out;
    JsonWriter w(out);
    w.begin_object().key("id").value("a/b").key("n").value(3LL).key("ok").value(true).key("missing").null();
    w.key("values").begin_array();
    for (double v : {1.0, 2.5}) w.begin_object().key("value").value(v).key("text").value("x").end_object();
    w.end_array().key("empty").begin_array().end_array().key("tags").value(std::vector<std::string>{"p", "q"}).end_object();
    nlohmann::ordered_json j;
    j["id"] = "a/b";
    j["n"] = 3;
    j["ok"] = true;
    j["missing"] = nullptr;
    j["values"] = {{{"value", 1.0}, {"text", "x"}}, {{"value", 2.5}, {"text", "x"}}};
    j["empty"] = nlohmann::ordered_json::array();
    j["tags"] = {"p", "q"};
    EXPECT_EQ(out, nlohmann_dump(j));
}

}  // namespace
}  // namespace report
