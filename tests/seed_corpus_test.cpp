// Acceptance on the real folder the original agent analysed (../shared/corpus/seed-reports). It is
// present on developer machines and in CI; elsewhere these tests skip and say why. Expected values
// were computed independently from the raw CSV files (python3 csv module) and are quoted here.
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

fs::path seed_dir() { return testing_support::shared_path("corpus/seed-reports"); }

class SeedCorpus : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        folder_.load(seed_dir());
        corpus_ = folder_.corpus.get();
        analysis_ = folder_.analysis.get();
    }
    static void TearDownTestSuite() {
        folder_.reset();
        corpus_ = nullptr;
        analysis_ = nullptr;
    }
    void SetUp() override {
        if (!fs::exists(seed_dir())) GTEST_SKIP() << "seed corpus not present at " << seed_dir() << " (it ships only with shared/)";
        ASSERT_NE(corpus_, nullptr) << "ingest of the seed corpus failed";
    }
    const model::FileEntry& file(const std::string& path) {
        for (const auto& f : corpus_->files)
            if (f.path == path) return f;
        static model::FileEntry none;
        ADD_FAILURE() << "no file " << path;
        return none;
    }
    const model::Table& table(const std::string& path) {
        for (const auto& t : corpus_->tables)
            if (t.file == path) return t;
        static model::Table none;
        ADD_FAILURE() << "no table " << path;
        return none;
    }
    const analysis::Fact& fact(const std::string& id) {
        const auto* f = analysis::find_fact(*analysis_, id);
        static analysis::Fact none;
        if (!f) ADD_FAILURE() << "no fact " << id;
        return f ? *f : none;
    }
    static testing_support::AnalysedFolder folder_;
    static model::Corpus* corpus_;
    static analysis::Analysis* analysis_;
};
testing_support::AnalysedFolder SeedCorpus::folder_;
model::Corpus* SeedCorpus::corpus_ = nullptr;
analysis::Analysis* SeedCorpus::analysis_ = nullptr;

TEST_F(SeedCorpus, EveryFileAccountedForWithCountsPerKind) {
    std::size_t csv = 0, json = 0, md = 0, other = 0, parsed = 0, skipped = 0;
    for (const auto& f : corpus_->files) {
        csv += f.kind == model::FileKind::csv;
        json += f.kind == model::FileKind::json;
        md += f.kind == model::FileKind::markdown;
        other += f.kind == model::FileKind::other;
        parsed += f.status == model::FileStatus::parsed;
        skipped += f.status == model::FileStatus::skipped;
        if (f.status != model::FileStatus::parsed) EXPECT_FALSE(f.reason.empty()) << f.path;
    }
    EXPECT_EQ(corpus_->files.size(), 108u);
    EXPECT_EQ(csv, 28u);
    EXPECT_EQ(json, 44u);
    EXPECT_EQ(md, 29u);
    EXPECT_EQ(other, 7u);
    EXPECT_EQ(parsed + skipped, 108u);
}

TEST_F(SeedCorpus, DuplicatesByContent) {
    EXPECT_EQ(file("outputs/reports/llama3/ollama_quant_bench.csv").duplicate_of, "data/csv/ollama_quant_bench.csv");
    EXPECT_EQ(file("outputs/reports/llama3/ollama_param_tuning.csv").duplicate_of, "data/csv/ollama_param_tuning.csv");
    EXPECT_EQ(file("outputs/reports/ollama/ollama_benchmark_summary.md").duplicate_of,
              "outputs/reports/llama3/ollama_benchmark_summary.md");
    EXPECT_EQ(file("outputs/reports/profiling/ncu_ollama.sqlite.ncu-rep").duplicate_of,
              "outputs/reports/profiling/ncu_ollama.ncu-rep");
}

TEST_F(SeedCorpus, Utf16BehindBrokenBomIsDecoded) {
    EXPECT_EQ(file("outputs/reports/profiling/ncu_summary.csv").encoding, "utf-16le-mangled-bom");
}

TEST_F(SeedCorpus, UnitsOfSweepColumns) {
    for (const char* path : {"outputs/reports/gemma3/gemma3_param_tuning.csv", "data/csv/ollama_param_tuning.csv"}) {
        const auto& t = table(path);
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const auto& m = t.meanings[c];
            const auto& name = t.columns[c];
            if (name == "ttft_s" || name == "load_s" || name == "eval_s") {
                EXPECT_EQ(m.unit.quantity, model::Quantity::time) << path << " " << name;
                EXPECT_DOUBLE_EQ(m.unit.to_canonical, 1.0);
            }
            if (name == "tokens_s") EXPECT_EQ(m.unit.quantity, model::Quantity::throughput) << path;
            if (name == "eval_count") EXPECT_EQ(m.unit.quantity, model::Quantity::tokens) << path;
            if (name == "temperature" || name == "num_gpu" || name == "num_ctx")
                EXPECT_EQ(m.role, model::Role::dimension) << path << " " << name;
            if (name == "error") EXPECT_EQ(m.role, model::Role::error) << path;
        }
    }
}

TEST_F(SeedCorpus, CompilationBackendsInMillisecondsAndFailedBackendFlagged) {
    std::size_t seen = 0, failed = 0;
    for (const auto& s : corpus_->scalars) {
        if (s.source.file != "outputs/reports/compilation/transformer_cuda_bench_20251002-172126.json" ||
            s.pattern != "backends.*.benchmark.mean_time_ms")
            continue;
        ++seen;
        EXPECT_EQ(s.meaning.unit.quantity, model::Quantity::time);
        EXPECT_DOUBLE_EQ(s.meaning.unit.to_canonical, 1e-3);
        if (s.source.json_path.str().find("torch_compile") != std::string::npos) {
            EXPECT_TRUE(s.failed);
            EXPECT_NE(s.failure_reason.find("triton"), std::string::npos);
            ++failed;
        }
    }
    EXPECT_EQ(seen, 5u);
    EXPECT_EQ(failed, 1u);
}

TEST_F(SeedCorpus, FailedOllamaRunFoldersIdentified) {
    for (const char* folder : {"outputs/reports/ollama/20251002-151204", "outputs/reports/ollama/20251002-151446",
                               "outputs/reports/ollama/20251002-151527", "outputs/reports/ollama/20251002-151615",
                               "outputs/reports/ollama/20251008-122701", "outputs/reports/ollama/20251008-122714",
                               "outputs/reports/ollama/20251008-122728"}) {
        std::string id = "quality/failed-folder/" + analysis::slug(folder);
        EXPECT_NE(analysis::find_fact(*analysis_, id), nullptr) << id;
    }
    // The two runs that worked are not called failed.
    EXPECT_EQ(analysis::find_fact(*analysis_, "quality/failed-folder/" + analysis::slug("outputs/reports/ollama/20251002-151824")), nullptr);
    const auto& t = table("outputs/reports/ollama/20251002-151527/prompt_suite_runs.csv");
    ASSERT_EQ(t.rows.size(), 15u);
    for (const auto& r : t.rows) EXPECT_NE(r.failure_reason.find("missing an 'http://'"), std::string::npos);
}

TEST_F(SeedCorpus, SweepExtremesMatchHandComputation) {
    // python3: max/min of tokens_s over rows with an empty error column.
    const auto& gemma = fact("sweep-range/" + analysis::slug("outputs/reports/gemma3/gemma3_param_tuning.csv") + "/tokens-s");
    ASSERT_GE(gemma.values.size(), 2u);
    EXPECT_NEAR(gemma.values[0].value, 103.15646723891811, 1e-9);
    EXPECT_NEAR(gemma.values[1].value, 100.75506258712365, 1e-9);
    EXPECT_NE(gemma.statement.find("num_gpu=60, num_ctx=2048, temperature=0.8"), std::string::npos);
    const auto& llama = fact("sweep-range/" + analysis::slug("data/csv/ollama_param_tuning.csv") + "/tokens-s");
    ASSERT_GE(llama.values.size(), 2u);
    EXPECT_NEAR(llama.values[0].value, 78.42, 1e-9);
    EXPECT_NEAR(llama.values[1].value, 76.93, 1e-9);
    const auto& small = fact("sweep-range/" + analysis::slug("outputs/reports/gemma3/gemma3_270m_param_tuning.csv") + "/tokens-s");
    ASSERT_GE(small.values.size(), 2u);
    EXPECT_NEAR(small.values[0].value, 303.89820959263636, 1e-9);
}

TEST_F(SeedCorpus, TtftSpikesAreReloadsNotTemperature) {
    const auto& f = fact("cold-start-confounded/" + analysis::slug("outputs/reports/gemma3/gemma3_param_tuning.csv") + "/temperature");
    EXPECT_NE(f.statement.find("temperature=0.2"), std::string::npos);
    EXPECT_NE(f.statement.find("reload order"), std::string::npos);
}

TEST_F(SeedCorpus, NarrativeNumbersAreAllFacts) {
    report::ReportContext context;
    context.date = "2000-01-01 00:00:00 UTC";
    auto md = report::render_report_markdown(*analysis_, *corpus_, context);
    auto bad = report::untraceable_numbers(md, *analysis_);
    EXPECT_TRUE(bad.empty()) << bad.size() << " untraceable numbers, first: " << (bad.empty() ? "" : bad.front());
}

// A report a person reads: the seed corpus (108 files) fits in 400 lines without the appendix.
TEST_F(SeedCorpus, ReportFitsFourHundredLines) {
    report::ReportContext context;
    context.date = "2000-01-01 00:00:00 UTC";
    auto md = report::render_report_markdown(*analysis_, *corpus_, context);
    EXPECT_LE(std::count(md.begin(), md.end(), '\n'), 400);
    EXPECT_EQ(md.find("## Appendix: Facts"), std::string::npos);
    EXPECT_EQ(md.find("This report was cut here"), std::string::npos);  // caps, not the guard, keep it short
}

}  // namespace
