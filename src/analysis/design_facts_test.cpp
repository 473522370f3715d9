// Facts over a dataset's design, on a pooled frame built by hand: engine (x, y) x conc (1, 8) x
// three runs, one row per run file.
#include "analysis/design_facts.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <map>

#include "analysis/fact_test_support.hpp"

namespace analysis {
namespace {

using test_support::value;

using model::Quantity;

const std::string kPattern = "engine={engine}/conc={conc}/run_{run}/m.json";

/// tokens/s of each run per cell:
///   x, 1: 100 102 104 (mean 102, sd 2)    x, 8: 200 210 220 (mean 210, sd 10)
///   y, 1:  90  90  90 (mean  90, sd 0)    y, 8: 150 160 170 (mean 160, sd 10)
const std::map<std::pair<std::string, std::string>, std::array<double, 3>> kTokensPerRun = {
    {{"x", "1"}, {100, 102, 104}}, {{"x", "8"}, {200, 210, 220}}, {{"y", "1"}, {90, 90, 90}}, {{"y", "8"}, {150, 160, 170}}};

std::string path_of(const std::string& engine, const std::string& conc, int run) {
    return "engine=" + engine + "/conc=" + conc + "/run_" + std::to_string(run) + "/m.json";
}

/// The pooled frame: measures tokens_s, ttft_s (x 0.1 s, y 0.2 s), load_s, completed and failed
/// (100 requests per run; x/1/run_3 lost 10, y/8/run_2 lost 30).
Frame design_frame(int runs = 3) {
    Frame f;
    f.id = "dataset-engine-conc";
    f.label = kPattern;
    f.dim_names = {"engine", "conc", "run"};
    f.dim_role = {DimRole::category, DimRole::setting, DimRole::replicate};
    f.dim_is_setting = {false, true, false};
    f.measures = {Measure{"tokens_s", Quantity::throughput, "tok/s"}, Measure{"ttft_s", Quantity::time, "s"},
                  Measure{"load_s", Quantity::time, "s"}, Measure{"completed", Quantity::count, ""},
                  Measure{"failed", Quantity::count, ""}};
    for (const std::string engine : {"x", "y"})
        for (const std::string conc : {"1", "8"})
            for (int run = 1; run <= runs; ++run) {
                double lost = 0;
                if (engine == "x" && conc == "1" && run == 3) lost = 10;
                if (engine == "y" && conc == "8" && run == 2) lost = 30;
                f.files.push_back(path_of(engine, conc, run));
                FrameRow row;
                row.file = static_cast<std::uint32_t>(f.files.size() - 1);
                add_row(f, row, {engine, conc, std::to_string(run)},
                        {kTokensPerRun.at({engine, conc})[static_cast<std::size_t>(run - 1)], engine == "x" ? 0.1 : 0.2, 0.01, 100 - lost, lost});
            }
    f.file = f.files.front();
    f.dataset = 0;
    return f;
}

Dataset dataset_of(const Frame& f, int runs = 3) {
    Dataset ds;
    ds.id = f.id;
    ds.pattern = kPattern;
    ds.files = f.files.size();
    ds.example = f.files.front().str();
    ds.row_per_file = true;
    std::vector<std::string> run_levels;
    for (int r = 1; r <= runs; ++r) run_levels.push_back(std::to_string(r));
    ds.factors = {DatasetFactor{"engine", layout::FactorRole::category, "folder", "hive", {"x", "y"}},
                  DatasetFactor{"conc", layout::FactorRole::setting, "folder", "hive", {"1", "8"}},
                  DatasetFactor{"run", layout::FactorRole::replicate, "folder", "run_N", run_levels}};
    return ds;
}

std::vector<Fact> facts_of(const Frame& f, const Dataset& ds) {
    std::vector<Frame> frames{f};
    std::vector<Dataset> datasets{ds};
    std::vector<Fact> facts;
    add_design_facts(frames, datasets, facts);
    return facts;
}

const Fact* find(const std::vector<Fact>& facts, FactKind kind, const std::string& metric = "", const Cell& cell = {},
                 const std::string& factor = "") {
    for (const auto& f : facts)
        if (f.kind == kind && (metric.empty() || f.scope.metric == metric) && (cell.empty() || f.scope.cell == cell) &&
            (factor.empty() || f.scope.factor == factor))
            return &f;
    return nullptr;
}

std::size_t count(const std::vector<Fact>& facts, FactKind kind) {
    std::size_t n = 0;
    for (const auto& f : facts) n += f.kind == kind;
    return n;
}

TEST(DesignFacts, MetricsAreThroughputTtftLatencyAndDecodeWithoutRepeats) {
    // The main latency falls back to the first time measure, ttft_s, which is already listed.
    EXPECT_EQ(design_metrics(design_frame()), (std::vector<int>{0, 1}));
}

TEST(DesignFacts, DatasetLineMultipliesTheFactorLevels) {
    const Frame f = design_frame();
    const auto facts = facts_of(f, dataset_of(f));
    const Fact* ds = find(facts, FactKind::design_dataset);
    ASSERT_NE(ds, nullptr);
    EXPECT_EQ(ds->id, "design-dataset/dataset-engine-conc");
    EXPECT_EQ(ds->statement, "Dataset `" + kPattern + "`: 12 files = 2 engine \xC3\x97 2 conc (setting) \xC3\x97 3 run (replicate); one row per file.");
    ASSERT_EQ(ds->sources.size(), 2u);  // the first and the last file
    EXPECT_EQ(ds->sources[1].file.str(), "engine=y/conc=8/run_3/m.json");
}

TEST(DesignFacts, CellMeansAreOverRunsWithATInterval) {
    const Frame f = design_frame();
    const auto facts = facts_of(f, dataset_of(f));
    EXPECT_EQ(count(facts, FactKind::design_cell), 8u);  // 4 cells x (tokens_s, ttft_s)
    const Fact* cell = find(facts, FactKind::design_cell, "tokens_s", {{"engine", "x"}, {"conc", "1"}});
    ASSERT_NE(cell, nullptr);
    EXPECT_EQ(value(*cell, "runs")->text, "3");
    EXPECT_DOUBLE_EQ(value(*cell, "mean tokens_s")->value, 102.0);
    EXPECT_DOUBLE_EQ(value(*cell, "median tokens_s")->value, 102.0);
    // sd 2, t(0.975, 2) = 4.302653: 102 -/+ 4.302653 * 2 / sqrt(3) = 102 -/+ 4.968.
    const double half = 4.302653 * 2.0 / std::sqrt(3.0);
    EXPECT_NEAR(value(*cell, "95 % CI low")->value, 102.0 - half, 1e-4);
    EXPECT_NEAR(value(*cell, "95 % CI high")->value, 102.0 + half, 1e-4);
    EXPECT_NEAR(value(*cell, "CV")->value, 2.0 / 102.0 * 100.0, 1e-9);
    EXPECT_EQ(cell->sources.size(), 3u);  // three files
    EXPECT_FALSE(cell->scope.warm);
}

TEST(DesignFacts, BestAndWorstCellWithTheMarginOverTheRunnerUp) {
    const Frame f = design_frame();
    const auto facts = facts_of(f, dataset_of(f));
    const Fact* best = find(facts, FactKind::design_best, "tokens_s");
    ASSERT_NE(best, nullptr);
    EXPECT_EQ(best->scope.cell, (Cell{{"engine", "x"}, {"conc", "8"}}));
    EXPECT_EQ(best->scope.contrast, (Cell{{"engine", "y"}, {"conc", "1"}}));
    EXPECT_DOUBLE_EQ(value(*best, "best mean tokens_s")->value, 210.0);
    EXPECT_DOUBLE_EQ(value(*best, "worst mean tokens_s")->value, 90.0);
    EXPECT_NEAR(value(*best, "margin over the runner-up")->value, 31.25, 1e-9);  // (210 - 160) / 160
    EXPECT_EQ(value(*best, "cells")->text, "4");
    // Mann-Whitney of 200 210 220 vs 150 160 170: exact two-sided p = 2 / C(6, 3) = 0.1.
    EXPECT_NEAR(value(*best, "p-value")->value, 0.1, 1e-12);
    // The CIs 210 -/+ 24.84 and 160 -/+ 24.84 do not overlap (185.16 > 184.84), but p >= 0.05.
    EXPECT_NE(best->statement.find("CIs do not overlap"), std::string::npos) << best->statement;
    EXPECT_EQ(best->severity, Severity::info);
    EXPECT_EQ(best->warnings, (std::vector<std::string>{"margin basis: mann-whitney"}));
    // TTFT: lower is better; x (0.1 s) beats y (0.2 s).
    const Fact* ttft = find(facts, FactKind::design_best, "ttft_s");
    ASSERT_NE(ttft, nullptr);
    EXPECT_EQ(ttft->scope.cell.front(), (std::pair<std::string, std::string>{"engine", "x"}));
    EXPECT_NE(ttft->statement.find("(lower is better)"), std::string::npos) << ttft->statement;
}

TEST(DesignFacts, EffectsAreMediansOfCellMeansPerLevel) {
    const Frame f = design_frame();
    const auto facts = facts_of(f, dataset_of(f));
    // engine: x median(102, 210) = 156, y median(90, 160) = 125: spread 31 / 125 = 24.8 %.
    const Fact* engine = find(facts, FactKind::design_effect, "tokens_s", {}, "engine");
    ASSERT_NE(engine, nullptr);
    EXPECT_NEAR(value(*engine, "spread between levels")->value, 24.8, 1e-9);
    EXPECT_DOUBLE_EQ(value(*engine, "engine=x")->value, 156.0);
    EXPECT_DOUBLE_EQ(value(*engine, "engine=y")->value, 125.0);
    // conc: 1 -> median(102, 90) = 96, 8 -> median(210, 160) = 185: spread 89 / 96.
    const Fact* conc = find(facts, FactKind::design_effect, "tokens_s", {}, "conc");
    ASSERT_NE(conc, nullptr);
    EXPECT_NEAR(value(*conc, "spread between levels")->value, 89.0 / 96.0 * 100.0, 1e-9);
    // The run index is a replicate: never an effect.
    EXPECT_EQ(find(facts, FactKind::design_effect, "tokens_s", {}, "run"), nullptr);
    // Interaction: |(102 - 90) - (210 - 160)| = 38 over the median cell mean (102 + 160) / 2 = 131.
    const Fact* ia = find(facts, FactKind::design_interaction, "tokens_s");
    ASSERT_NE(ia, nullptr);
    EXPECT_NEAR(ia->values[0].value, 38.0 / 131.0 * 100.0, 1e-9);
}

TEST(DesignFacts, NoiseIsTheMedianCvOfTheCellsWithRepeats) {
    const Frame f = design_frame();
    const auto facts = facts_of(f, dataset_of(f));
    const Fact* noise = find(facts, FactKind::design_noise, "tokens_s");
    ASSERT_NE(noise, nullptr);
    // CVs 0 (y1), 2/102 (x1), 10/210 (x8), 10/160 (y8): median = (2/102 + 10/210) / 2 = 3.36 %.
    EXPECT_NEAR(value(*noise, "median CV across replicates")->value, (2.0 / 102.0 + 10.0 / 210.0) / 2.0 * 100.0, 1e-9);
    EXPECT_EQ(value(*noise, "single-run cells")->text, "0");
    EXPECT_EQ(noise->severity, Severity::info);
    EXPECT_EQ(count(facts, FactKind::design_incomplete), 0u);
}

TEST(DesignFacts, FailedRequestsAreCountedFromEachRunsOwnCounts) {
    const Frame f = design_frame();
    const auto facts = facts_of(f, dataset_of(f));
    const Fact* failed = find(facts, FactKind::design_failed_requests);
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->severity, Severity::warning);
    std::vector<std::string> texts;
    for (const auto& v : failed->values) texts.push_back(v.text);
    // 2 of 12 runs; 10 + 30 = 40 of 12 x 100 requests; the worst run lost 30.
    EXPECT_EQ(texts, (std::vector<std::string>{"2", "12", "40", "1200", "30"}));
    EXPECT_NE(failed->statement.find("the worst run, `engine=y/conc=8/run_2/m.json`, lost 30."), std::string::npos) << failed->statement;
    ASSERT_EQ(failed->sources.size(), 2u);  // the worst run first, then the other
    EXPECT_EQ(failed->sources[0].file.str(), "engine=y/conc=8/run_2/m.json");
    EXPECT_EQ(failed->sources[1].file.str(), "engine=x/conc=1/run_3/m.json");
}

TEST(DesignFacts, NoFailedRequestsIsSaidPlainly) {
    Frame f = design_frame();
    const int failed = f.measure_index("failed"), completed = f.measure_index("completed");
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        f.own_value(r, static_cast<std::size_t>(failed)) = 0;
        f.own_value(r, static_cast<std::size_t>(completed)) = 100;
    }
    const auto facts = facts_of(f, dataset_of(f));
    const Fact* fact = find(facts, FactKind::design_failed_requests);
    ASSERT_NE(fact, nullptr);
    EXPECT_EQ(fact->severity, Severity::info);
    EXPECT_EQ(fact->values[0].text, "0");
    EXPECT_NE(fact->statement.find("all 1200 requests of 12 runs completed"), std::string::npos) << fact->statement;
}

TEST(DesignFacts, ColdCallsOnTheFirstRunAreCountedAndLeftOutOfWarmTtft) {
    Frame f = design_frame();
    const auto ttft = static_cast<std::size_t>(f.measure_index("ttft_s"));
    const auto load = static_cast<std::size_t>(f.measure_index("load_s"));
    int k = 0;
    for (std::size_t r = 0; r < f.rows.size(); ++r) {
        if (f.dim(f.rows[r], 2) != "1") continue;
        f.rows[r].cold = true;
        f.own_value(r, ttft) = 3.0;
        f.own_value(r, load) = k++ == 0 ? 0.5 : 2.9;  // three of the four spend >= 1.5 s loading
    }
    const auto facts = facts_of(f, dataset_of(f));
    const Fact* cold = find(facts, FactKind::design_cold);
    ASSERT_NE(cold, nullptr);
    EXPECT_EQ(cold->severity, Severity::notice);
    EXPECT_EQ(value(*cold, "cold calls")->text, "4");
    EXPECT_EQ(value(*cold, "runs")->text, "12");
    EXPECT_EQ(value(*cold, "load-dominated")->text, "3");
    EXPECT_NE(cold->statement.find("All of them fall on `run=1` (a replicate index"), std::string::npos) << cold->statement;
    EXPECT_EQ(cold->sources.size(), 4u);
    // Warm TTFT cells use runs 2 and 3 only: x/1 is 0.1 s over 2 runs, not (3 + 0.1 + 0.1) / 3.
    const Fact* cell = find(facts, FactKind::design_cell, "ttft_s", {{"engine", "x"}, {"conc", "1"}});
    ASSERT_NE(cell, nullptr);
    EXPECT_TRUE(cell->scope.warm);
    EXPECT_EQ(value(*cell, "runs")->text, "2");
    EXPECT_DOUBLE_EQ(value(*cell, "mean ttft_s")->value, 0.1);
}

TEST(DesignFacts, ColdCallsWithoutALoadMeasureHaveAnUnknownCause) {
    Frame f = design_frame();
    f.measures[2].name = "setup_s";  // no longer a load measure
    f.rows[0].cold = true;
    const auto facts = facts_of(f, dataset_of(f));
    const Fact* cold = find(facts, FactKind::design_cold);
    ASSERT_NE(cold, nullptr);
    EXPECT_EQ(value(*cold, "cold calls")->text, "1");
    EXPECT_NE(cold->statement.find("no load time is recorded"), std::string::npos) << cold->statement;
    // A single cold call is no concentration.
    EXPECT_EQ(cold->statement.find("All of them"), std::string::npos) << cold->statement;
}

TEST(DesignFacts, NoColdFactWithoutColdRows) {
    const Frame f = design_frame();
    EXPECT_EQ(count(facts_of(f, dataset_of(f)), FactKind::design_cold), 0u);
}

TEST(DesignFacts, OneRunPerCellLeavesTheNoiseUnknown) {
    const Frame f = design_frame(1);
    const auto facts = facts_of(f, dataset_of(f, 1));
    const Fact* noise = find(facts, FactKind::design_noise, "tokens_s");
    ASSERT_NE(noise, nullptr);
    EXPECT_EQ(noise->severity, Severity::notice);
    EXPECT_EQ(value(*noise, "single-run cells")->text, "4");
    EXPECT_EQ(value(*noise, "median CV across replicates"), nullptr);
    EXPECT_NE(noise->statement.find("ran once"), std::string::npos) << noise->statement;
    const Fact* best = find(facts, FactKind::design_best, "tokens_s");
    ASSERT_NE(best, nullptr);
    EXPECT_EQ(value(*best, "p-value"), nullptr);
    EXPECT_NE(best->statement.find("not testable (n = 1 per cell)"), std::string::npos) << best->statement;
    // Run 1 of each cell: x8 200 is best, runner-up y8 150: margin 50 / 150.
    EXPECT_NEAR(value(*best, "margin over the runner-up")->value, 50.0 / 150.0 * 100.0, 1e-9);
}

TEST(DesignFacts, MissingCellMakesTheDesignIncomplete) {
    Frame f = design_frame();
    for (auto& row : f.rows)
        if (f.dim(row, 0) == "y" && f.dim(row, 1) == "8") row.failed = true;
    const auto facts = facts_of(f, dataset_of(f));
    EXPECT_EQ(count(facts, FactKind::design_cell), 6u);  // 3 cells x 2 metrics
    const Fact* inc = find(facts, FactKind::design_incomplete, "tokens_s");
    ASSERT_NE(inc, nullptr);
    EXPECT_EQ(inc->statement, "Incomplete design for tokens_s: 1 of 4 combinations have no data.");
}

TEST(DesignFacts, NaNValuesAreLeftOutOfTheirCell) {
    Frame f = design_frame();
    f.own_value(1, 0) = std::nan("");  // x/1/run_2 (102) has no tokens_s
    const auto facts = facts_of(f, dataset_of(f));
    const Fact* cell = find(facts, FactKind::design_cell, "tokens_s", {{"engine", "x"}, {"conc", "1"}});
    ASSERT_NE(cell, nullptr);
    EXPECT_EQ(value(*cell, "runs")->text, "2");
    EXPECT_DOUBLE_EQ(value(*cell, "mean tokens_s")->value, 102.0);  // (100 + 104) / 2
    const Fact* inc = find(facts, FactKind::design_incomplete, "tokens_s");
    ASSERT_NE(inc, nullptr);  // cells now differ in n
    EXPECT_NE(inc->statement.find("unequal numbers of runs"), std::string::npos) << inc->statement;
}

TEST(DesignFacts, AllRowsFailedLeaveOnlyTheDatasetLine) {
    Frame f = design_frame();
    for (auto& row : f.rows) row.failed = true;
    const int failed = f.measure_index("failed");
    for (std::size_t r = 0; r < f.rows.size(); ++r) f.own_value(r, static_cast<std::size_t>(failed)) = std::nan("");
    const auto facts = facts_of(f, dataset_of(f));
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts[0].kind, FactKind::design_dataset);
}

TEST(DesignFacts, PathAgainstDataDisagreementsBecomeFacts) {
    const Frame f = design_frame();
    Dataset ds = dataset_of(f);
    ds.disagreements = {FactorDisagreement{"conc", "max_concurrency", 12, 1, "engine=x/conc=8/run_1/m.json: path conc=8, data max_concurrency=4",
                                           f.source(f.rows[3])},
                        FactorDisagreement{"conc", "num_prompts", 12, 0, "", {}}};
    const auto facts = facts_of(f, ds);
    ASSERT_EQ(count(facts, FactKind::design_disagreement), 2u);
    const Fact* first = find(facts, FactKind::design_disagreement);
    EXPECT_EQ(first->severity, Severity::warning);
    EXPECT_EQ(first->id, "design-disagreement/dataset-engine-conc/conc-max-concurrency");
    EXPECT_NE(first->statement.find("in 1 of 12 files (e.g. `engine=x/conc=8/run_1/m.json: path conc=8"), std::string::npos)
        << first->statement;
    ASSERT_EQ(first->sources.size(), 1u);
    const Fact& second = *(first + 1);
    EXPECT_EQ(second.severity, Severity::info);
    EXPECT_EQ(second.statement, "Path factor conc matches the data field num_prompts in all 12 files.");
}

}  // namespace
}  // namespace analysis
