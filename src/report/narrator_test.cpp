// The narration seam (narrator.hpp): the brief's ranking and bound, and report.md assembled from
// whatever narrator writes the prose. The offline narrator's own text is covered by
// report_markdown_test.cpp and the golden files.
#include "report/narrator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "report/report_context.hpp"
#include "report/report_test_fixture.hpp"

namespace report {
namespace {

using analysis::FactFamily;
using analysis::FactKind;
using testing::fixed_context;
using testing::small_analysis;
using testing::small_corpus;

std::size_t position(const Brief& brief, std::string_view id) {
    for (std::size_t i = 0; i < brief.ranked.size(); ++i)
        if (brief.ranked[i]->id == id) return i;
    return brief.ranked.size();
}

TEST(Brief, KeepsAtMostLimitFacts) {
    const auto a = small_analysis();
    for (std::size_t limit : {std::size_t{0}, std::size_t{1}, std::size_t{5}, a.facts.size(), a.facts.size() + 10}) {
        Brief b = make_brief(a, limit);
        EXPECT_EQ(b.limit, limit);
        EXPECT_EQ(b.considered, a.facts.size());
        EXPECT_EQ(b.ranked.size(), std::min(limit, a.facts.size()));
        std::set<const analysis::Fact*> unique(b.ranked.begin(), b.ranked.end());
        EXPECT_EQ(unique.size(), b.ranked.size());
    }
}

TEST(Brief, ABoundedBriefIsThePrefixOfTheFullRanking) {
    const auto a = small_analysis();
    Brief all = make_brief(a, a.facts.size());
    Brief few = make_brief(a, 4);
    ASSERT_EQ(few.ranked.size(), 4u);
    EXPECT_TRUE(std::equal(few.ranked.begin(), few.ranked.end(), all.ranked.begin()));
}

TEST(Brief, RanksFolderThenWarningsThenPlainFactsSummariesLast) {
    const auto a = small_analysis();
    Brief b = make_brief(a, a.facts.size());
    // What the folder holds comes first, in analysis order.
    ASSERT_GE(b.ranked.size(), 3u);
    EXPECT_EQ(b.ranked[0]->id, "inventory/files");
    EXPECT_EQ(b.ranked[1]->id, "inventory/kind/csv");
    EXPECT_EQ(b.ranked[2]->id, "inventory/records");
    // A contradicted digest and a reload confound (warnings) before the throughput ranking (info),
    // the ranking before a plain sweep range, the summary last.
    const auto derived = position(b, "derived/notes-summary.md-results/tokens-s");
    const auto confound = position(b, "cold-start-confounded/runs-a-prompt-runs.csv/num-ctx");
    const auto ranking = position(b, "ranking/throughput");
    const auto range = position(b, "sweep-range/runs-a-prompt-runs.csv/tokens-s");
    EXPECT_LT(derived, ranking);
    EXPECT_LT(confound, ranking);
    EXPECT_LT(ranking, range);
    EXPECT_EQ(b.ranked.back()->kind, FactKind::summary);
    // Warnings of one family before its plain facts.
    const auto noise = position(b, "sweep-noise/runs-a-prompt-runs.csv/tokens-s");
    EXPECT_LT(noise, range);
}

TEST(Brief, MagnitudeOrdersFactsOfEqualWeight) {
    auto a = small_analysis();
    // Two failed runs: the one with more failed rows first, whatever the analysis order.
    auto small = testing::make_fact("quality/failed-run/x", FactKind::quality_failed_run, analysis::Severity::warning, "x",
                                    {analysis::make_count("failed rows", 1)}, "x: {0} rows failed.");
    auto big = testing::make_fact("quality/failed-run/y", FactKind::quality_failed_run, analysis::Severity::warning, "y",
                                  {analysis::make_count("failed rows", 500)}, "y: {0} rows failed.");
    a.facts.push_back(small);
    a.facts.push_back(big);
    Brief b = make_brief(a, a.facts.size());
    EXPECT_LT(position(b, "quality/failed-run/y"), position(b, "quality/failed-run/x"));
}

/// A narrator that writes fixed sections and records the brief it was given.
class FixedNarrator final : public Narrator {
public:
    mutable std::size_t brief_size = 0;
    Narrative narrate(const Brief& brief, const ReportInput&) const override {
        brief_size = brief.ranked.size();
        return {"## 1. Executive Summary\n\nSUMMARY\n\n", "## 4. Key Findings\n\nFINDINGS\n\n",
                "## 5. Recommendations\n\nRECOMMENDATIONS\n\n", "## Conclusion\n\nCONCLUSION\n\n"};
    }
};

TEST(Narrator, ReportPlacesTheNarratorsSections) {
    FixedNarrator narrator;
    const auto a = small_analysis();
    std::string md = render_report_markdown(a, small_corpus(), fixed_context(), narrator);
    EXPECT_GT(narrator.brief_size, 0u);
    auto at = [&](std::string_view text) { return md.find(text); };
    ASSERT_NE(at("SUMMARY"), std::string::npos);
    EXPECT_LT(at("SUMMARY"), at("## 2. Data Ingestion Summary"));
    EXPECT_LT(at("## 3. Performance Analysis"), at("FINDINGS"));
    EXPECT_LT(at("FINDINGS"), at("RECOMMENDATIONS"));
    EXPECT_LT(at("RECOMMENDATIONS"), at("## 6. Data Quality"));
    EXPECT_LT(at("## 6. Data Quality"), at("CONCLUSION"));
    EXPECT_LT(at("CONCLUSION"), at("## Workflow Summary"));
}

TEST(Narrator, DefaultIsTheOfflineNarrator) {
    const auto a = small_analysis();
    const auto c = small_corpus();
    OfflineNarrator offline;
    EXPECT_EQ(render_report_markdown(a, c, fixed_context()), render_report_markdown(a, c, fixed_context(), offline));
}

TEST(Narrator, OfflineSectionsCarryTheirHeadings) {
    const auto a = small_analysis();
    const auto c = small_corpus();
    const auto context = fixed_context();
    Decorator decorate(a, c);
    const FrameIndex index = index_frames(a);
    ReportInput in{a, c, context, decorate, index};
    Narrative n = offline_narrator().narrate(make_brief(a, 10), in);
    EXPECT_EQ(n.executive_summary.rfind("## 1. Executive Summary\n", 0), 0u);
    EXPECT_EQ(n.key_findings.rfind("## 4. Key Findings\n", 0), 0u);
    EXPECT_EQ(n.recommendations.rfind("## 5. Recommendations\n", 0), 0u);
    EXPECT_EQ(n.conclusion.rfind("## Conclusion\n", 0), 0u);
}

}  // namespace
}  // namespace report
