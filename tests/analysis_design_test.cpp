// Design discovery end to end (docs/design.md): layouts of our own making are ingested and
// analysed; the discovered factors, pooled rows, cell statistics, cold starts across files and
// path-against-data checks are asserted with values computed by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "analysis/engine.hpp"
#include "ingest/ingest.hpp"
#include "temp_dir.hpp"

namespace {

using testing_support::TempDir;

struct Analysed {
    model::Corpus corpus;
    analysis::Analysis analysis;
};

Analysed analyze_dir(const TempDir& dir) {
    auto corpus = ingest::ingest_folder(dir.str(), ingest::IngestOptions{});
    EXPECT_TRUE(corpus.has_value());
    Analysed r{std::move(*corpus), {}};
    r.analysis = analysis::analyze(r.corpus);
    return r;
}

const analysis::DatasetFactor* factor(const analysis::Dataset& ds, std::string_view name) {
    for (const auto& f : ds.factors)
        if (f.name == name) return &f;
    return nullptr;
}

const analysis::Fact* fact(const analysis::Analysis& a, std::string_view kind, std::string_view id_part) {
    for (const auto& f : a.facts)
        if (analysis::kind_name(f.kind) == kind && f.id.find(id_part) != std::string::npos) return &f;
    return nullptr;
}

// The design.cell fact of `metric` whose cell reads `label` ("model=alpha, ctx=512").
const analysis::Fact* cell_fact(const analysis::Analysis& a, std::string_view metric, const std::string& label) {
    for (const auto& f : a.facts)
        if (f.kind == analysis::FactKind::design_cell && f.id.find("/" + std::string(metric) + "/") != std::string::npos &&
            f.statement.rfind("`" + label + "`:", 0) == 0)
            return &f;
    return nullptr;
}

std::size_t count_kind(const analysis::Analysis& a, std::string_view kind) {
    return static_cast<std::size_t>(std::count_if(a.facts.begin(), a.facts.end(), [&](const auto& f) { return analysis::kind_name(f.kind) == kind; }));
}

const analysis::FactValue* value(const analysis::Fact& f, std::string_view label) {
    for (const auto& v : f.values)
        if (v.label == label) return &v;
    return nullptr;
}

std::string doc(double ttft_ms, double tok_s) {
    return "{\"ttft_ms\": " + std::to_string(ttft_ms) + ", \"tokens_per_second\": " + std::to_string(tok_s) + "}\n";
}

TEST(DesignDiscovery, HiveFoldersPoolRunsIntoOneDataset) {
    TempDir dir;
    // model x ctx x 3 runs; tokens/s = base(model) + ctx/512 + run offset.
    for (std::string model : {"alpha", "beta"})
        for (int ctx : {512, 1024})
            for (int run = 1; run <= 3; ++run) {
                const double tok_s = (model == "alpha" ? 100.0 : 50.0) + ctx / 512.0 + run * 0.5;
                dir.write("model=" + model + "/ctx=" + std::to_string(ctx) + "/run_" + std::to_string(run) + "/metrics.json",
                          doc(200.0 + run, tok_s));
            }
    const Analysed r = analyze_dir(dir);
    ASSERT_EQ(r.analysis.datasets.size(), 1u);
    const auto& ds = r.analysis.datasets[0];
    EXPECT_EQ(ds.files, 12u);
    EXPECT_TRUE(ds.row_per_file);
    ASSERT_NE(factor(ds, "model"), nullptr);
    ASSERT_NE(factor(ds, "ctx"), nullptr);
    ASSERT_NE(factor(ds, "run"), nullptr);
    EXPECT_EQ(factor(ds, "run")->role, analysis::layout::FactorRole::replicate);
    EXPECT_EQ(factor(ds, "ctx")->role, analysis::layout::FactorRole::setting);
    EXPECT_EQ(r.analysis.dataset_frames[ds.frame].rows.size(), 12u);
    // Cell alpha/512: 101.5, 102, 102.5 -> mean 102, n 3.
    const auto* cell = cell_fact(r.analysis, "tokens-per-second", "model=alpha, ctx=512");
    ASSERT_NE(cell, nullptr);
    EXPECT_EQ(value(*cell, "runs")->text, "3");
    EXPECT_NEAR(value(*cell, "mean tokens_per_second")->value, 102.0, 1e-9);
    const auto* best = fact(r.analysis, "design.best", "tokens-per-second");
    ASSERT_NE(best, nullptr);
    EXPECT_NE(best->statement.find("model=alpha, ctx=1024"), std::string::npos) << best->statement;
    EXPECT_NE(fact(r.analysis, "design.effect", "tokens-per-second/model"), nullptr);
    // The run index is a replicate, never an effect.
    EXPECT_EQ(fact(r.analysis, "design.effect", "tokens-per-second/run"), nullptr);
    const auto* noise = fact(r.analysis, "design.noise", "tokens-per-second");
    ASSERT_NE(noise, nullptr);
    EXPECT_NE(value(*noise, "median CV across replicates"), nullptr);
}

TEST(DesignDiscovery, TokenEncodedFolderNamesBecomeFactors) {
    TempDir dir;
    int k = 0;
    for (std::string scenario : {"chimera_homo", "baseline_vs_chimera"})
        for (int gpu : {80, 120})
            for (int run = 1; run <= 2; ++run)
                dir.write(scenario + "_gpu" + std::to_string(gpu) + "_ctx512_temp08/run_" + std::to_string(run) + "/metrics.json",
                          doc(100 + k++, 40 + gpu / 10.0));
    const Analysed r = analyze_dir(dir);
    ASSERT_EQ(r.analysis.datasets.size(), 1u);
    const auto& ds = r.analysis.datasets[0];
    const auto* gpu = factor(ds, "gpu");
    ASSERT_NE(gpu, nullptr);
    EXPECT_EQ(gpu->levels, (std::vector<std::string>{"80", "120"}));
    // ctx and temp are the same in every folder: constant, not factors.
    EXPECT_EQ(factor(ds, "ctx"), nullptr);
    EXPECT_EQ(factor(ds, "temp"), nullptr);
    bool scenario_found = false;
    for (const auto& f : ds.factors)
        if (f.levels == std::vector<std::string>{"baseline_vs_chimera", "chimera_homo"}) scenario_found = true;
    EXPECT_TRUE(scenario_found);
    EXPECT_EQ(ds.files, 8u);
}

TEST(DesignDiscovery, FileNameGridOfScalarDocumentsWithSingleRunCells) {
    TempDir dir;
    for (std::string model : {"llama-8b", "qwen-7b"})
        for (int conc : {1, 16, 64})
            dir.write("grid/" + model + "_vllm_tp8_isl4096_osl128_conc" + std::to_string(conc) + ".json",
                      "{\"mean_ttft_ms\": " + std::to_string(100 + conc * 10 + (model == "qwen-7b" ? 5 : 0)) +
                          ", \"mean_e2e_latency_ms\": " + std::to_string(2000 + conc * 30) + "}");
    const Analysed r = analyze_dir(dir);
    ASSERT_EQ(r.analysis.datasets.size(), 1u);
    const auto& ds = r.analysis.datasets[0];
    const auto* conc = factor(ds, "conc");
    ASSERT_NE(conc, nullptr);
    EXPECT_EQ(conc->levels, (std::vector<std::string>{"1", "16", "64"}));
    EXPECT_EQ(factor(ds, "tp"), nullptr);  // constant
    const auto* noise = fact(r.analysis, "design.noise", "mean-ttft-ms");
    ASSERT_NE(noise, nullptr);
    EXPECT_NE(noise->statement.find("ran once"), std::string::npos) << noise->statement;
    // conc=64 is slowest for both models: the worst cell names it.
    const auto* best = fact(r.analysis, "design.best", "mean-ttft-ms");
    ASSERT_NE(best, nullptr);
    EXPECT_NE(best->statement.find("`model=llama-8b, conc=1` at"), std::string::npos) << best->statement;
    EXPECT_NE(best->statement.find("`model=qwen-7b, conc=64` at"), std::string::npos) << best->statement;
}

TEST(DesignDiscovery, FirstCallOfEveryRunIsColdAcrossFiles) {
    TempDir dir;
    for (std::string cfg : {"a", "b"})
        for (int run = 1; run <= 3; ++run) {
            std::string csv = "call,ttft_s,load_s,tokens_per_second\n";
            csv += "1,3.0,2.8," + std::to_string(50 + run) + (cfg == "a" ? "" : ".5") + "\n";  // the first call loads the model
            for (int call = 2; call <= 6; ++call) csv += std::to_string(call) + ",0.1" + std::to_string(call) + ",0.001,80\n";
            dir.write("cfg=" + cfg + "/run_" + std::to_string(run) + "/calls.csv", csv);
        }
    const Analysed r = analyze_dir(dir);
    ASSERT_EQ(r.analysis.datasets.size(), 1u);
    const auto& f = r.analysis.dataset_frames[r.analysis.datasets[0].frame];
    EXPECT_EQ(f.rows.size(), 36u);
    std::size_t cold = 0;
    for (const auto& row : f.rows) cold += row.cold;
    EXPECT_EQ(cold, 6u);  // one per run folder, each judged against its own warm calls
    for (std::size_t i = 0; i < f.rows.size(); i += 6) EXPECT_TRUE(f.rows[i].cold) << i;
    // Rows keep their own file and line.
    EXPECT_EQ(f.source(f.rows[7]).file.str(), "cfg=a/run_2/calls.csv");
    EXPECT_EQ(f.source(f.rows[7]).line, 3);
    // The warm TTFT of cell a: mean of the per-run means of calls 2..6 (0.12..0.16) = 0.14 s.
    const auto* cell = cell_fact(r.analysis, "ttft-s", "cfg=a");
    ASSERT_NE(cell, nullptr);
    EXPECT_NEAR(value(*cell, "mean ttft_s")->value, 0.14, 1e-9);
    const auto* cold_fact = fact(r.analysis, "design.cold", "");
    ASSERT_NE(cold_fact, nullptr);
    EXPECT_EQ(value(*cold_fact, "cold calls")->text, "6");
    EXPECT_EQ(value(*cold_fact, "load-dominated")->text, "6");
}

TEST(DesignDiscovery, PathFactorComparedWithTheRecordedOption) {
    TempDir dir;
    for (int ctx : {512, 1024})
        for (int run = 1; run <= 2; ++run) {
            const int recorded = ctx == 512 && run == 2 ? 2048 : ctx;
            dir.write("ctx" + std::to_string(ctx) + "/run_" + std::to_string(run) + "/metrics.json",
                      "{\"ttft_ms\": " + std::to_string(100 + run) + ", \"tokens_per_second\": 80, \"options\": {\"num_ctx\": " +
                          std::to_string(recorded) + "}}");
        }
    const Analysed r = analyze_dir(dir);
    ASSERT_EQ(r.analysis.datasets.size(), 1u);
    const auto* f = fact(r.analysis, "design.disagreement", "ctx");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, analysis::Severity::warning);
    EXPECT_EQ(value(*f, "files that disagree")->text, "1");
    EXPECT_EQ(value(*f, "files compared")->text, "4");
    EXPECT_NE(f->statement.find("ctx512/run_2/metrics.json"), std::string::npos) << f->statement;
}

TEST(DesignDiscovery, NestedPerCallArraysPoolAsRecords) {
    TempDir dir;
    for (std::string engine : {"tokio", "smol"})
        for (int run = 1; run <= 2; ++run) {
            std::string calls;
            for (int c = 0; c < 4; ++c)
                calls += std::string(c ? "," : "") + "{\"ttft_ms\": " + std::to_string(100 + c + run) + ", \"tokens_per_second\": " +
                         std::to_string(engine == "tokio" ? 90 + c : 70 + c) + "}";
            dir.write("bench/" + engine + "/run" + std::to_string(run) + "/result.json", "{\"calls\": [" + calls + "]}");
        }
    const Analysed r = analyze_dir(dir);
    ASSERT_EQ(r.analysis.datasets.size(), 1u);
    const auto& ds = r.analysis.datasets[0];
    EXPECT_FALSE(ds.row_per_file);
    EXPECT_EQ(r.analysis.dataset_frames[ds.frame].rows.size(), 16u);
    const auto* cell = fact(r.analysis, "design.cell", "tokens-per-second/");
    ASSERT_NE(cell, nullptr);
    EXPECT_EQ(value(*cell, "runs")->text, "2");  // runs, not calls, are the replicates
}

TEST(DesignDiscovery, FailedRequestsCountedPerRun) {
    TempDir dir;
    for (std::string model : {"a", "b"})
        for (int run = 1; run <= 3; ++run) {
            const int failed = model == "b" && run == 2 ? 7 : 0;
            dir.write("serve/model=" + model + "/run_" + std::to_string(run) + "/result.json",
                      "{\"completed\": " + std::to_string(100 - failed) + ", \"failed\": " + std::to_string(failed) +
                          ", \"mean_ttft_ms\": " + std::to_string(50 + run + (model == "b" ? 10 : 0)) + "}");
        }
    const Analysed r = analyze_dir(dir);
    const auto* f = fact(r.analysis, "design.failed_requests", "");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, analysis::Severity::warning);
    EXPECT_EQ(value(*f, "runs with failed requests")->text, "1");
    EXPECT_EQ(value(*f, "failed requests")->text, "7");
    EXPECT_EQ(value(*f, "requests")->text, "600");
    EXPECT_NE(f->statement.find("serve/model=b/run_2/result.json"), std::string::npos) << f->statement;
}

TEST(DesignDiscovery, SweepsThatStopEarlyOrHoldNothingAreNamed) {
    TempDir dir;
    // Three models sweep rate 1, 2, 4; model c stops after rate 1, model d's step list is empty.
    const std::vector<std::pair<std::string, int>> models = {{"a", 3}, {"b", 3}, {"c", 1}, {"d", 0}};
    for (const auto& [model, steps] : models) {
        std::string list;
        for (int i = 0; i < steps; ++i)
            list += std::string(i ? "," : "") + "{\"configured_rps\": " + std::to_string(1 << i) + ", \"output_tps\": " +
                    std::to_string(100 * (i + 1) + model[0]) + "}";
        dir.write("sweep/" + model + "/rate_sweep.json", "{\"model\": \"" + model + "\", \"steps\": [" + list + "]}");
    }
    const Analysed r = analyze_dir(dir);
    const auto* f = fact(r.analysis, "design.coverage", "configured-rps");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(value(*f, "runs")->text, "3");
    EXPECT_EQ(value(*f, "runs that stop early")->text, "1");
    EXPECT_EQ(value(*f, "files without rows")->text, "1");
    EXPECT_NE(f->statement.find("`sweep/c/rate_sweep.json` reached 1, up to `1`"), std::string::npos) << f->statement;
    EXPECT_NE(f->statement.find("`sweep/d/rate_sweep.json`"), std::string::npos) << f->statement;
}

TEST(DesignDiscovery, UnrelatedSubsetsAreNotAStoppedSweep) {
    TempDir dir;
    // Each file covers its own two of the three levels: no file stopped a common sweep.
    const std::vector<std::pair<std::string, std::vector<int>>> files = {{"a", {1, 2}}, {"b", {2, 4}}, {"c", {1, 4}}};
    for (const auto& [name, rates] : files) {
        std::string list;
        for (std::size_t i = 0; i < rates.size(); ++i)
            list += std::string(i ? "," : "") + "{\"configured_rps\": " + std::to_string(rates[i]) + ", \"output_tps\": " +
                    std::to_string(100 * rates[i] + name[0]) + "}";
        dir.write("sweep/" + name + "/rate_sweep.json", "{\"steps\": [" + list + "]}");
    }
    const Analysed r = analyze_dir(dir);
    ASSERT_EQ(r.analysis.datasets.size(), 1u);
    EXPECT_EQ(fact(r.analysis, "design.coverage", ""), nullptr);
}

TEST(DesignDiscovery, LoneDocumentMakesNoDataset) {
    TempDir dir;
    dir.write("only/metrics.json", doc(100, 80));
    dir.write("other/table.csv", "model,tokens_per_second\na,1\nb,2\n");
    const Analysed r = analyze_dir(dir);
    EXPECT_TRUE(r.analysis.datasets.empty());
    EXPECT_EQ(count_kind(r.analysis, "design.dataset"), 0u);
}

}  // namespace
