// Unit tests for src/ingest/markdown_tables.cpp, markdown_inline.cpp and claim_finder.cpp helpers.
#include "ingest/markdown_tables.hpp"

#include <gtest/gtest.h>

#include "ingest/claim_finder.hpp"
#include "ingest/markdown_inline.hpp"

namespace ingest::md {
namespace {

TEST(MarkdownInline, MaskCodeSpansKeepsLengthAndUnmatchedRuns) {
    EXPECT_EQ(mask_code_spans("a `b` c"), "a     c");
    EXPECT_EQ(mask_code_spans("x ``a ` b`` y"), "x           y");
    EXPECT_EQ(mask_code_spans("open ` only"), "open ` only");
    EXPECT_EQ(mask_code_spans("`` a ` b"), "`` a ` b");
}

TEST(MarkdownInline, ParseAtxHeading) {
    auto h = parse_atx_heading("## Title ##");
    ASSERT_TRUE(h);
    EXPECT_EQ(h->level, 2);
    EXPECT_EQ(h->text, "Title");
    EXPECT_EQ(parse_atx_heading("# C#")->text, "C#");
    EXPECT_FALSE(parse_atx_heading("#hashtag"));
    EXPECT_FALSE(parse_atx_heading("    # code"));
    EXPECT_TRUE(parse_atx_heading("    # deep", 10));
}

TEST(MarkdownInline, FindInlineHeading) {
    EXPECT_EQ(find_inline_heading("text ## Next"), 5u);
    EXPECT_EQ(find_inline_heading("text # one"), std::string_view::npos);
    EXPECT_EQ(find_inline_heading("text ####### seven"), std::string_view::npos);
    EXPECT_EQ(find_inline_heading("a ##b"), std::string_view::npos);
    EXPECT_EQ(find_inline_heading("a ##   "), std::string_view::npos);
    EXPECT_EQ(find_inline_heading("a## b"), std::string_view::npos);
}

TEST(MarkdownInline, StripMarkupAndClip) {
    EXPECT_EQ(strip_inline_markup(" **Mean** "), "Mean");
    EXPECT_EQ(strip_inline_markup("`mean_tokens_s`"), "mean_tokens_s");
    EXPECT_EQ(strip_inline_markup("__init__ x"), "__init__ x");
    EXPECT_EQ(strip_inline_markup("*7*"), "7");
    EXPECT_EQ(clip_utf8("ab\xc3\xa9", 3), "ab");
    EXPECT_EQ(strip_block_markers("> - 12. item"), "12. item");
    EXPECT_EQ(strip_block_markers("3) item"), "item");
}

TEST(MarkdownTables, DelimiterColumns) {
    EXPECT_EQ(delimiter_columns("| --- | :---: | ---: |"), 3u);
    EXPECT_EQ(delimiter_columns("--- | ---"), 2u);
    EXPECT_EQ(delimiter_columns("|---|"), 1u);
    EXPECT_EQ(delimiter_columns("---"), 0u);
    EXPECT_EQ(delimiter_columns("| --- | text |"), 0u);
    EXPECT_EQ(delimiter_columns("|"), 0u);
    EXPECT_EQ(delimiter_columns("| : |"), 0u);
}

TEST(MarkdownTables, MatchHeaderWholeOrAfterProse) {
    auto whole = match_header("| a | b |", 2, true);
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->start, 0u);
    EXPECT_TRUE(whole->trailing_pipe);
    auto suffix = match_header("Intro x | y | a | b |", 2, true);
    ASSERT_TRUE(suffix);
    EXPECT_EQ(suffix->start, 12u);
    EXPECT_EQ(suffix->names, (std::vector<std::string>{"a", "b"}));
    EXPECT_FALSE(match_header("| x | a | b |", 2, true));      // starts with a pipe: not prose
    EXPECT_FALSE(match_header("prose | a | b", 2, true));      // no closing pipe
    EXPECT_FALSE(match_header("| a | b |", 2, false));
}

TEST(MarkdownTables, SplitRowTrailingText) {
    auto row = split_row("| q8 | 46.5 | ## Next", 2, true, false);
    EXPECT_EQ(row.cells.size(), 2u);
    EXPECT_EQ(row.trailing, "## Next");
    row = split_row("| a | b | c |", 2, true, false);
    EXPECT_EQ(row.trailing, "");
    EXPECT_EQ(row.extra_cells, 1u);
    row = split_row("a | b | tail", 2, false, false);
    EXPECT_EQ(row.trailing, "");
    EXPECT_EQ(row.extra_cells, 1u);
    row = split_row("| a | b c ### H", 2, true, false);
    ASSERT_EQ(row.cells.size(), 2u);
    EXPECT_EQ(row.cells[1], " b c ");
    EXPECT_EQ(row.trailing, "### H");
}

TEST(MarkdownTables, MakeCell) {
    auto cell = make_cell(" **1,234.5** ");
    EXPECT_TRUE(cell.is_number);
    EXPECT_DOUBLE_EQ(cell.number, 1234.5);
    EXPECT_FALSE(make_cell("5 ms").is_number);
    EXPECT_TRUE(make_cell("  ").missing());
}

TEST(ClaimFinder, UnitInLabel) {
    EXPECT_EQ(unit_in_label("Mean tokens per second")->second, "tokens per second");
    EXPECT_EQ(unit_in_label("**Latency (ms):**")->second, "(ms)");
    EXPECT_FALSE(unit_in_label("Speed x"));
    EXPECT_FALSE(unit_in_label("Accuracy"));
    EXPECT_FALSE(unit_in_label("Min"));
}

TEST(ClaimFinder, BudgetStopsEarly) {
    std::vector<model::Claim> out;
    const std::string file = "f.md", heading = "h";
    ClaimSite site{file, 1, heading, 3};
    EXPECT_FALSE(find_prose_claims("1 s 2 s 3 s 4 s 5 s", site, out));
    EXPECT_EQ(out.size(), 3u);
}

}  // namespace
}  // namespace ingest::md
