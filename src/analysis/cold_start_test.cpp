// Cold starts: the thresholds of mark_cold_starts (5x the lower-quartile TTFT and 0.2 s above it;
// load at least half the TTFT, or the first call of a run), per-file runs of pooled frames, and
// the facts built from the marks. Frames are built by hand.
#include "analysis/cold_start.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/fact_test_support.hpp"

namespace analysis {
namespace {

using test_support::line;

using model::Quantity;

const double kNaN = std::nan("");

/// A frame of calls with TTFT and load time in seconds and no dimensions.
Frame calls(const std::vector<std::pair<double, double>>& ttft_load) {
    Frame f;
    f.file = "calls.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.measures = {Measure{"ttft_s", Quantity::time, "s"}, Measure{"load_s", Quantity::time, "s"}};
    long long n = 2;
    for (const auto& [ttft, load] : ttft_load) add_row(f, line(n++), {}, {ttft, load});
    return f;
}

/// A frame of calls with TTFT only (no load column).
Frame ttft_only(const std::vector<double>& ttft) {
    Frame f;
    f.file = "calls.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.measures = {Measure{"ttft_s", Quantity::time, "s"}};
    long long n = 2;
    for (double t : ttft) add_row(f, line(n++), {}, {t});
    return f;
}

std::vector<bool> cold_flags(const Frame& f) {
    std::vector<bool> out;
    for (const auto& row : f.rows) out.push_back(row.cold);
    return out;
}

const Fact* first_of(const std::vector<Fact>& facts, FactKind kind) {
    for (const auto& f : facts)
        if (f.kind == kind) return &f;
    return nullptr;
}

TEST(ColdStart, LoadDominatedCallFarAboveTheLowerQuartileIsCold) {
    // TTFT sorted: 0.1 x5, 2.0 -> lower quartile (index 0.25 * 5 = 1.25) = 0.1.
    // Row 4: 2.0 >= 5 * 0.1, 2.0 - 0.1 = 1.9 >= 0.2, load 1.5 >= 2.0 / 2 -> cold.
    Frame f = calls({{0.1, 0.01}, {0.1, 0.01}, {0.1, 0.01}, {0.1, 0.01}, {2.0, 1.5}, {0.1, 0.01}});
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{false, false, false, false, true, false}));
}

TEST(ColdStart, SlowCallWhoseLoadIsUnderHalfItsTtftIsNotCold) {
    // Row 3: TTFT 2.0 passes both thresholds, but load 0.5 < 1.0 and it is not the first call.
    Frame f = calls({{0.1, 0.01}, {0.1, 0.01}, {0.1, 0.01}, {2.0, 0.5}, {0.1, 0.01}});
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{false, false, false, false, false}));
}

TEST(ColdStart, FirstCallIsColdWithoutALoadColumn) {
    // Sorted 0.2, 0.2, 0.2, 3.0, 3.0: lower quartile (index 1) = 0.2; 3.0 >= 1.0 and 2.8 above it.
    // Only row 0 is the first call; row 4 is as slow but nothing says it loaded.
    Frame f = ttft_only({3.0, 0.2, 0.2, 0.2, 3.0});
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{true, false, false, false, false}));
}

TEST(ColdStart, FirstCallIsColdEvenWhenItsRecordedLoadIsSmall) {
    // Lower quartile of 2.0, 0.1, 0.1, 0.1 = 0.1; row 0 loads only 0.1 s but is the first call.
    Frame f = calls({{2.0, 0.1}, {0.1, 0.0}, {0.1, 0.0}, {0.1, 0.0}});
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{true, false, false, false}));
}

TEST(ColdStart, FiveTimesTheBaselineIsInclusive) {
    // Sorted 1, 1, 1, 1, 4.9, 5.0: lower quartile (index 1.25) = 1.0. 5.0 >= 5 * 1.0 (cold, load
    // 4.0 >= 2.5); 4.9 < 5.0 (warm, although its load dominates).
    Frame f = calls({{1.0, 0.0}, {1.0, 0.0}, {1.0, 0.0}, {1.0, 0.0}, {5.0, 4.0}, {4.9, 4.0}});
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{false, false, false, false, true, false}));
}

TEST(ColdStart, MustAlsoBeAFifthOfASecondAboveTheBaseline) {
    // Baseline 0.01 s: 0.15 s is 15x that but only 0.14 s above it; 0.25 s is 0.24 s above.
    Frame f = calls({{0.01, 0.0}, {0.01, 0.0}, {0.01, 0.0}, {0.01, 0.0}, {0.15, 0.15}, {0.25, 0.25}});
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{false, false, false, false, false, true}));
}

TEST(ColdStart, FailedRowsAreNeverColdAndTheFirstSuccessfulCallCounts) {
    // Row 0 failed (its TTFT 9.0 stays out of the baseline and is never cold); row 1 is the first
    // successful call: lower quartile of 3.0, 0.2, 0.2, 0.2 = 0.2, 3.0 >= 1.0 -> cold.
    Frame f = ttft_only({9.0, 3.0, 0.2, 0.2, 0.2});
    f.rows[0].failed = true;
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{false, true, false, false, false}));
}

TEST(ColdStart, NaNTtftIsNeverCold) {
    Frame f = calls({{kNaN, 5.0}, {0.1, 0.0}, {0.1, 0.0}, {0.1, 0.0}});
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{false, false, false, false}));
}

TEST(ColdStart, EmptyFramesAndFramesWithoutTtftAreLeftAlone) {
    Frame empty = calls({});
    mark_cold_starts(empty);
    EXPECT_TRUE(empty.rows.empty());

    Frame all_failed = ttft_only({5.0, 0.1});
    for (auto& row : all_failed.rows) row.failed = true;
    mark_cold_starts(all_failed);
    EXPECT_EQ(cold_flags(all_failed), (std::vector<bool>{false, false}));

    Frame tokens;
    tokens.file = "t.csv";
    tokens.measures = {Measure{"tokens_s", Quantity::throughput, "tok/s"}};
    for (double v : {500.0, 1.0, 1.0, 1.0}) add_row(tokens, line(2), {}, {v});
    mark_cold_starts(tokens);
    EXPECT_EQ(cold_flags(tokens), (std::vector<bool>{false, false, false, false}));
}

/// Three runs pooled from three files: a (fast, first call loads), b (a slow configuration: every
/// call near 3 s) and c (fast, first call loads).
Frame pooled_runs() {
    Frame f = ttft_only({3.0, 0.1, 0.1, 0.1, /* b */ 3.0, 2.9, 3.1, 3.0, /* c */ 2.0, 0.1, 0.1});
    f.files = {model::SharedPath("cfg=a/run_1/calls.csv"), model::SharedPath("cfg=b/run_1/calls.csv"),
               model::SharedPath("cfg=c/run_1/calls.csv")};
    for (std::size_t r = 0; r < f.rows.size(); ++r) f.rows[r].file = r < 4 ? 0 : r < 8 ? 1 : 2;
    return f;
}

TEST(ColdStart, FirstCallOfEachFileIsJudgedAgainstItsOwnRun) {
    // a: lower quartile of 3, .1, .1, .1 (index 0.75) = 0.1 -> its first call 3.0 is cold.
    // b: sorted 2.9, 3.0, 3.0, 3.1 -> lower quartile 2.9 + 0.75 * 0.1 = 2.975; 3.0 < 5 * 2.975: warm,
    //    although it is far above a's calls.
    // c: lower quartile of 2, .1, .1 (index 0.5) = 0.1 -> its first call 2.0 is cold.
    Frame f = pooled_runs();
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{true, false, false, false, false, false, false, false, true, false, false}));
}

TEST(ColdStart, UnpooledFrameHasOnlyOneFirstCall) {
    // The same calls as one file: the lower quartile of all 11 (index 2.5) is 0.1, but without a
    // load column only row 0 is a first call.
    Frame f = pooled_runs();
    f.files.clear();
    for (auto& row : f.rows) row.file = 0;
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{true, false, false, false, false, false, false, false, false, false, false}));
}

TEST(ColdStart, PooledFileWithASingleCallIsNotJudged) {
    // File 1 holds one successful call: no warm calls of its own to compare with.
    Frame f = ttft_only({3.0, 0.1, 0.1, 0.1, 9.0});
    f.files = {model::SharedPath("r/run_1/c.csv"), model::SharedPath("r/run_2/c.csv")};
    f.rows[4].file = 1;
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{true, false, false, false, false}));
}

TEST(ColdStartFacts, CountsColdCallsAndSummarisesWarmTtftWithoutThem) {
    Frame f = calls({{3.0, 2.8}, {0.1, 0.0}, {0.2, 0.0}, {0.3, 0.0}, {0.4, 0.0}});
    mark_cold_starts(f);
    ASSERT_TRUE(f.rows[0].cold);
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_cold_start_facts(frames, facts);
    ASSERT_EQ(facts.size(), 1u);  // one cold call: no confounding to report
    const Fact& fact = facts[0];
    EXPECT_EQ(fact.kind, FactKind::cold_start);
    EXPECT_EQ(fact.severity, Severity::notice);
    EXPECT_EQ(fact.id, "cold-start/" + f.id);
    EXPECT_EQ(fact.scope.dataset, f.id);
    EXPECT_EQ(fact.scope.metric, "ttft_s");
    ASSERT_EQ(fact.values.size(), 6u);
    EXPECT_EQ(fact.values[0].text, "1");                    // cold calls
    EXPECT_EQ(fact.values[1].text, "5");                    // successful calls
    EXPECT_DOUBLE_EQ(fact.values[2].value, 3.0);            // max cold TTFT
    EXPECT_NEAR(fact.values[3].value, 0.8, 1e-12);          // (3 + .1 + .2 + .3 + .4) / 5
    EXPECT_NEAR(fact.values[4].value, 0.25, 1e-12);         // median of .1 .. .4
    EXPECT_NEAR(fact.values[5].value, 0.385, 1e-12);        // p95: .3 + 0.85 * .1 (index 2.85)
    ASSERT_EQ(fact.sources.size(), 1u);
    EXPECT_EQ(fact.sources[0].line, 2);
}

TEST(ColdStartFacts, NoColdCallsOrDerivedFramesMakeNoFacts) {
    Frame warm = calls({{0.1, 0.0}, {0.1, 0.0}});
    mark_cold_starts(warm);
    Frame derived = calls({{3.0, 2.8}, {0.1, 0.0}, {0.1, 0.0}});
    mark_cold_starts(derived);
    ASSERT_TRUE(derived.rows[0].cold);
    derived.derived = true;
    std::vector<Frame> frames{warm, derived};
    std::vector<Fact> facts;
    add_cold_start_facts(frames, facts);
    EXPECT_TRUE(facts.empty());
}

/// A sweep that reloads the model whenever num_ctx changes to 2048: both cold calls fall there.
Frame reload_sweep(bool warm_call_at_2048) {
    Frame f;
    f.file = "g/g_param_tuning.csv";
    f.label = f.file;
    f.id = slug(f.file);
    f.dim_names = {"model", "num_ctx"};
    f.dim_is_setting = {false, true};
    f.measures = {Measure{"ttft_s", Quantity::time, "s"}, Measure{"load_s", Quantity::time, "s"}};
    add_row(f, line(2), {"gemma3", "2048"}, {3.0, 2.8});
    add_row(f, line(3), {"gemma3", "1024"}, {0.1, 0.0});
    add_row(f, line(4), {"gemma3", "2048"}, {3.2, 3.0});
    add_row(f, line(5), {"gemma3", "1024"}, {0.1, 0.0});
    if (warm_call_at_2048) add_row(f, line(6), {"gemma3", "2048"}, {0.2, 0.0});
    add_row(f, line(7), {"gemma3", "1024"}, {0.1, 0.0});
    return f;
}

TEST(ColdStartFacts, ColdCallsAllAtOneLevelAreReloadOrderNotAnEffect) {
    // TTFT sorted .1 .1 .1 .2 3.0 3.2: lower quartile (index 1.25) 0.1; rows 0 and 2 load-dominated.
    Frame f = reload_sweep(true);
    mark_cold_starts(f);
    EXPECT_EQ(cold_flags(f), (std::vector<bool>{true, false, true, false, false, false}));
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_cold_start_facts(frames, facts);
    const Fact* confounded = first_of(facts, FactKind::cold_start_confounded);
    ASSERT_NE(confounded, nullptr);
    EXPECT_EQ(confounded->severity, Severity::warning);
    EXPECT_EQ(confounded->scope.factor, "num_ctx");  // model has one level: never confounded
    EXPECT_EQ(confounded->scope.level, "2048");
    EXPECT_EQ(confounded->id, "cold-start-confounded/" + f.id + "/num-ctx");
    ASSERT_EQ(confounded->values.size(), 3u);
    EXPECT_EQ(confounded->values[0].text, "2");
    EXPECT_NEAR(confounded->values[1].value, 3.1, 1e-12);  // (3.0 + 3.2) / 2
    EXPECT_NEAR(confounded->values[2].value, 0.2, 1e-12);  // the one warm call at 2048
    // The second cold call follows a change of num_ctx (row 1 -> 2).
    EXPECT_NE(confounded->statement.find("after each change"), std::string::npos) << confounded->statement;
    EXPECT_EQ(confounded->sources.size(), 2u);  // lines 2 and 4: not consecutive
    // Exactly one confounded fact: num_ctx=1024 holds no cold call.
    std::size_t n = 0;
    for (const auto& fact : facts) n += fact.kind == FactKind::cold_start_confounded;
    EXPECT_EQ(n, 1u);
}

TEST(ColdStartFacts, EveryCallAtTheLevelColdSaysSo) {
    Frame f = reload_sweep(false);
    mark_cold_starts(f);
    std::vector<Frame> frames{f};
    std::vector<Fact> facts;
    add_cold_start_facts(frames, facts);
    const Fact* confounded = first_of(facts, FactKind::cold_start_confounded);
    ASSERT_NE(confounded, nullptr);
    EXPECT_EQ(confounded->values.size(), 2u);  // no warm mean at that level
    EXPECT_NE(confounded->statement.find("every call at that level was one"), std::string::npos) << confounded->statement;
}

}  // namespace
}  // namespace analysis
