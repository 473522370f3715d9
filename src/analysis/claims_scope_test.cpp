// Claims within their scope (docs/design.md "Claims within their scope"): run folder, dataset,
// experiment; like with like; causal claims; and the same run told from two failed runs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/claims.hpp"
#include "analysis/claims_scope.hpp"
#include "analysis/fact_test_support.hpp"
#include "analysis/same_data.hpp"

namespace analysis {
namespace {

using model::Quantity;

const Measure kTokens{"tokens_s", Quantity::throughput, "tokens/s"};
const Measure kTtft{"ttft_s", Quantity::time, "s"};

struct Row {
    std::vector<std::string> dims;
    std::vector<double> values;
    bool cold = false;
};

Frame make_frame(const std::string& file, std::vector<std::string> dims, std::vector<bool> settings,
                 std::vector<Measure> measures, const std::vector<Row>& rows) {
    Frame f;
    f.file = file;
    f.label = file;
    f.id = slug(file);
    f.dim_names = std::move(dims);
    f.dim_is_setting = std::move(settings);
    f.measures = std::move(measures);
    long long line = 2;
    for (const auto& r : rows) {
        FrameRow fr;
        fr.line = line++;
        fr.cold = r.cold;
        add_row(f, fr, r.dims, r.values);
    }
    return f;
}

/// A gemma3 bench of one run: throughput per prompt.
Frame bench(const std::string& file, std::vector<double> tokens) {
    std::vector<Row> rows;
    for (std::size_t i = 0; i < tokens.size(); ++i) rows.push_back(Row{{"p" + std::to_string(i)}, {tokens[i]}});
    return make_frame(file, {"prompt"}, {false}, {kTokens}, rows);
}

model::Claim claim(const std::string& file, long long line, const std::string& text, double value,
                   const std::string& unit, Quantity q) {
    model::Claim c;
    c.source = model::Source{file, line, ""};
    c.text = text;
    c.heading = "Results";
    c.value = value;
    c.unit_text = unit;
    c.unit = model::Unit{q, 1.0, unit};
    return c;
}

std::vector<Fact> check(std::vector<model::Claim> claims, const std::vector<Frame>& frames) {
    model::Corpus corpus;
    corpus.claims = std::move(claims);
    std::vector<Fact> facts;
    add_claim_facts(corpus, frames, facts);
    return facts;
}

using test_support::contains;
using test_support::find_kind;

// --- scope -----------------------------------------------------------------------------------

TEST(ClaimScope, RanksRunDatasetExperimentOutside) {
    using claims_util::ScopeRank;
    std::vector<std::string_view> files = {"expA/cfg1/run_1/report.md", "expA/cfg1/run_1/m.csv", "expA/cfg1/run_2/m.csv",
                                           "expA/cfg2/run_1/m.csv",     "expB/run_1/m.csv"};
    claims_util::ScopeTree tree(files);
    auto scope = tree.scope_of("expA/cfg1/run_1/report.md");
    EXPECT_EQ(scope.experiment, "expA");
    EXPECT_EQ(claims_util::scope_rank(scope, "expA/cfg1/run_1/m.csv", tree), ScopeRank::run);
    EXPECT_EQ(claims_util::scope_rank(scope, "expA/cfg1/run_2/m.csv", tree), ScopeRank::dataset);
    EXPECT_EQ(claims_util::scope_rank(scope, "expA/cfg2/run_1/m.csv", tree), ScopeRank::experiment);
    EXPECT_EQ(claims_util::scope_rank(scope, "expB/run_1/m.csv", tree), ScopeRank::outside);
}

TEST(ClaimScope, AWrapperFolderIsNotAnExperiment) {
    std::vector<std::string_view> files = {"README.md", "results/a/x/1.md", "results/b/y/2.csv"};
    claims_util::ScopeTree tree(files);
    EXPECT_EQ(tree.experiment_of("results/a/x/1.md"), "results/a");
    EXPECT_EQ(tree.experiment_of("results/b/y/2.csv"), "results/b");
    EXPECT_EQ(tree.experiment_of("README.md"), "");
}

// The required case: the number matches only another experiment's data.
TEST(ClaimScope, NumberMatchingOnlyAnotherExperimentIsNotCheckable) {
    auto facts = check({claim("expA/run_1/report.md", 7, "gemma3 reaches 50.00 tok/s on average", 50.0, "tok/s",
                              Quantity::throughput)},
                       {bench("expB/run_1/gemma3_bench.csv", {49, 50, 51})});
    EXPECT_EQ(find_kind(facts, analysis::FactKind::claim_confirmed), nullptr);
    EXPECT_EQ(find_kind(facts, analysis::FactKind::claim_contradicted), nullptr);
    const Fact* f = find_kind(facts, analysis::FactKind::claim_not_checkable);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::info);
    ASSERT_EQ(f->sources.size(), 1u);
    EXPECT_EQ(f->sources[0].file, "expA/run_1/report.md");
    EXPECT_EQ(f->sources[0].line, 7);
}

TEST(ClaimScope, ClaimIsCheckedAgainstItsOwnRunFolder) {
    std::vector<Frame> frames = {bench("expA/run_1/gemma3_bench.csv", {59, 60, 61}), bench("expB/run_1/gemma3_bench.csv", {49, 50, 51})};
    auto right = check({claim("expA/run_1/report.md", 3, "gemma3 reaches 60.00 tok/s on average", 60, "tok/s", Quantity::throughput)}, frames);
    const Fact* f = find_kind(right, analysis::FactKind::claim_confirmed);
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(contains(f->statement, "`expA/run_1/gemma3_bench.csv`")) << f->statement;
    // 50 matches expB only: within its scope the claim is wrong, and expB's data is not used.
    auto wrong = check({claim("expA/run_1/report.md", 4, "gemma3 reaches 50.00 tok/s on average", 50, "tok/s", Quantity::throughput)}, frames);
    const Fact* c = find_kind(wrong, analysis::FactKind::claim_contradicted);
    ASSERT_NE(c, nullptr);
    EXPECT_FALSE(contains(c->statement, "expB")) << c->statement;
}

TEST(ClaimScope, RunFolderBeatsASiblingRunOfTheSameDataset) {
    std::vector<Frame> frames = {bench("expA/cfg/run_1/gemma3_bench.csv", {59, 60, 61}),
                                 bench("expA/cfg/run_2/gemma3_bench.csv", {49, 50, 51})};
    auto facts = check({claim("expA/cfg/run_1/report.md", 4, "gemma3 mean 50.00 tok/s", 50, "tok/s", Quantity::throughput)}, frames);
    EXPECT_NE(find_kind(facts, analysis::FactKind::claim_contradicted), nullptr);
    // Without data of its own the run's claim is checked against its dataset's sibling run.
    auto sibling = check({claim("expA/cfg/run_3/report.md", 4, "gemma3 mean 50.00 tok/s", 50, "tok/s", Quantity::throughput)},
                         {frames[1], bench("expA/other/gemma3_bench.csv", {50, 50, 50})});
    const Fact* f = find_kind(sibling, analysis::FactKind::claim_confirmed);
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(contains(f->statement, "run_2")) << f->statement;
}

TEST(ClaimScope, ClaimNamingAnotherExperimentIsCheckedAgainstIt) {
    std::vector<Frame> frames = {bench("expA/run_1/gemma3_bench.csv", {59, 60, 61}), bench("expB/run_1/gemma3_bench.csv", {49, 50, 51})};
    auto facts = check({claim("expA/run_1/report.md", 5, "In expB, gemma3 reaches 50.00 tok/s on average", 50, "tok/s", Quantity::throughput),
                        claim("expA/run_1/report.md", 6, "expB averages 52.00 tok/s", 52, "tok/s", Quantity::throughput)},
                       frames);
    ASSERT_EQ(facts.size(), 2u);
    EXPECT_EQ(facts[0].kind, analysis::FactKind::claim_confirmed) << facts[0].statement;
    EXPECT_TRUE(contains(facts[0].statement, "expB/run_1")) << facts[0].statement;
    EXPECT_EQ(facts[1].kind, analysis::FactKind::claim_contradicted) << facts[1].statement;
    EXPECT_TRUE(contains(facts[1].statement, "expB/run_1")) << facts[1].statement;
}

TEST(ClaimScope, ClaimNamingNoSubjectUsesTheDataOfItsOwnFolder) {
    // metrics.md speaks of metrics.csv next to it (same stem), never of another folder's table.
    auto facts = check({claim("expA/run_1/metrics.md", 2, "Mean throughput: 60.00 tok/s", 60, "tok/s", Quantity::throughput)},
                       {bench("expA/run_1/metrics.csv", {59, 60, 61}), bench("expB/run_1/metrics.csv", {1, 2, 3})});
    const Fact* f = find_kind(facts, analysis::FactKind::claim_confirmed);
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(contains(f->statement, "expA/run_1/metrics.csv")) << f->statement;
}

// --- like with like ---------------------------------------------------------------------------

// 10, 10, 10, 10, 30: mean 14, median 10, p95 26 (linear), max 30.
std::vector<Frame> skewed() { return {bench("exp/run_1/gemma3_bench.csv", {10, 10, 10, 10, 30})}; }

TEST(ClaimScope, AMeanIsComparedWithTheMeanOnly) {
    auto facts = check({claim("exp/run_1/r.md", 1, "gemma3 mean throughput 26.00 tok/s", 26, "tok/s", Quantity::throughput),
                        claim("exp/run_1/r.md", 2, "gemma3 p95 throughput 26.00 tok/s", 26, "tok/s", Quantity::throughput),
                        claim("exp/run_1/r.md", 3, "gemma3 mean throughput 14.00 tok/s", 14, "tok/s", Quantity::throughput),
                        claim("exp/run_1/r.md", 4, "gemma3 median is 10.00 tok/s", 10, "tok/s", Quantity::throughput)},
                       skewed());
    ASSERT_EQ(facts.size(), 4u);
    EXPECT_EQ(facts[0].kind, analysis::FactKind::claim_contradicted) << facts[0].statement;  // the p95 is 26, the mean is not
    EXPECT_TRUE(contains(facts[0].statement, "mean 14.00 tok/s")) << facts[0].statement;
    EXPECT_FALSE(contains(facts[0].statement, "p95")) << facts[0].statement;
    EXPECT_EQ(facts[1].kind, analysis::FactKind::claim_confirmed) << facts[1].statement;
    EXPECT_TRUE(contains(facts[1].statement, "matches the p95")) << facts[1].statement;
    EXPECT_EQ(facts[2].kind, analysis::FactKind::claim_confirmed) << facts[2].statement;
    EXPECT_EQ(facts[3].kind, analysis::FactKind::claim_confirmed) << facts[3].statement;
    EXPECT_TRUE(contains(facts[3].statement, "matches the median")) << facts[3].statement;
}

TEST(ClaimScope, AnUnqualifiedNumberIsComparedWithTheMean) {
    auto facts = check({claim("exp/run_1/r.md", 1, "gemma3 throughput: 14.00 tok/s", 14, "tok/s", Quantity::throughput),
                        claim("exp/run_1/r.md", 2, "gemma3 throughput: 30.00 tok/s", 30, "tok/s", Quantity::throughput)},
                       skewed());
    const Fact* f = find_kind(facts, analysis::FactKind::claim_confirmed);
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(contains(f->statement, "compared with the mean as it names no statistic")) << f->statement;
    // 30 is the max: one call, not the mean; never confirmed by fishing among statistics.
    for (const auto& x : facts) EXPECT_FALSE(x.kind == analysis::FactKind::claim_confirmed && contains(x.statement, "30.00 tok/s")) << x.statement;
}

// --- causal claims ----------------------------------------------------------------------------

/// A temperature sweep whose reloads all fall on temp 0.2 (TTFT 6.5 s there), warm TTFT alike.
Frame reload_sweep() {
    std::vector<Row> rows;
    for (std::string temp : {"0.2", "0.7"})
        for (int i = 0; i < 5; ++i) {
            bool cold = temp == "0.2" && i < 2;
            rows.push_back(Row{{temp, "p" + std::to_string(i)}, {cold ? 6.5 : 0.10 + 0.001 * i}, cold});
        }
    return make_frame("exp/run_1/sweep.csv", {"temperature", "prompt"}, {true, false}, {kTtft}, rows);
}

TEST(ClaimScope, CausalClaimWithAMatchingNumberIsConfoundedNotConfirmed) {
    auto facts = check({claim("exp/run_1/report.md", 9, "temp=0.2 causes the 6.5 s TTFT spike", 6.5, "s", Quantity::time)},
                       {reload_sweep()});
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts[0].kind, analysis::FactKind::claim_causal_confounded) << facts[0].statement;
    EXPECT_EQ(facts[0].severity, Severity::warning);
    EXPECT_TRUE(contains(facts[0].statement, "cold-start-confounded/")) << facts[0].statement;
    EXPECT_TRUE(contains(facts[0].statement, "`temperature=0.2`")) << facts[0].statement;
}

TEST(ClaimScope, CausalClaimWithoutSeparateDataIsNotTestable) {
    auto facts = check({claim("exp/run_1/report.md", 9, "The TTFT of 0.10 s is due to the warm cache", 0.1, "s", Quantity::time),
                        claim("exp/run_1/report.md", 10, "temp=0.9 leads to 6.5 s TTFT", 6.5, "s", Quantity::time)},
                       {reload_sweep()});
    ASSERT_EQ(facts.size(), 2u);
    for (const auto& f : facts) EXPECT_EQ(f.kind, analysis::FactKind::claim_causal_not_testable) << f.statement;
}

TEST(ClaimScope, CausalClaimIsSupportedOnlyByASignificantDifference) {
    std::vector<Row> rows;
    for (std::string ctx : {"1024", "8192"})
        for (int i = 0; i < 6; ++i) rows.push_back(Row{{ctx, "p" + std::to_string(i)}, {(ctx == "8192" ? 0.5 : 0.1) + 0.001 * i}});
    Frame f = make_frame("exp/run_1/ctx.csv", {"num_ctx", "prompt"}, {true, false}, {kTtft}, rows);
    auto facts = check({claim("exp/run_1/report.md", 3, "num_ctx 8192 causes a TTFT of 0.5 s", 0.5, "s", Quantity::time)}, {f});
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts[0].kind, analysis::FactKind::claim_causal_supported) << facts[0].statement;
}

// --- same data --------------------------------------------------------------------------------

const Measure kLatency{"latency_ms", Quantity::time, "ms"};

Frame zero_run(const std::string& file, const std::string& timestamp) {
    Frame f = make_frame(file, {"prompt"}, {false}, {kTokens, kLatency},
                         {Row{{"a"}, {0, 0}}, Row{{"b"}, {0, 0}}, Row{{"c"}, {0, 0}}});
    if (!timestamp.empty()) f.context.emplace_back("timestamp", timestamp);
    return f;
}

TEST(SameData, TwoFailedRunsWithAllZeroRowsAreTwoRuns) {
    std::vector<Frame> frames = {zero_run("exp/run_1/results.csv", "2025-10-02T15:12:04"),
                                 zero_run("exp/run_2/results.csv", "2025-10-02T15:14:46")};
    mark_same_data(frames);
    EXPECT_EQ(frames[1].same_data_as, "");
    EXPECT_FALSE(frames[1].derived);
    std::vector<Frame> unnamed = {zero_run("exp/run_1/results.csv", ""), zero_run("exp/run_2/results.csv", "")};
    mark_same_data(unnamed);
    EXPECT_EQ(unnamed[1].same_data_as, "");
}

TEST(SameData, TwoExportsOfOneRunWithTheSameTimestampAreOneRun) {
    std::vector<Frame> frames = {zero_run("exp/run_1/results.csv", "2025-10-02T15:12:04"),
                                 zero_run("exp/run_1/results.json", "2025-10-02T15:12:04")};
    mark_same_data(frames);
    EXPECT_EQ(frames[1].same_data_as, "exp/run_1/results.csv");
    EXPECT_TRUE(frames[1].derived);
}

TEST(SameData, InformativeMeasuresStillMatchWithoutIds) {
    auto run = [](const std::string& file) {
        return make_frame(file, {"prompt"}, {false}, {kTokens, kLatency}, {Row{{"a"}, {101.5, 120}}, Row{{"b"}, {99.25, 131}}});
    };
    std::vector<Frame> frames = {run("a/run.csv"), run("mirror/run_copy.csv")};
    mark_same_data(frames);
    EXPECT_EQ(frames[1].same_data_as, "a/run.csv");
}

// A flat folder of notes beside the data folders writes about the whole root; a structured
// experiment folder without data does not borrow another experiment's data.
TEST(ClaimScope, FlatNotesFolderSpeaksForTheRoot) {
    std::vector<std::string_view> files = {"notes/summary.md", "sweeps/a.csv", "runs/r1/b.csv", "expA/run_1/report.md"};
    std::vector<std::string_view> data = {"sweeps/a.csv", "runs/r1/b.csv"};
    claims_util::ScopeTree tree(files, data);
    EXPECT_EQ(tree.scope_of("notes/summary.md").experiment, "");
    EXPECT_EQ(claims_util::scope_rank(tree.scope_of("notes/summary.md"), "sweeps/a.csv", tree), claims_util::ScopeRank::experiment);
    EXPECT_EQ(tree.scope_of("expA/run_1/report.md").experiment, "expA");
    EXPECT_EQ(claims_util::scope_rank(tree.scope_of("expA/run_1/report.md"), "sweeps/a.csv", tree), claims_util::ScopeRank::outside);
}

}  // namespace
}  // namespace analysis
