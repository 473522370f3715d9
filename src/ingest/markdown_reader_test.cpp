// Unit tests for src/ingest/markdown_reader.cpp (blocks, squashed lines, claims, limits).
#include "ingest/markdown_reader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>

namespace ingest {
namespace {

FileContent read_ok(std::string_view text) {
    auto result = read_markdown(text, "r.md");
    EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().message);
    return result ? std::move(result).value() : FileContent{};
}

bool has_warning(const FileContent& content, const std::string& text) {
    for (const auto& w : content.warnings)
        if (w == text) return true;
    return false;
}

TEST(MarkdownReader, EmptyAndWhitespaceOnlyFilesAreErrors) {
    for (std::string_view text : {"", "  \n\t\r\n", "\xEF\xBB\xBF\n"}) {
        auto result = read_markdown(text, "dir/e.md");
        ASSERT_FALSE(result.has_value());
        EXPECT_EQ(result.error().message, "dir/e.md: empty file");
    }
}

TEST(MarkdownReader, AtxHeadingsWithLevelLineAndText) {
    auto c = read_ok("# Title\ntext\n### Sub section ###\n#5 not a heading\n####### seven\n   ## Indented\n"
                     "    # four spaces\n#\n");
    ASSERT_EQ(c.headings.size(), 4u);
    EXPECT_EQ(c.headings[0].level, 1);
    EXPECT_EQ(c.headings[0].line, 1);
    EXPECT_EQ(c.headings[0].text, "Title");
    EXPECT_EQ(c.headings[1].level, 3);
    EXPECT_EQ(c.headings[1].line, 3);
    EXPECT_EQ(c.headings[1].text, "Sub section");
    EXPECT_EQ(c.headings[2].text, "Indented");
    EXPECT_EQ(c.headings[3].line, 8);
    EXPECT_EQ(c.headings[3].text, "");
    EXPECT_TRUE(c.warnings.empty());
}

TEST(MarkdownReader, FencedCodeIsSkippedForHeadingsTablesAndClaims) {
    auto c = read_ok("# Real\n```python\n# not a heading\n| a | b |\n| - | - |\nlatency 5 ms\n```\n"
                     "~~~~\n## also not\n```\nstill code 7 s\n~~~~~\n## After\n- took 3 s\n");
    ASSERT_EQ(c.headings.size(), 2u);
    EXPECT_EQ(c.headings[1].text, "After");
    EXPECT_EQ(c.headings[1].line, 13);
    EXPECT_TRUE(c.tables.empty());
    ASSERT_EQ(c.claims.size(), 1u);
    EXPECT_EQ(c.claims[0].source.line, 14);
    EXPECT_TRUE(c.warnings.empty());
}

TEST(MarkdownReader, InlineTripleBackticksAreNotAFence) {
    auto c = read_ok("```inline``` took 4 s\n# Heading\n");
    ASSERT_EQ(c.headings.size(), 1u);
    EXPECT_EQ(c.claims.size(), 1u);
}

TEST(MarkdownReader, UnclosedFenceSkipsRestAndWarns) {
    auto c = read_ok("# A\n```\n# B\n| x | y |\n|---|---|\n");
    ASSERT_EQ(c.headings.size(), 1u);
    EXPECT_TRUE(c.tables.empty());
    ASSERT_EQ(c.warnings.size(), 1u);
    EXPECT_EQ(c.warnings[0], "r.md:2: code fence is never closed; the rest of the file was skipped");
}

TEST(MarkdownReader, PipeTableWithLinesLocatorAndNumbers) {
    auto c = read_ok("# Report\n## Results\n\n| model | tok/s | note |\n| :--- | ---: | :-: |\n"
                     "| llama | 76.59 | fast |\n| gemma | 1,024 | |\n\nafter\n");
    ASSERT_EQ(c.tables.size(), 1u);
    const auto& t = c.tables[0];
    EXPECT_EQ(t.file, "r.md");
    EXPECT_EQ(t.line, 4);
    EXPECT_EQ(t.locator, "Results");
    EXPECT_EQ(t.columns, (std::vector<std::string>{"model", "tok/s", "note"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].line, 6);
    EXPECT_EQ(t.rows[1].line, 7);
    EXPECT_TRUE(t.rows[0].cells[1].is_number);
    EXPECT_DOUBLE_EQ(t.rows[0].cells[1].number, 76.59);
    EXPECT_FALSE(t.rows[0].cells[0].is_number);
    EXPECT_DOUBLE_EQ(t.rows[1].cells[1].number, 1024);
    EXPECT_TRUE(t.rows[1].cells[2].missing());
    EXPECT_TRUE(t.warnings.empty());
    EXPECT_TRUE(c.claims.empty());  // tables are not prose
}

TEST(MarkdownReader, TableWithoutOuterPipes) {
    auto c = read_ok("a | b\n--- | ---\n1 | 2\n3 | 4\n");
    ASSERT_EQ(c.tables.size(), 1u);
    EXPECT_EQ(c.tables[0].columns, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(c.tables[0].rows.size(), 2u);
    EXPECT_DOUBLE_EQ(c.tables[0].rows[1].cells[1].number, 4);
    EXPECT_EQ(c.tables[0].locator, "");
}

TEST(MarkdownReader, EscapedPipesStayInCell) {
    auto c = read_ok("| expr | value |\n|---|---|\n| a \\| b | `x \\| y` |\n");
    ASSERT_EQ(c.tables.size(), 1u);
    ASSERT_EQ(c.tables[0].rows.size(), 1u);
    EXPECT_EQ(c.tables[0].rows[0].cells[0].text, "a | b");
    EXPECT_EQ(c.tables[0].rows[0].cells[1].text, "x | y");
}

TEST(MarkdownReader, CellMarkupIsStrippedAndOnlyWholeNumbersAreNumbers) {
    auto c = read_ok("| k | v | w |\n|---|---|---|\n| **Mean** | **102.85** | 102.85 tok/s |\n"
                     "| `mlp` | _7_ | **Failed:** Triton |\n");
    const auto& rows = c.tables.at(0).rows;
    EXPECT_EQ(rows[0].cells[0].text, "Mean");
    EXPECT_TRUE(rows[0].cells[1].is_number);
    EXPECT_EQ(rows[0].cells[2].text, "102.85 tok/s");
    EXPECT_FALSE(rows[0].cells[2].is_number);
    EXPECT_EQ(rows[1].cells[0].text, "mlp");
    EXPECT_DOUBLE_EQ(rows[1].cells[1].number, 7);
    EXPECT_EQ(rows[1].cells[2].text, "Failed: Triton");
}

TEST(MarkdownReader, RaggedRowsArePaddedOrCutWithWarnings) {
    auto c = read_ok("| a | b | c |\n|---|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 | 4 |\n| 5 | 6 | 7 |\n");
    const auto& t = c.tables.at(0);
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[0].cells.size(), 3u);
    EXPECT_TRUE(t.rows[0].cells[2].missing());
    EXPECT_EQ(t.rows[1].cells.size(), 3u);
    EXPECT_DOUBLE_EQ(t.rows[2].cells[2].number, 7);
    ASSERT_EQ(t.warnings.size(), 2u);
    EXPECT_EQ(t.warnings[0], "r.md:3: row has 2 cells, expected 3; padded with missing cells");
    EXPECT_EQ(t.warnings[1], "r.md:4: row has 1 cells more than the header; dropped");
}

TEST(MarkdownReader, TableEndsAtBlankLineHeadingOrLineWithoutPipe) {
    auto c = read_ok("| a |\n|---|\n| 1 |\nplain 2 s\n| b | c |\n|---|---|\n| 3 | 4 |\n# H\n| 5 | 6 |\n");
    ASSERT_EQ(c.tables.size(), 2u);
    EXPECT_EQ(c.tables[0].rows.size(), 1u);
    EXPECT_EQ(c.tables[1].rows.size(), 1u);
    ASSERT_EQ(c.claims.size(), 1u);
    EXPECT_EQ(c.claims[0].text, "plain 2 s");
}

TEST(MarkdownReader, HeaderAndDelimiterRightAfterRowsStartANewTable) {
    auto c = read_ok("| a | b |\n|---|---|\n| 1 | 2 |\n| x | y | z |\n|---|---|---|\n| 3 | 4 | 5 |\n");
    ASSERT_EQ(c.tables.size(), 2u);
    EXPECT_EQ(c.tables[1].line, 4);
    EXPECT_EQ(c.tables[1].columns.size(), 3u);
    EXPECT_EQ(c.tables[1].rows.size(), 1u);
}

TEST(MarkdownReader, SquashedHeadingsSplitOnOneLine) {
    auto c = read_ok("\n# Benchmark Summary ## Baseline (llama3.1:8b-instruct-q4_0)\n"
                     "- Mean generation time: 5.15 s ### Details\n");
    ASSERT_EQ(c.headings.size(), 3u);
    EXPECT_EQ(c.headings[0].text, "Benchmark Summary");
    EXPECT_EQ(c.headings[0].line, 2);
    EXPECT_EQ(c.headings[1].level, 2);
    EXPECT_EQ(c.headings[1].text, "Baseline (llama3.1:8b-instruct-q4_0)");
    EXPECT_EQ(c.headings[1].line, 2);
    EXPECT_EQ(c.headings[2].level, 3);
    EXPECT_EQ(c.headings[2].line, 3);
    ASSERT_EQ(c.claims.size(), 1u);
    EXPECT_EQ(c.claims[0].text, "Mean generation time: 5.15 s");
    EXPECT_EQ(c.claims[0].heading, "Baseline (llama3.1:8b-instruct-q4_0)");
    EXPECT_TRUE(has_warning(c, "r.md:2: heading/table run together on one line"));
    EXPECT_TRUE(has_warning(c, "r.md:3: heading/table run together on one line"));
    EXPECT_EQ(c.warnings.size(), 2u);
}

TEST(MarkdownReader, SquashedTableHeaderAfterProseAndHeadingAfterLastRow) {
    auto c = read_ok("## Sweep\nBest run hit 70.5 tokens/s and TTFT 0.1 s. | tag | tok_s | ttft_s |\n"
                     "| --- | --- | --- |\n| q4 | 70.5 | 0.1 |\n| q8 | 40.2 | 2.0 | ## Next Sweep (q4)\n"
                     "Top: | a | b |\n|---|---|\n| 1 | 2 |\n");
    ASSERT_EQ(c.tables.size(), 2u);
    const auto& t = c.tables[0];
    EXPECT_EQ(t.line, 2);
    EXPECT_EQ(t.locator, "Sweep");
    EXPECT_EQ(t.columns, (std::vector<std::string>{"tag", "tok_s", "ttft_s"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1].line, 5);
    EXPECT_DOUBLE_EQ(t.rows[1].cells[2].number, 2.0);
    ASSERT_EQ(c.headings.size(), 2u);
    EXPECT_EQ(c.headings[1].text, "Next Sweep (q4)");
    EXPECT_EQ(c.headings[1].line, 5);
    EXPECT_EQ(c.tables[1].locator, "Next Sweep (q4)");
    EXPECT_EQ(c.tables[1].line, 6);
    EXPECT_EQ(c.tables[1].columns, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(c.claims.size(), 2u);
    EXPECT_EQ(c.claims[0].text, "Best run hit 70.5 tokens/s and TTFT 0.1 s.");
    EXPECT_EQ(c.claims[0].source.line, 2);
    EXPECT_TRUE(has_warning(c, "r.md:2: heading/table run together on one line"));
    EXPECT_TRUE(has_warning(c, "r.md:5: heading/table run together on one line"));
    EXPECT_TRUE(has_warning(c, "r.md:6: heading/table run together on one line"));
}

TEST(MarkdownReader, SquashedHeaderAfterProseThatHasPipes) {
    auto c = read_ok("- Stack: Torch 2.8 | TensorRT 10.13 | Backend | Mean (ms) | Notes |\n"
                     "| --- | --- | --- |\n| eager | 1.138 | baseline |\n"
                     "| trt | 8.198 | workspace 256 MB | Artifacts:\n- file.json\n");
    ASSERT_EQ(c.tables.size(), 1u);
    const auto& t = c.tables[0];
    EXPECT_EQ(t.columns, (std::vector<std::string>{"Backend", "Mean (ms)", "Notes"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1].cells[2].text, "workspace 256 MB");
    EXPECT_TRUE(t.warnings.empty());
}

TEST(MarkdownReader, UnterminatedLastCellRunsIntoHeading) {
    auto c = read_ok("| Model | Notes |\n| --- | --- |\n| `mlp` | Batch 4 x 256 features.\n"
                     "| `tf` | 2 layers, 4 heads. ### CPU Snapshot\n| a | b |\n|---|---|\n");
    ASSERT_EQ(c.tables.size(), 2u);
    const auto& rows = c.tables[0].rows;
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].cells[1].text, "Batch 4 x 256 features.");
    EXPECT_EQ(rows[1].cells[1].text, "2 layers, 4 heads.");
    ASSERT_EQ(c.headings.size(), 1u);
    EXPECT_EQ(c.headings[0].text, "CPU Snapshot");
    EXPECT_EQ(c.headings[0].level, 3);
    EXPECT_EQ(c.headings[0].line, 4);
    EXPECT_EQ(c.tables[1].locator, "CPU Snapshot");
}

TEST(MarkdownReader, SingleHashAndCodeSpanHashesDoNotSplit) {
    auto c = read_ok("See issue # 5 for details\nx = 1  # comment\nRun `## not heading` here\nC# ## maybe\n");
    ASSERT_EQ(c.headings.size(), 1u);  // only "## maybe" after "C#" (whitespace before the run)
    EXPECT_EQ(c.headings[0].text, "maybe");
    EXPECT_EQ(c.headings[0].line, 4);
    EXPECT_EQ(c.warnings.size(), 1u);
}

TEST(MarkdownReader, ClaimsWithCommonUnits) {
    auto c = read_ok("## Perf\nMean latency 12.5 ms with TTFT 0.165s.\n- Throughput: 102.85 tok/s\n"
                     "* Generation ran at 40 tokens per second\n> GPU memory usage: 5.3 GB, CPU 13.9%\n");
    ASSERT_EQ(c.claims.size(), 6u);
    EXPECT_DOUBLE_EQ(c.claims[0].value, 12.5);
    EXPECT_EQ(c.claims[0].unit_text, "ms");
    EXPECT_EQ(c.claims[0].unit.quantity, model::Quantity::time);
    EXPECT_EQ(c.claims[0].source.file, "r.md");
    EXPECT_EQ(c.claims[0].source.line, 2);
    EXPECT_EQ(c.claims[0].heading, "Perf");
    EXPECT_DOUBLE_EQ(c.claims[1].value, 0.165);
    EXPECT_EQ(c.claims[2].unit.quantity, model::Quantity::throughput);
    EXPECT_EQ(c.claims[2].text, "Throughput: 102.85 tok/s");
    EXPECT_EQ(c.claims[3].unit.quantity, model::Quantity::throughput);
    EXPECT_EQ(c.claims[3].text, "Generation ran at 40 tokens per second");
    EXPECT_EQ(c.claims[4].unit.quantity, model::Quantity::bytes);
    EXPECT_EQ(c.claims[4].text, "GPU memory usage: 5.3 GB, CPU 13.9%");
    EXPECT_EQ(c.claims[5].unit.quantity, model::Quantity::percent);
    EXPECT_DOUBLE_EQ(c.claims[5].value, 13.9);
}

TEST(MarkdownReader, NumbersWithoutUnitsAreNotClaims) {
    auto c = read_ok("We ran 5 prompts on 2025-10-02 with llama3.1 q4_0, seed 42.\n- Accuracy: 0.75\n- Min: 5\n");
    EXPECT_TRUE(c.claims.empty());
}

TEST(MarkdownReader, ClaimTextIsTheSentence) {
    auto c = read_ok("Setup took long. Best throughput was 76.59 tokens/s on q4_0. Then e.g. warm-up took 2 s! Done\n");
    ASSERT_EQ(c.claims.size(), 2u);
    EXPECT_EQ(c.claims[0].text, "Best throughput was 76.59 tokens/s on q4_0.");
    EXPECT_EQ(c.claims[1].text, "Then e.g. warm-up took 2 s!");
}

TEST(MarkdownReader, ComparedNumberTakesTheUnit) {
    auto c = read_ok("- **+34% faster** token generation (102.85 vs 76.59 tok/s)\n- went 46.5 -> 65.1 ms\n");
    ASSERT_EQ(c.claims.size(), 5u);
    EXPECT_DOUBLE_EQ(c.claims[0].value, 34);
    EXPECT_EQ(c.claims[0].unit_text, "%");
    EXPECT_DOUBLE_EQ(c.claims[1].value, 102.85);
    EXPECT_EQ(c.claims[1].unit_text, "tok/s");
    EXPECT_DOUBLE_EQ(c.claims[2].value, 76.59);
    EXPECT_EQ(c.claims[0].text, "**+34% faster** token generation (102.85 vs 76.59 tok/s)");
    EXPECT_DOUBLE_EQ(c.claims[3].value, 46.5);
    EXPECT_EQ(c.claims[3].unit_text, "ms");
}

TEST(MarkdownReader, LabelNamingAUnitMakesAClaim) {
    auto c = read_ok("- Tokens per second: 7.90\n- **Latency (ms):** 12\n- Model Size Bytes: 2781\n");
    ASSERT_EQ(c.claims.size(), 3u);
    EXPECT_DOUBLE_EQ(c.claims[0].value, 7.9);
    EXPECT_EQ(c.claims[0].unit.quantity, model::Quantity::throughput);
    EXPECT_EQ(c.claims[0].unit_text, "Tokens per second");
    EXPECT_EQ(c.claims[0].text, "Tokens per second: 7.90");
    EXPECT_EQ(c.claims[1].unit_text, "(ms)");
    EXPECT_EQ(c.claims[2].unit.quantity, model::Quantity::bytes);
}

TEST(MarkdownReader, KeyValueTableRowsAreClaims) {
    auto c = read_ok("## Quick Stats\n| Metric | Value |\n|--------|-------|\n| **Model** | gemma3 |\n"
                     "| **Mean Throughput** | 102.85 tokens/s |\n| 1 | 5 ms |\n| Tokens/s | 99.5 |\n");
    ASSERT_EQ(c.claims.size(), 2u);
    EXPECT_EQ(c.claims[0].text, "Mean Throughput: 102.85 tokens/s");
    EXPECT_EQ(c.claims[0].heading, "Quick Stats");
    EXPECT_EQ(c.claims[0].source.line, 5);
    EXPECT_DOUBLE_EQ(c.claims[0].value, 102.85);
    EXPECT_EQ(c.claims[1].text, "Tokens/s: 99.5");
    EXPECT_EQ(c.claims[1].unit.quantity, model::Quantity::throughput);
}

TEST(MarkdownReader, WiderTablesAreNotClaimed) {
    auto c = read_ok("| Metric | Value | Note |\n|---|---|---|\n| Throughput | 102.85 tokens/s | 5 s |\n");
    EXPECT_TRUE(c.claims.empty());
}

TEST(MarkdownReader, HeadingAndCodeSpanClaims) {
    auto c = read_ok("## Results at 4096 tokens\nRun `sleep 5 s` then wait 3 s\n");
    ASSERT_EQ(c.claims.size(), 2u);
    EXPECT_EQ(c.claims[0].heading, "Results at 4096 tokens");
    EXPECT_DOUBLE_EQ(c.claims[0].value, 4096);
    EXPECT_DOUBLE_EQ(c.claims[1].value, 3);
}

TEST(MarkdownReader, MultiplicationIsNotARatioClaim) {
    auto c = read_ok("Batch 4 x 256 features and (2×87) cells, speedup 1.98x overall\n");
    ASSERT_EQ(c.claims.size(), 1u);
    EXPECT_DOUBLE_EQ(c.claims[0].value, 1.98);
}

TEST(MarkdownReader, LongSentenceClaimTextIsClippedToValidUtf8Window) {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "\xc3\xa9t\xc3\xa9 ";  // "été " (6 bytes)
    text += "latency 42 ms";
    for (int i = 0; i < 100; ++i) text += " \xe2\x86\x92x";
    auto c = read_ok(text);
    ASSERT_EQ(c.claims.size(), 1u);
    const std::string& t = c.claims[0].text;
    EXPECT_LE(t.size(), 300u);
    EXPECT_NE(t.find("42 ms"), std::string::npos);
    EXPECT_NE(static_cast<unsigned char>(t.front()) & 0xC0, 0x80);
    auto last_start = t.size() - 1;
    while (last_start > 0 && (static_cast<unsigned char>(t[last_start]) & 0xC0) == 0x80) --last_start;
    const unsigned char lead = static_cast<unsigned char>(t[last_start]);
    const std::size_t need = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    EXPECT_EQ(t.size() - last_start, need);
}

TEST(MarkdownReader, CrLfAndBomAreIgnored) {
    auto c = read_ok("\xEF\xBB\xBF# T\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n");
    ASSERT_EQ(c.headings.size(), 1u);
    EXPECT_EQ(c.headings[0].text, "T");
    ASSERT_EQ(c.tables.size(), 1u);
    EXPECT_EQ(c.tables[0].columns[1], "b");
    EXPECT_DOUBLE_EQ(c.tables[0].rows.at(0).cells[1].number, 2);
}

TEST(MarkdownReader, TwoMegabyteSingleLineFinishesQuickly) {
    std::string text = "# Big ";
    while (text.size() < 2'000'000) text += "ran 1.5 s | x `code` ## H ";
    const auto start = std::chrono::steady_clock::now();
    auto c = read_ok(text);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 20.0);  // generous for sanitizer builds; quadratic would take hours
    EXPECT_GT(c.headings.size(), 1000u);
    EXPECT_GT(c.claims.size(), 1000u);
}

TEST(MarkdownReader, HostileShapesDoNotCrash) {
    std::string pipes(200000, '|');
    std::string delim = "|" + std::string(100000, '-') + "|";
    std::string nested;
    for (int i = 0; i < 2000; ++i) nested += std::string(static_cast<std::size_t>(i), ' ') + "- 1 s\n";
    std::string backticks;
    for (int i = 1; i < 400; ++i) backticks += std::string(static_cast<std::size_t>(i), '`') + " 2 s ";
    for (const std::string& text : {pipes + "\n" + pipes + "\n" + pipes, "a|b\n" + delim + "\n|",
                                    nested, backticks, std::string("| a |\n|---|\n") + pipes,
                                    std::string("\0\xff\xfe|\n|-|\n\x80", 11), std::string(5000, '#') + " x"}) {
        auto result = read_markdown(text, "h.md");
        EXPECT_TRUE(result.has_value());
    }
}

TEST(MarkdownReader, ManyColumnsAreNotATableAndCellBudgetHolds) {
    std::string header = "|", delim = "|";
    for (int i = 0; i < 600; ++i) {
        header += " c |";
        delim += "---|";
    }
    auto c = read_ok(header + "\n" + delim + "\n| 1 |\n");
    EXPECT_TRUE(c.tables.empty());
}

}  // namespace
}  // namespace ingest
