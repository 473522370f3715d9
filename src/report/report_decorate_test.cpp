// Unit tests for src/report/report_decorate.cpp.
#include "report/report_decorate.hpp"

#include <gtest/gtest.h>

#include "report/report_test_fixture.hpp"

namespace report {
namespace {

TEST(ReportDecorate, CodeSpanFenceOutgrowsInnerBackticks) {
    EXPECT_EQ(code("a.csv"), "`a.csv`");
    EXPECT_EQ(code("Image: `x` here"), "``Image: `x` here``");
    EXPECT_EQ(code("Image: `x`"), "`` Image: `x` ``");
    EXPECT_EQ(code("`x`"), "`` `x` ``");
    EXPECT_EQ(code("two\nlines"), "`two lines`");
}

TEST(ReportDecorate, MarksLabelsQuotesAndTimestamps) {
    auto a = testing::small_analysis();
    Decorator d(a, testing::small_corpus());
    EXPECT_EQ(d("In runs/a/prompt_runs.csv all reloads fall on num_ctx=1024."),
              "In `runs/a/prompt_runs.csv` all reloads fall on `num_ctx=1024`.");
    EXPECT_EQ(d("gemma3:latest beats llama3.1:8b-instruct-q4_0"), "`gemma3:latest` beats `llama3.1:8b-instruct-q4_0`");
    EXPECT_EQ(d("error (\"connection refused\" x5)"), "error (`connection refused` x5)");
    EXPECT_EQ(d("modified 2025-10-02 10:13:20 UTC (runs/b/prompt_runs.csv:7)"),
              "modified `2025-10-02 10:13:20 UTC` (`runs/b/prompt_runs.csv:7`)");
    EXPECT_EQ(d("folder runs/b failed"), "folder `runs/b` failed");
    EXPECT_EQ(d("keep `runs/a` as is"), "keep `runs/a` as is");
    EXPECT_EQ(d("`notes/summary.md`:6 claims"), "`notes/summary.md:6` claims");
    EXPECT_EQ(d("notruns/a/prompt_runs.csv"), "notruns/a/prompt_runs.csv");  // not on a word boundary
}

TEST(ReportDecorate, StatementMarksLevelLabelsOfItsValues) {
    analysis::Fact f;
    f.values = {analysis::make_value("num_gpu=40", 47.59, model::Quantity::throughput)};
    f.statement = "Main effect of num_gpu (mean by level): 40: " + f.values[0].text + ".";
    Decorator d(analysis::Analysis{}, model::Corpus{});
    EXPECT_EQ(d.statement(f), "Main effect of num_gpu (mean by level): `40`: 47.59 tok/s.");
}

}  // namespace
}  // namespace report
