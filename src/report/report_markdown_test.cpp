// Unit tests for src/report/report_markdown.cpp and the narrative sections it assembles.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "ingest/ingest.hpp"
#include "report/narrative_check.hpp"
#include "report/report_context.hpp"
#include "report/report_test_fixture.hpp"

namespace report {
namespace {

using testing::fixed_context;
using testing::small_analysis;
using testing::small_corpus;

std::string section(const std::string& md, const std::string& heading) {
    auto from = md.find(heading);
    if (from == std::string::npos) return "";
    auto to = md.find("\n## ", from + heading.size());
    return md.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

std::size_t count_lines(const std::string& text, const std::regex& pattern) {
    std::istringstream in(text);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) n += std::regex_search(line, pattern);
    return n;
}

std::size_t recommendation_count(const std::string& md) {
    std::string recs = section(md, "## 5. Recommendations");
    recs = recs.substr(0, recs.find("### Risks"));
    return count_lines(recs, std::regex(R"(^\d+\. \*\*)"));
}

std::size_t risk_rows(const std::string& md) {
    std::string recs = section(md, "## 5. Recommendations");
    auto table = recs.substr(recs.find("### Risks"));
    return count_lines(table, std::regex(R"(^\| )")) - 1;  // minus the header row
}

TEST(ReportMarkdown, SectionsInTheOriginalOrder) {
    auto md = render_report_markdown(small_analysis(), small_corpus(), fixed_context());
    std::size_t pos = 0;
    for (const char* heading : {"# Technical Report: Chimera Insight Analysis", "**Date:** 2026-01-01 00:00:00 UTC",
                                "**Agent Type:** ", "**Model:** none", "**Configuration:** none", "## 1. Executive Summary",
                                "## 2. Data Ingestion Summary", "## 3. Performance Analysis", "## 4. Key Findings",
                                "## 5. Recommendations", "### Risks and mitigations", "## 6. Data Quality", "## Conclusion",
                                "## Workflow Summary"}) {
        auto found = md.find(heading, pos);
        ASSERT_NE(found, std::string::npos) << heading;
        pos = found;
    }
}

TEST(ReportMarkdown, ExactlyThreeRecommendationsAndAtLeastTwoRisks) {
    auto md = render_report_markdown(small_analysis(), small_corpus(), fixed_context());
    EXPECT_EQ(recommendation_count(md), 3u);
    EXPECT_GE(risk_rows(md), 2u);
    std::string recs = section(md, "## 5. Recommendations");
    EXPECT_NE(recs.find("102.31 tok/s"), std::string::npos);           // throughput, from the ranking
    EXPECT_NE(recs.find("`[fact: cold-start/"), std::string::npos);   // TTFT, from the cold starts
    EXPECT_NE(recs.find("`runs/b`"), std::string::npos);              // quality, the failed folder
}

TEST(ReportMarkdown, ThreeRecommendationsEvenWithoutFacts) {
    analysis::Analysis empty;
    auto md = render_report_markdown(empty, model::Corpus{}, fixed_context());
    EXPECT_EQ(recommendation_count(md), 3u);
    EXPECT_GE(risk_rows(md), 2u);
    EXPECT_TRUE(untraceable_numbers(md, empty).empty());
}

TEST(ReportMarkdown, Deterministic) {
    auto a = small_analysis();
    auto c = small_corpus();
    EXPECT_EQ(render_report_markdown(a, c, fixed_context()), render_report_markdown(a, c, fixed_context()));
}

TEST(ReportMarkdown, ExecutiveSummaryIsSpecific) {
    auto md = render_report_markdown(small_analysis(), small_corpus(), fixed_context());
    std::string summary = section(md, "## 1. Executive Summary");
    EXPECT_NE(summary.find("`gemma3:latest` leads the throughput ranking at 102.31 tok/s median over 40 successful calls"),
              std::string::npos)
        << summary;
    EXPECT_NE(summary.find("5 of 12 table rows failed"), std::string::npos);
    EXPECT_NE(summary.find("`num_ctx=1024`"), std::string::npos);  // the confounded reload level
    EXPECT_NE(summary.find("`[fact: derived/notes-summary.md-results/tokens-s]`"), std::string::npos);
}

TEST(ReportMarkdown, SummaryTableCellsAreFactNumbersWithTheUnitInItsColumn) {
    auto md = render_report_markdown(small_analysis(), small_corpus(), fixed_context());
    EXPECT_NE(md.find("| `tokens_s` | `model=gemma3:latest` | tok/s | 2 | 100.50 | 0.71 | 100.50 | 100.95 | 100.00 | 101.00 |"),
              std::string::npos)
        << section(md, "## 3. Performance Analysis");
    EXPECT_NE(md.find("linear interpolation between order statistics"), std::string::npos);
    EXPECT_NE(md.find("TTFT statistics exclude cold starts"), std::string::npos);
}

TEST(ReportMarkdown, KeyFindingsAreNumberedStatementsWithIds) {
    auto md = render_report_markdown(small_analysis(), small_corpus(), fixed_context());
    std::string findings = section(md, "## 4. Key Findings");
    EXPECT_NE(findings.find("1. Throughput ranking"), std::string::npos);
    EXPECT_NE(findings.find("`[fact: ranking/throughput]`"), std::string::npos);
    EXPECT_NE(findings.find("`[fact: sweep-range/runs-a-prompt-runs.csv/tokens-s]`"), std::string::npos);
    EXPECT_EQ(findings.find("`[fact: summary/"), std::string::npos);  // summaries live in section 3
}

TEST(ReportMarkdown, NoAppendixUnlessAsked) {
    auto md = render_report_markdown(small_analysis(), small_corpus(), fixed_context());
    EXPECT_EQ(md.find("## Appendix: Facts"), std::string::npos);
}

TEST(ReportMarkdown, AppendixListsEveryFactWithItsWarnings) {
    auto a = small_analysis();
    auto context = fixed_context();
    context.appendix = true;  // analyze --appendix
    auto md = render_report_markdown(a, small_corpus(), context);
    std::string appendix = section(md, "## Appendix: Facts");
    for (const auto& f : a.facts) EXPECT_NE(appendix.find("- `" + f.id + "` (" + std::string(analysis::kind_name(f.kind))), std::string::npos) << f.id;
    EXPECT_NE(appendix.find("  - note: need ≥ 6 samples for a 95 % CI"), std::string::npos);
    EXPECT_NE(appendix.find("  - sources: `runs/a/prompt_runs.csv:2`"), std::string::npos);
}

// Tool-specific advice only for that tool's data (docs/report-schema.md, "report.md").
TEST(ReportMarkdown, OllamaAdviceOnlyWithOllamaFields) {
    auto a = small_analysis();
    auto md = render_report_markdown(a, small_corpus(), fixed_context());
    EXPECT_EQ(md.find("keep_alive"), std::string::npos);
    EXPECT_EQ(md.find("eval_duration"), std::string::npos);
    EXPECT_EQ(md.find("original"), std::string::npos);
    a.frames.front().measures.push_back({"eval_duration", model::Quantity::time, "ns"});
    md = render_report_markdown(a, small_corpus(), fixed_context());
    EXPECT_NE(md.find("Ollama `keep_alive`"), std::string::npos);
}

TEST(ReportMarkdown, TimingsOnlyOnTheExecutionTimeLine) {
    auto md = render_report_markdown(small_analysis(), small_corpus(), fixed_context());
    EXPECT_NE(md.find("- Execution time: 0.88 s (ingest 0.25 s | analysis 0.50 s | report 0.12 s)\n"), std::string::npos);
    EXPECT_NE(md.find("- Files analysed: 4\n"), std::string::npos);
    EXPECT_NE(md.find("CSV Files (2)\n  - runs/a/prompt_runs.csv\n  - runs/b/prompt_runs.csv\n"), std::string::npos);
}

TEST(ReportMarkdown, LabelsAreCodeSpans) {
    auto md = render_report_markdown(small_analysis(), small_corpus(), fixed_context());
    EXPECT_NE(md.find("fastest `num_ctx=1024` at 103.50 tok/s"), std::string::npos);
    EXPECT_NE(md.find("`Failed to connect to 127.0.0.1:11434`"), std::string::npos);
    EXPECT_NE(md.find("`2025-10-02 10:13:20 UTC`"), std::string::npos);
}

// The real pipeline on the example folder: every number of the rendered report is a fact value.
TEST(ReportMarkdown, ExampleCorpusIsTraceable) {
    auto corpus = ingest::ingest_folder(std::string(CHIMERA_SOURCE_DIR) + "/examples/llm-bench");
    ASSERT_TRUE(corpus.has_value());
    auto a = analysis::analyze(*corpus);
    auto md = render_report_markdown(a, *corpus, fixed_context());
    auto bad = untraceable_numbers(md, a);
    EXPECT_TRUE(bad.empty()) << bad.size() << " untraceable, first: " << (bad.empty() ? "" : bad.front());
    EXPECT_EQ(recommendation_count(md), 3u);
    EXPECT_GE(risk_rows(md), 2u);
}

}  // namespace
}  // namespace report
