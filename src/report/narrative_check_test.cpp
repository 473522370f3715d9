// Unit tests for src/report/narrative_check.cpp.
#include "report/narrative_check.hpp"

#include <gtest/gtest.h>

#include "report/report_test_fixture.hpp"

namespace report {
namespace {

using testing::fixed_context;
using testing::small_analysis;
using testing::small_corpus;

analysis::Analysis with_values(std::vector<analysis::FactValue> values, std::vector<std::string> warnings = {}) {
    analysis::Analysis a;
    analysis::Fact f;
    f.id = "test/fact";
    f.values = std::move(values);
    f.warnings = std::move(warnings);
    a.facts.push_back(std::move(f));
    return a;
}

TEST(NarrativeCheck, RenderedReportIsClean) {
    auto a = small_analysis();
    auto md = render_report_markdown(a, small_corpus(), fixed_context());
    auto bad = untraceable_numbers(md, a);
    EXPECT_TRUE(bad.empty()) << bad.size() << " untraceable, first: " << (bad.empty() ? "" : bad.front());
}

TEST(NarrativeCheck, CatchesAnInventedNumber) {
    auto a = small_analysis();
    auto md = render_report_markdown(a, small_corpus(), fixed_context());
    auto at = md.find("## 4. Key Findings");
    md.insert(at, "Overall throughput is 123.45 tok/s.\n\n");
    auto bad = untraceable_numbers(md, a);
    ASSERT_EQ(bad.size(), 1u);
    EXPECT_EQ(bad[0].rfind("123.45 (line ", 0), 0u) << bad[0];
    EXPECT_NE(bad[0].find("throughput is 123.45 tok/s"), std::string::npos);
}

TEST(NarrativeCheck, FactNumbersPassNumericallyAndWithoutSign) {
    auto a = with_values({analysis::make_value("delta", -3.2, model::Quantity::percent),
                          analysis::make_value("median", 100, model::Quantity::percent), analysis::make_count("n", 40)});
    EXPECT_TRUE(untraceable_numbers("fell by 3.2 % and -3.2 %; 100 %, 100.0 % and 40 calls", a).empty());
    EXPECT_EQ(untraceable_numbers("41 calls", a).size(), 1u);
}

TEST(NarrativeCheck, SkipsCodeFencesAndStructure) {
    auto a = with_values({});
    std::string md =
        "## 5. Recommendations\n"
        "**Date:** 2025-10-02 17:25:19 UTC\n"
        "- Execution time: 9.99 s (ingest 1.11 s | analysis 2.22 s | report 3.33 s)\n"
        "1. **First** see `runs/20250301-101500` and ``a `77` b``\n"
        "   12. nested ordinal\n"
        "| a | b |\n| --- | ---: |\n"
        "```text\nCSV Files (28)\n  ... and 23 more\n```\n";
    auto bad = untraceable_numbers(md, a);
    EXPECT_TRUE(bad.empty()) << bad.front();
}

TEST(NarrativeCheck, NamesAreNotNumbers) {
    auto a = with_values({});
    EXPECT_TRUE(untraceable_numbers("qwen2.5:7b, llama3.1:8b-instruct-q4_0, p95, x5, (x15), q4_0, 7b, 1b-it-qat, tok/s", a).empty());
}

TEST(NarrativeCheck, CatchesUnitSuffixesDatesAndAddresses) {
    auto a = with_values({analysis::make_value("ratio", 1.72, model::Quantity::ratio)});
    EXPECT_TRUE(untraceable_numbers("1.72x faster", a).empty());
    EXPECT_EQ(untraceable_numbers("took 12ms", a).size(), 1u);
    EXPECT_EQ(untraceable_numbers("on 2025-10-02", a).size(), 1u);
    EXPECT_EQ(untraceable_numbers("at 127.0.0.1 today", a).size(), 1u);
    EXPECT_EQ(untraceable_numbers("num_gpu=40", a).size(), 1u);  // settings belong in code spans
}

TEST(NarrativeCheck, InlineOrdinalsAndVerbatimWarningsPass) {
    auto a = with_values({}, {"need ≥ 6 samples for a 95 % CI"});
    EXPECT_TRUE(untraceable_numbers("ranking: 1. `a`; 2. `b`.", a).empty());
    EXPECT_TRUE(untraceable_numbers("  - note: need ≥ 6 samples for a 95 % CI", a).empty());
    EXPECT_EQ(untraceable_numbers("we need 6 samples", a).size(), 1u);
}

}  // namespace
}  // namespace report
