// The typed scope analyzers fill (fact.hpp FactScope): what renderers read instead of parsing
// statements. Frames are built by hand as in claims_test.cpp.
#include <gtest/gtest.h>

#include "analysis/comparison.hpp"
#include "analysis/summaries.hpp"
#include "analysis/sweep.hpp"

#include "analysis/fact_test_support.hpp"

namespace analysis {
namespace {

using test_support::line;

using model::Quantity;

const Measure kTokens{"tokens_s", Quantity::throughput, "tokens/s"};

/// One model, a sweep of num_gpu x num_ctx with one run per configuration; num_gpu=60,
/// num_ctx=1024 is fastest and num_gpu=40, num_ctx=2048 slowest.
Frame sweep_frame() {
    Frame f;
    f.file = "g/g_param_tuning.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.dim_names = {"model", "num_gpu", "num_ctx"};
    f.dim_is_setting = {false, true, true};
    f.measures = {kTokens};
    add_row(f, line(2), {"gemma3", "40", "1024"}, {100});
    add_row(f, line(3), {"gemma3", "60", "1024"}, {120});
    add_row(f, line(4), {"gemma3", "40", "2048"}, {90});
    add_row(f, line(5), {"gemma3", "60", "2048"}, {110});
    return f;
}

const Fact* first_of(const std::vector<Fact>& facts, FactKind kind) {
    for (const auto& f : facts)
        if (f.kind == kind) return &f;
    return nullptr;
}

TEST(FactScope, SweepRangeNamesBestAndWorstConfigurations) {
    std::vector<Frame> frames{sweep_frame()};
    std::vector<Fact> facts;
    add_sweep_facts(frames, facts);
    const Fact* range = first_of(facts, FactKind::sweep_range);
    ASSERT_NE(range, nullptr);
    EXPECT_EQ(range->scope.dataset, frames[0].id);
    EXPECT_EQ(range->scope.metric, "tokens_s");
    EXPECT_EQ(range->scope.cell, (Cell{{"num_gpu", "60"}, {"num_ctx", "1024"}}));
    EXPECT_EQ(range->scope.contrast, (Cell{{"num_gpu", "40"}, {"num_ctx", "2048"}}));
    // The statement names the same configurations the scope holds.
    EXPECT_NE(range->statement.find("fastest " + cell_text(range->scope.cell) + " at "), std::string::npos) << range->statement;
    EXPECT_NE(range->statement.find("slowest " + cell_text(range->scope.contrast) + " at "), std::string::npos) << range->statement;

    const Fact* noise = first_of(facts, FactKind::sweep_noise);
    ASSERT_NE(noise, nullptr);
    EXPECT_EQ(noise->scope.cell, range->scope.cell);
    EXPECT_EQ(noise->scope.contrast, range->scope.contrast);

    std::vector<std::string> factors;
    for (const auto& f : facts)
        if (f.kind == FactKind::sweep_effect) {
            EXPECT_EQ(f.scope.metric, "tokens_s");
            factors.push_back(f.scope.factor);
        }
    EXPECT_EQ(factors, (std::vector<std::string>{"num_gpu", "num_ctx"}));
}

TEST(FactScope, SummaryNamesMetricAndGroup) {
    std::vector<Frame> frames{sweep_frame()};
    std::vector<Fact> facts;
    add_summary_facts(frames, facts);
    const Fact* summary = first_of(facts, FactKind::summary);
    ASSERT_NE(summary, nullptr);
    EXPECT_EQ(summary->scope.dataset, frames[0].id);
    EXPECT_EQ(summary->scope.metric, "tokens_s");
    EXPECT_FALSE(summary->scope.warm);
    EXPECT_EQ(summary->scope.cell, (Cell{{"model", "gemma3"}}));
}

TEST(FactScope, ComparisonMarksTheRepeatedContext) {
    Frame f;
    f.file = "runs/a.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.dim_names = {"model"};
    f.dim_is_setting = {false};
    f.measures = {kTokens};
    f.context = {{"gpu", "A100"}};
    add_row(f, line(2), {"llama"}, {80});
    add_row(f, line(3), {"gemma"}, {100});
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_level_comparison_facts(frames, facts);
    const Fact* comparison = first_of(facts, FactKind::comparison);
    ASSERT_NE(comparison, nullptr);
    EXPECT_EQ(comparison->scope.factor, "model");
    EXPECT_EQ(comparison->scope.metric, "tokens_s");
    const auto& s = comparison->scope;
    ASSERT_GT(s.context_size, 0u);
    EXPECT_EQ(comparison->statement.substr(s.context_at, s.context_size), " (gpu=A100)");
}

}  // namespace
}  // namespace analysis
