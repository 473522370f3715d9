// Unit tests for src/report/report_bounds.cpp: clipping at clause boundaries, the "more" note and
// the final length guard.
#include <gtest/gtest.h>

#include <algorithm>

#include "report/report_bounds.hpp"

namespace report {
namespace {

TEST(ReportBounds, ShortTextIsKept) { EXPECT_EQ(clip("a, b; c", 20), "a, b; c"); }

TEST(ReportBounds, ClipCutsBetweenClausesOutsideCodeSpans) {
    std::string text = "first 12.5 tok/s, `a, b` second 7.25 s; third 9.75 s and more words here";
    auto clipped = clip(text, 45);
    EXPECT_EQ(clipped.rfind("first 12.5 tok/s, `a, b` second 7.25 s … (full text in", 0), 0u) << clipped;
    EXPECT_EQ(clip("no boundary at all in this long sentence", 12).rfind("no boundary …", 0), 0u);
}

TEST(ReportBounds, MoreInJsonCountsInACodeSpan) {
    EXPECT_EQ(more_in_json(0, "tables"), "");
    EXPECT_EQ(more_in_json(3, "tables"), "`3 more` tables, every one in `report.json`.");
}

TEST(ReportBounds, GuardKeepsWhatFitsAndCutsTheRest) {
    std::string small = "# a\n\nb\n";
    EXPECT_EQ(fit_markdown(small, 10, 1000), small);
    std::string big = "# a\n\n```text\n";
    for (int i = 0; i < 100; ++i) big += "line of text\n";
    big += "```\n";
    auto cut = fit_markdown(big, 40, 100000);
    EXPECT_LE(std::count(cut.begin(), cut.end(), '\n'), 40);
    EXPECT_NE(cut.find("This report was cut here"), std::string::npos);
    EXPECT_NE(cut.find("line of text\n```\n"), std::string::npos);  // the open fence is closed
    auto bytes = fit_markdown(big, 1000, 400);
    EXPECT_LE(bytes.size(), 400u);
}

}  // namespace
}  // namespace report
