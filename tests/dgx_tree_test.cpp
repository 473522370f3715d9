// Acceptance on a real 1,772-file result tree (../shared/corpus/trees/dgx-spark-benchmarks, CC BY
// 4.0): vLLM and llama-benchy results for 38 configurations laid out as
// results/<family>/<model>/<precision>/<test file>. Present on developer machines and in CI;
// elsewhere these tests skip and say why. Expected values were computed independently from the raw
// JSON files with python3's json and statistics modules and are quoted in the comments.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "analysis/engine.hpp"
#include "ingest/ingest.hpp"
#include "shared_corpus.hpp"
#include "report/narrative_check.hpp"
#include "report/report_context.hpp"

namespace {

namespace fs = std::filesystem;

fs::path tree_dir() { return testing_support::shared_path("corpus/trees/dgx-spark-benchmarks"); }

class DgxTree : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        folder_.load(tree_dir());
        corpus_ = folder_.corpus.get();
        analysis_ = folder_.analysis.get();
    }
    static void TearDownTestSuite() {
        folder_.reset();
        corpus_ = nullptr;
        analysis_ = nullptr;
    }
    void SetUp() override {
        if (!fs::exists(tree_dir())) GTEST_SKIP() << "result tree not present at " << tree_dir() << " (it ships only with shared/)";
        ASSERT_NE(corpus_, nullptr) << "ingest of the tree failed";
    }
    /// The dataset whose pattern is `pattern` and whose factors include `factor`.
    static const analysis::Dataset* dataset(std::string_view pattern, std::string_view factor) {
        for (const auto& ds : analysis_->datasets)
            if (ds.pattern == pattern &&
                std::any_of(ds.factors.begin(), ds.factors.end(), [&](const auto& f) { return f.name == factor; }))
                return &ds;
        return nullptr;
    }
    static const analysis::Fact* fact(analysis::FactKind kind, const std::string& dataset, std::string_view metric = {}) {
        for (const auto& f : analysis_->facts)
            if (f.kind == kind && f.scope.dataset == dataset && (metric.empty() || f.scope.metric == metric)) return &f;
        return nullptr;
    }
    static const analysis::FactValue* value(const analysis::Fact& f, std::string_view label) {
        for (const auto& v : f.values)
            if (v.label == label) return &v;
        return nullptr;
    }
    static testing_support::AnalysedFolder folder_;
    static model::Corpus* corpus_;
    static analysis::Analysis* analysis_;
};
testing_support::AnalysedFolder DgxTree::folder_;
model::Corpus* DgxTree::corpus_ = nullptr;
analysis::Analysis* DgxTree::analysis_ = nullptr;

constexpr std::string_view kSweepPattern = "results/{level1}/{level2}/{precision}/11-rate-sweep.json";

// The rate sweep's steps pool into one dataset: 37 files with steps, the model folders and the
// precision profile from the path, configured_rps (0.1 … 1.0) from the records.
TEST_F(DgxTree, RateSweepStepsPoolIntoOneDesign) {
    const auto* ds = dataset(kSweepPattern, "configured_rps");
    ASSERT_NE(ds, nullptr);
    EXPECT_EQ(ds->files, 37u);
    for (const auto& f : ds->factors) {
        if (f.name == "configured_rps") EXPECT_EQ(f.levels, (std::vector<std::string>{"0.1", "0.2", "0.3", "0.5", "0.7", "1"}));
        if (f.name == "precision") EXPECT_EQ(f.levels.size(), 7u);  // bf16 bf16-spec bf16-v23 fp8 mxfp4 nvfp4 nvfp4-v23
    }
}

// The load effect: median output tok/s per configured rate over the configurations
// (python: 47.2, 87.7, 119.35, 175.4, 214.55, 260.75).
TEST_F(DgxTree, OutputThroughputRisesWithTheConfiguredRate) {
    const auto* ds = dataset(kSweepPattern, "configured_rps");
    ASSERT_NE(ds, nullptr);
    const analysis::Fact* effect = nullptr;
    for (const auto& f : analysis_->facts)
        if (f.kind == analysis::FactKind::design_effect && f.scope.dataset == ds->id && f.scope.metric == "output_tps" &&
            f.scope.factor == "configured_rps")
            effect = &f;
    ASSERT_NE(effect, nullptr);
    EXPECT_NEAR(value(*effect, "configured_rps=0.1")->value, 47.2, 1e-9);
    EXPECT_NEAR(value(*effect, "configured_rps=1")->value, 260.75, 1e-9);
    EXPECT_EQ(effect->severity, analysis::Severity::notice);  // significant (Kruskal-Wallis)
    // Best cell: qwen-3.5-0.8b bf16 at 1 rps, 477.4 tok/s; every cell ran once, so no margin is
    // called significant.
    const auto* best = fact(analysis::FactKind::design_best, ds->id, "output_tps");
    ASSERT_NE(best, nullptr);
    EXPECT_NEAR(best->values[0].value, 477.4, 1e-9);
    EXPECT_NE(best->statement.find("level2=qwen-3.5-0.8b, precision=bf16, configured_rps=1"), std::string::npos) << best->statement;
    EXPECT_NE(best->severity, analysis::Severity::notice);
}

// Failed requests from the runs' own counts: 10-monday-peak of the omni reasoning model at fp8
// completed 198 and failed 102 (python over every vLLM result JSON: 3 files with failed > 0).
TEST_F(DgxTree, FailedRequestsAreFoundInTheRunsOwnCounts) {
    std::size_t runs_failing = 0;
    bool worst_found = false;
    for (const auto& f : analysis_->facts) {
        if (f.kind != analysis::FactKind::design_failed_requests) continue;
        if (const auto* v = value(f, "runs with failed requests")) runs_failing += static_cast<std::size_t>(v->value);
        if (f.statement.find("nemotron-3-nano-omni-30b-a3b-reasoning/fp8/10-monday-peak.json") != std::string::npos) {
            worst_found = true;
            EXPECT_EQ(value(f, "failed requests in the worst run")->text, "102");
        }
    }
    EXPECT_EQ(runs_failing, 3u);
    EXPECT_TRUE(worst_found);
}

// Aborted and empty sweeps (python: ministral-3-3b bf16 4 steps, ministral-3-8b bf16 1 step,
// nemotron omni nvfp4 3 steps, nemotron omni fp8 an empty step list).
TEST_F(DgxTree, AbortedAndEmptyRateSweepsAreNamed) {
    const auto* ds = dataset(kSweepPattern, "configured_rps");
    ASSERT_NE(ds, nullptr);
    const auto* f = fact(analysis::FactKind::design_coverage, ds->id);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(value(*f, "runs that stop early")->text, "3");
    EXPECT_EQ(value(*f, "files without rows")->text, "1");
    EXPECT_NE(f->statement.find("ministral-3-8b-instruct/bf16/11-rate-sweep.json` reached 1, up to `0.1`"), std::string::npos) << f->statement;
    EXPECT_NE(f->statement.find("nemotron-3-nano-omni-30b-a3b-reasoning/fp8/11-rate-sweep.json"), std::string::npos) << f->statement;
}

// Nothing of one configuration is attributed to another: every source of every cell lies in the
// folder of that cell's model and precision.
TEST_F(DgxTree, EveryCellCitesOnlyItsOwnConfigurationFolder) {
    std::size_t cells = 0;
    for (const auto& f : analysis_->facts) {
        if (f.kind != analysis::FactKind::design_cell) continue;
        std::string model, precision;
        for (const auto& [k, v] : f.scope.cell) {
            if (k == "level2") model = v;
            if (k == "precision") precision = v;
        }
        if (model.empty() || precision.empty()) continue;
        ++cells;
        for (const auto& s : f.sources)
            EXPECT_NE(s.file.str().find("/" + model + "/" + precision + "/"), std::string::npos) << f.id << " cites " << s.file.str();
    }
    EXPECT_GT(cells, 100u);
}

// A report a person reads: at most 600 lines, the design stated, every number traceable.
TEST_F(DgxTree, ReportStatesTheDesignInSixHundredLines) {
    report::ReportContext context;
    context.date = "2000-01-01 00:00:00 UTC";
    const auto md = report::render_report_markdown(*analysis_, *corpus_, context);
    EXPECT_LE(std::count(md.begin(), md.end(), '\n'), 600);
    EXPECT_NE(md.find("### Dataset `results/{level1}/{level2}/{precision}/11-rate-sweep.json`"), std::string::npos);
    EXPECT_NE(md.find("Failed requests in "), std::string::npos);
    const auto bad = report::untraceable_numbers(md, *analysis_);
    EXPECT_TRUE(bad.empty()) << bad.size() << " untraceable, first: " << (bad.empty() ? "" : bad.front());
}

}  // namespace
