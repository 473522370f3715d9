// Summary statistics per group and measure, and the token-weighted decode rate. Frames are built
// by hand.
#include "analysis/summaries.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/fact_test_support.hpp"

namespace analysis {
namespace {

using test_support::line;
using test_support::of_kind;
using test_support::value;

using model::Quantity;

const Measure kTokens{"tokens_s", Quantity::throughput, "tokens/s"};

/// Calls of two models: a at 10, 20, 30, 40 tok/s, b at 50, 60 tok/s.
Frame two_models() {
    Frame f;
    f.file = "bench/models.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.dim_names = {"model"};
    f.dim_is_setting = {false};
    f.measures = {kTokens};
    long long n = 2;
    for (double v : {10.0, 20.0, 30.0, 40.0}) add_row(f, line(n++), {"a"}, {v});
    for (double v : {50.0, 60.0}) add_row(f, line(n++), {"b"}, {v});
    return f;
}

TEST(Summaries, OneSummaryPerSubjectLevelWithHandComputedStatistics) {
    std::vector<Frame> frames{two_models()};
    std::vector<Fact> facts;
    add_summary_facts(frames, facts);
    auto summaries = of_kind(facts, FactKind::summary);
    ASSERT_EQ(summaries.size(), 2u);
    const Fact& a = *summaries[0];
    EXPECT_EQ(a.subject, "bench/models.csv model=a");
    EXPECT_EQ(a.id, "summary/" + frames[0].id + "/model-a/tokens-s");
    EXPECT_EQ(a.scope.cell, (Cell{{"model", "a"}}));
    EXPECT_EQ(a.scope.metric, "tokens_s");
    EXPECT_FALSE(a.scope.warm);
    EXPECT_EQ(value(a, "n")->text, "4");
    EXPECT_DOUBLE_EQ(value(a, "mean")->value, 25.0);
    EXPECT_DOUBLE_EQ(value(a, "median")->value, 25.0);
    EXPECT_NEAR(value(a, "p95")->value, 38.5, 1e-12);  // 30 + 0.85 * 10 (index 2.85)
    // Squared deviations 225 + 25 + 25 + 225 = 500, / 3 -> sd sqrt(166.67) = 12.91.
    EXPECT_NEAR(value(a, "sd")->value, std::sqrt(500.0 / 3.0), 1e-12);
    EXPECT_NEAR(value(a, "cv")->value, std::sqrt(500.0 / 3.0) / 25.0 * 100.0, 1e-9);
    EXPECT_DOUBLE_EQ(value(a, "min")->value, 10.0);
    EXPECT_DOUBLE_EQ(value(a, "max")->value, 40.0);
    EXPECT_EQ(value(a, "mean 95% CI low"), nullptr);  // n < 6: no interval
    ASSERT_EQ(a.sources.size(), 1u);
    EXPECT_EQ(a.sources[0].line, 2);
    EXPECT_EQ(a.sources[0].line_end, 5);

    const Fact& b = *summaries[1];
    EXPECT_EQ(b.scope.cell, (Cell{{"model", "b"}}));
    EXPECT_DOUBLE_EQ(value(b, "mean")->value, 55.0);
}

TEST(Summaries, WholeFrameIsOneGroupWithoutASubjectDimension) {
    Frame f;
    f.file = "sweep.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.dim_names = {"num_ctx"};
    f.dim_is_setting = {true};
    f.measures = {kTokens};
    add_row(f, line(2), {"1024"}, {10});
    add_row(f, line(3), {"2048"}, {30});
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_summary_facts(frames, facts);
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts[0].subject, "sweep.csv");
    EXPECT_TRUE(facts[0].scope.cell.empty());
    EXPECT_DOUBLE_EQ(value(facts[0], "mean")->value, 20.0);
}

TEST(Summaries, SixValuesAddA95PercentTInterval) {
    Frame f = two_models();
    f.rows.clear();
    f.fit_storage();
    long long n = 2;
    for (double v : {10.0, 20.0, 30.0, 40.0, 50.0, 60.0}) add_row(f, line(n++), {"a"}, {v});
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_summary_facts(frames, facts);
    ASSERT_EQ(facts.size(), 1u);
    // Mean 35, sd sqrt(1750 / 5) = 18.708, t(0.975, 5) = 2.570582: 35 -/+ 19.633.
    const double half = 2.570582 * std::sqrt(350.0) / std::sqrt(6.0);
    ASSERT_NE(value(facts[0], "mean 95% CI low"), nullptr);
    EXPECT_NEAR(value(facts[0], "mean 95% CI low")->value, 35.0 - half, 1e-4);
    EXPECT_NEAR(value(facts[0], "mean 95% CI high")->value, 35.0 + half, 1e-4);
    EXPECT_NE(facts[0].statement.find("95 % t-interval"), std::string::npos) << facts[0].statement;
}

TEST(Summaries, TtftIsSummarisedOverWarmCallsOnly) {
    Frame f;
    f.file = "calls.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.measures = {kTokens, Measure{"ttft_s", Quantity::time, "s"}};
    FrameRow cold = line(2);
    cold.cold = true;
    add_row(f, cold, {}, {40, 3.0});
    add_row(f, line(3), {}, {50, 0.1});
    add_row(f, line(4), {}, {60, 0.3});
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_summary_facts(frames, facts);
    ASSERT_EQ(facts.size(), 2u);
    EXPECT_EQ(facts[0].scope.metric, "tokens_s");
    EXPECT_DOUBLE_EQ(value(facts[0], "mean")->value, 50.0);  // the cold call's throughput counts
    EXPECT_EQ(facts[1].scope.metric, "ttft_s");
    EXPECT_TRUE(facts[1].scope.warm);
    EXPECT_DOUBLE_EQ(value(facts[1], "mean")->value, 0.2);  // (0.1 + 0.3) / 2, without the 3.0
    EXPECT_EQ(value(facts[1], "n")->text, "2");
    EXPECT_NE(facts[1].statement.find(", warm ttft_s: n=2"), std::string::npos) << facts[1].statement;
}

TEST(Summaries, FailedRowsNaNCountsAndUnknownQuantitiesAreLeftOut) {
    Frame f;
    f.file = "calls.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.measures = {kTokens, Measure{"prompt_count", Quantity::count, ""}, Measure{"top_p", Quantity::unknown, ""}};
    add_row(f, line(2), {}, {40, 1, 0.9});
    add_row(f, line(3), {}, {std::nan(""), 1, 0.9});
    FrameRow failed = line(4);
    failed.failed = true;
    add_row(f, failed, {}, {0, 1, 0.9});
    add_row(f, line(5), {}, {60, 1, 0.9});
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_summary_facts(frames, facts);
    ASSERT_EQ(facts.size(), 1u);  // tokens_s only
    EXPECT_EQ(value(facts[0], "n")->text, "2");
    EXPECT_DOUBLE_EQ(value(facts[0], "mean")->value, 50.0);
    ASSERT_EQ(facts[0].sources.size(), 2u);  // lines 2 and 5
    EXPECT_EQ(facts[0].sources[1].line, 5);
}

TEST(Summaries, AllRowsFailedDerivedOrEmptyFramesMakeNoSummary) {
    Frame failed = two_models();
    for (auto& row : failed.rows) row.failed = true;
    Frame derived = two_models();
    derived.derived = true;
    Frame empty = two_models();
    empty.rows.clear();
    empty.fit_storage();
    std::vector<Frame> frames{failed, derived, empty};
    std::vector<Fact> facts;
    add_summary_facts(frames, facts);
    EXPECT_TRUE(facts.empty());
}

TEST(Summaries, SingleRowHasNoSpread) {
    Frame f = two_models();
    f.rows.resize(1);
    f.fit_storage();
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_summary_facts(frames, facts);
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(value(facts[0], "n")->text, "1");
    EXPECT_DOUBLE_EQ(value(facts[0], "mean")->value, 10.0);
    EXPECT_EQ(value(facts[0], "cv"), nullptr);  // sd undefined with n = 1
    EXPECT_FALSE(facts[0].warnings.empty());
}

TEST(Summaries, TokenWeightedDecodeRateDividesTotalTokensByTotalTime) {
    Frame f;
    f.file = "calls.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.measures = {Measure{"eval_count", Quantity::tokens, "tokens"}, Measure{"eval_s", Quantity::time, "s"}, kTokens};
    add_row(f, line(2), {}, {100, 2, 50});
    add_row(f, line(3), {}, {300, 3, 100});
    FrameRow failed = line(4);
    failed.failed = true;
    add_row(f, failed, {}, {1000, 1, 1000});
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_summary_facts(frames, facts);
    auto weighted = of_kind(facts, FactKind::summary_weighted_throughput);
    ASSERT_EQ(weighted.size(), 1u);
    // (100 + 300) tokens / (2 + 3) s = 80 tok/s; the per-call rates 50 and 100 average 75.
    EXPECT_DOUBLE_EQ(value(*weighted[0], "token-weighted decode rate")->value, 80.0);
    EXPECT_DOUBLE_EQ(value(*weighted[0], "tokens")->value, 400.0);
    EXPECT_DOUBLE_EQ(value(*weighted[0], "decode time")->value, 5.0);
    EXPECT_DOUBLE_EQ(value(*weighted[0], "unweighted mean of per-call rates")->value, 75.0);
    EXPECT_EQ(weighted[0]->id, "weighted/" + f.id);
}

}  // namespace
}  // namespace analysis
