// Configuration sweeps: best and worst configuration, spread, main effect per setting, and the
// noise verdict. Frames are built by hand.
#include "analysis/sweep.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/fact_test_support.hpp"

namespace analysis {
namespace {

using test_support::line;

using model::Quantity;

/// A sweep over num_gpu and num_ctx of one model; measures as given, rows added by the caller.
Frame sweep(std::vector<Measure> measures) {
    Frame f;
    f.file = "g/gemma3_param_tuning.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.dim_names = {"num_gpu", "num_ctx"};
    f.dim_is_setting = {true, true};
    f.measures = std::move(measures);
    return f;
}

const Measure kTokens{"tokens_s", Quantity::throughput, "tokens/s"};
const Measure kTtft{"ttft_s", Quantity::time, "s"};

/// Two runs per configuration:
///   (40, 1024) 100, 102 -> mean 101     (60, 1024) 120, 124 -> mean 122
///   (40, 2048)  90,  92 -> mean  91     (60, 2048) 110, 110 -> mean 110
Frame replicated_sweep() {
    Frame f = sweep({kTokens});
    long long n = 2;
    for (auto [gpu, ctx, a, b] : {std::tuple{"40", "1024", 100.0, 102.0}, {"60", "1024", 120.0, 124.0},
                                  {"40", "2048", 90.0, 92.0}, {"60", "2048", 110.0, 110.0}}) {
        add_row(f, line(n++), {gpu, ctx}, {a});
        add_row(f, line(n++), {gpu, ctx}, {b});
    }
    return f;
}

std::vector<const Fact*> all_of(const std::vector<Fact>& facts, FactKind kind) {
    std::vector<const Fact*> out;
    for (const auto& f : facts)
        if (f.kind == kind) out.push_back(&f);
    return out;
}

const Fact* effect_of(const std::vector<Fact>& facts, const std::string& metric, const std::string& factor) {
    for (const auto& f : facts)
        if (f.kind == FactKind::sweep_effect && f.scope.metric == metric && f.scope.factor == factor) return &f;
    return nullptr;
}

TEST(Sweep, RangeNamesBestAndWorstConfigurationByMeanWithTheSpread) {
    std::vector<Frame> frames{replicated_sweep()};
    std::vector<Fact> facts;
    add_sweep_facts(frames, facts);
    auto ranges = all_of(facts, FactKind::sweep_range);
    ASSERT_EQ(ranges.size(), 1u);
    const Fact& range = *ranges[0];
    EXPECT_EQ(range.id, "sweep-range/" + frames[0].id + "/tokens-s");
    EXPECT_EQ(range.scope.cell, (Cell{{"num_gpu", "60"}, {"num_ctx", "1024"}}));
    EXPECT_EQ(range.scope.contrast, (Cell{{"num_gpu", "40"}, {"num_ctx", "2048"}}));
    ASSERT_EQ(range.values.size(), 4u);
    EXPECT_DOUBLE_EQ(range.values[0].value, 122.0);
    EXPECT_DOUBLE_EQ(range.values[1].value, 91.0);
    EXPECT_NEAR(range.values[2].value, 31.0 / 91.0 * 100.0, 1e-9);  // (122 - 91) / 91 = 34.07 %
    EXPECT_EQ(range.values[3].text, "4");
    // Several runs per configuration: the statement speaks of means.
    EXPECT_NE(range.statement.find("fastest num_gpu=60, num_ctx=1024 at mean "), std::string::npos) << range.statement;
    // Sources: best's rows (lines 4-5), then worst's (lines 6-7), never merged across the two.
    ASSERT_EQ(range.sources.size(), 2u);
    EXPECT_EQ(range.sources[0].line, 4);
    EXPECT_EQ(range.sources[0].line_end, 5);
    EXPECT_EQ(range.sources[1].line, 6);
    EXPECT_EQ(range.sources[1].line_end, 7);
}

TEST(Sweep, TwoRunsPerSideCannotBeatNoise) {
    // Mann-Whitney of {120, 124} vs {90, 92}: exact two-sided p = 2 / C(4, 2) = 1/3.
    std::vector<Frame> frames{replicated_sweep()};
    std::vector<Fact> facts;
    add_sweep_facts(frames, facts);
    auto noise = all_of(facts, FactKind::sweep_noise);
    ASSERT_EQ(noise.size(), 1u);
    ASSERT_EQ(noise[0]->values.size(), 3u);
    EXPECT_NEAR(noise[0]->values[0].value, 1.0 / 3.0, 1e-9);
    EXPECT_EQ(noise[0]->values[1].text, "2");
    EXPECT_EQ(noise[0]->values[2].text, "2");
    EXPECT_EQ(noise[0]->severity, Severity::info);
    EXPECT_NE(noise[0]->statement.find("not distinguishable from run-to-run noise"), std::string::npos) << noise[0]->statement;
}

TEST(Sweep, MainEffectIsTheMeanByLevel) {
    std::vector<Frame> frames{replicated_sweep()};
    std::vector<Fact> facts;
    add_sweep_facts(frames, facts);
    // num_gpu: 40 -> (100 + 102 + 90 + 92) / 4 = 96; 60 -> (120 + 124 + 110 + 110) / 4 = 116.
    const Fact* gpu = effect_of(facts, "tokens_s", "num_gpu");
    ASSERT_NE(gpu, nullptr);
    ASSERT_EQ(gpu->values.size(), 3u);
    EXPECT_EQ(gpu->values[0].label, "num_gpu=40");
    EXPECT_DOUBLE_EQ(gpu->values[0].value, 96.0);
    EXPECT_DOUBLE_EQ(gpu->values[1].value, 116.0);
    EXPECT_NEAR(gpu->values[2].value, 20.0 / 96.0 * 100.0, 1e-9);
    // num_ctx: 1024 -> 446 / 4 = 111.5; 2048 -> 402 / 4 = 100.5; range 11 / 100.5.
    const Fact* ctx = effect_of(facts, "tokens_s", "num_ctx");
    ASSERT_NE(ctx, nullptr);
    EXPECT_DOUBLE_EQ(ctx->values[0].value, 111.5);
    EXPECT_DOUBLE_EQ(ctx->values[1].value, 100.5);
    EXPECT_NEAR(ctx->values[2].value, 11.0 / 100.5 * 100.0, 1e-9);
    EXPECT_EQ(ctx->sources.size(), 1u);  // all eight rows, lines 2-9
}

TEST(Sweep, OneRunPerConfigurationCannotSeparateEffectFromNoise) {
    Frame f = sweep({kTokens});
    add_row(f, line(2), {"40", "1024"}, {100});
    add_row(f, line(3), {"60", "1024"}, {150});
    add_row(f, line(4), {"80", "1024"}, {120});
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_sweep_facts(frames, facts);
    auto noise = all_of(facts, FactKind::sweep_noise);
    ASSERT_EQ(noise.size(), 1u);
    EXPECT_EQ(noise[0]->severity, Severity::warning);
    ASSERT_EQ(noise[0]->values.size(), 1u);
    EXPECT_NEAR(noise[0]->values[0].value, 50.0, 1e-9);  // (150 - 100) / 100
    EXPECT_NE(noise[0]->statement.find("was run once"), std::string::npos) << noise[0]->statement;
    auto ranges = all_of(facts, FactKind::sweep_range);
    ASSERT_EQ(ranges.size(), 1u);
    EXPECT_EQ(ranges[0]->statement.find(" at mean "), std::string::npos) << ranges[0]->statement;
    // num_ctx has one level: no effect fact for it.
    EXPECT_EQ(effect_of(facts, "tokens_s", "num_ctx"), nullptr);
    EXPECT_NE(effect_of(facts, "tokens_s", "num_gpu"), nullptr);
}

TEST(Sweep, FewerThanThreeConfigurationsOrNoSettingsMakeNoFacts) {
    Frame two = sweep({kTokens});
    add_row(two, line(2), {"40", "1024"}, {100});
    add_row(two, line(3), {"60", "1024"}, {150});
    add_row(two, line(4), {"60", "1024"}, {151});

    Frame categories = sweep({kTokens});
    categories.dim_is_setting = {false, false};
    for (const char* gpu : {"a", "b", "c"}) add_row(categories, line(2), {gpu, "x"}, {100});

    Frame derived = replicated_sweep();
    derived.derived = true;

    Frame empty = sweep({kTokens});

    std::vector<Frame> frames{two, categories, derived, empty};
    std::vector<Fact> facts;
    add_sweep_facts(frames, facts);
    EXPECT_TRUE(facts.empty());
}

TEST(Sweep, FailedRowsAndMissingValuesAreLeftOut) {
    Frame f = sweep({kTokens});
    add_row(f, line(2), {"40", "1024"}, {100});
    add_row(f, line(3), {"60", "1024"}, {150});
    add_row(f, line(4), {"80", "1024"}, {120});
    FrameRow failed = line(5);
    failed.failed = true;
    add_row(f, failed, {"80", "1024"}, {9000});
    add_row(f, line(6), {"90", "1024"}, {std::nan("")});  // a fourth configuration, but no value
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_sweep_facts(frames, facts);
    auto ranges = all_of(facts, FactKind::sweep_range);
    ASSERT_EQ(ranges.size(), 1u);
    EXPECT_DOUBLE_EQ(ranges[0]->values[0].value, 150.0);
    EXPECT_EQ(ranges[0]->values[3].text, "3");
}

TEST(Sweep, LowerTimeIsBetterWithoutAThroughputMeasure) {
    Frame f = sweep({Measure{"latency_s", Quantity::time, "s"}});
    add_row(f, line(2), {"40", "1024"}, {2.0});
    add_row(f, line(3), {"60", "1024"}, {1.5});
    add_row(f, line(4), {"80", "1024"}, {1.0});
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_sweep_facts(frames, facts);
    auto ranges = all_of(facts, FactKind::sweep_range);
    ASSERT_EQ(ranges.size(), 1u);
    EXPECT_EQ(ranges[0]->scope.cell, (Cell{{"num_gpu", "80"}, {"num_ctx", "1024"}}));
    EXPECT_DOUBLE_EQ(ranges[0]->values[0].value, 1.0);
    EXPECT_DOUBLE_EQ(ranges[0]->values[1].value, 2.0);
    EXPECT_NEAR(ranges[0]->values[2].value, 50.0, 1e-9);  // |1 - 2| / 2
}

TEST(Sweep, TextsOfOneNumberShareAnEffectLevel) {
    // "40" and "40.0" are two configurations but one level of num_gpu: (100 + 110) / 2 = 105.
    Frame f = sweep({kTokens});
    add_row(f, line(2), {"40", "1024"}, {100});
    add_row(f, line(3), {"40.0", "1024"}, {110});
    add_row(f, line(4), {"60", "1024"}, {120});
    add_row(f, line(5), {"80", "1024"}, {130});
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_sweep_facts(frames, facts);
    EXPECT_EQ(all_of(facts, FactKind::sweep_range)[0]->values[3].text, "4");
    const Fact* gpu = effect_of(facts, "tokens_s", "num_gpu");
    ASSERT_NE(gpu, nullptr);
    ASSERT_EQ(gpu->values.size(), 4u);  // 40, 60, 80 and the range
    EXPECT_DOUBLE_EQ(gpu->values[0].value, 105.0);
    EXPECT_NEAR(gpu->values[3].value, 25.0 / 105.0 * 100.0, 1e-9);  // (130 - 105) / 105
}

TEST(Sweep, WarmTtftRangeLeavesColdCallsOut) {
    Frame f = sweep({kTokens, kTtft});
    FrameRow cold = line(2);
    cold.cold = true;
    add_row(f, cold, {"40", "1024"}, {100, 5.0});
    add_row(f, line(3), {"40", "1024"}, {100, 0.3});
    add_row(f, line(4), {"60", "1024"}, {110, 0.2});
    add_row(f, line(5), {"80", "1024"}, {120, 0.1});
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_sweep_facts(frames, facts);
    const Fact* ttft_range = nullptr;
    for (const auto* r : all_of(facts, FactKind::sweep_range))
        if (r->scope.metric == "ttft_s") ttft_range = r;
    ASSERT_NE(ttft_range, nullptr);
    EXPECT_EQ(ttft_range->scope.cell, (Cell{{"num_gpu", "80"}, {"num_ctx", "1024"}}));
    EXPECT_DOUBLE_EQ(ttft_range->values[1].value, 0.3);  // not the cold 5.0
    const Fact* effect = effect_of(facts, "ttft_s", "num_gpu");
    ASSERT_NE(effect, nullptr);
    EXPECT_NE(effect->statement.find("on warm ttft_s"), std::string::npos) << effect->statement;
    EXPECT_DOUBLE_EQ(effect->values[0].value, 0.3);
}

}  // namespace
}  // namespace analysis
