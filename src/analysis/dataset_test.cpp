// Pooling the frames of same-shaped files into datasets. Per-file frames are built by hand as
// build_frames would make them (one-row documents, or tables of records).
#include "analysis/dataset.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/fact.hpp"

namespace analysis {
namespace {

using model::Quantity;

const Measure kTtft{"ttft_s", Quantity::time, "s"};
const Measure kTokens{"tokens_s", Quantity::throughput, "tok/s"};

/// The one-row frame of a JSON document of scalars, with its constant fields as context.
Frame document(const std::string& path, double ttft, double tokens, std::vector<std::pair<std::string, std::string>> context = {}) {
    Frame f;
    f.file = path;
    f.label = path;
    f.id = slug(path) + "-document";
    f.document = true;
    f.measures = {kTtft, kTokens};
    f.context = std::move(context);
    add_row(f, FrameRow{}, {}, {ttft, tokens});
    return f;
}

/// model=a|b / run_1..3: ttft = 1 (a) or 2 (b) plus run / 10; tokens = 100 * ttft.
std::vector<Frame> model_runs() {
    std::vector<Frame> frames;
    for (const char* model : {"b", "a"})  // out of order: pooling sorts paths naturally
        for (int run = 1; run <= 3; ++run) {
            const double ttft = (model[0] == 'a' ? 1.0 : 2.0) + run / 10.0;
            frames.push_back(document(std::string("model=") + model + "/run_" + std::to_string(run) + "/m.json", ttft, 100 * ttft));
        }
    return frames;
}

const DatasetFactor* factor(const Dataset& ds, const std::string& name) {
    for (const auto& f : ds.factors)
        if (f.name == name) return &f;
    return nullptr;
}

TEST(Dataset, PathFactorsBecomeDimensionsWithTheirRoles) {
    std::vector<Frame> frames = model_runs();
    const Pooled pooled = pool_datasets(frames);
    ASSERT_EQ(pooled.datasets.size(), 1u);
    ASSERT_EQ(pooled.frames.size(), 1u);
    const Dataset& ds = pooled.datasets[0];
    const Frame& f = pooled.frames[0];
    EXPECT_EQ(ds.pattern, "model={model}/run_{run}/m.json");
    EXPECT_EQ(ds.id, "dataset-" + slug(ds.pattern));
    EXPECT_EQ(f.id, ds.id);
    EXPECT_EQ(ds.files, 6u);
    EXPECT_EQ(ds.frame, 0u);
    EXPECT_EQ(f.dataset, 0);
    EXPECT_TRUE(ds.row_per_file);
    EXPECT_EQ(ds.example, "model=a/run_1/m.json");
    EXPECT_EQ(f.dim_names, (std::vector<std::string>{"model", "run"}));
    EXPECT_EQ(f.role_of(0), DimRole::category);
    EXPECT_EQ(f.role_of(1), DimRole::replicate);
    EXPECT_FALSE(f.is_config_dim(1));
    ASSERT_NE(factor(ds, "run"), nullptr);
    EXPECT_EQ(factor(ds, "run")->role, layout::FactorRole::replicate);
    EXPECT_EQ(factor(ds, "run")->levels, (std::vector<std::string>{"1", "2", "3"}));
    EXPECT_EQ(factor(ds, "model")->origin, "folder");
    ASSERT_TRUE(f.roles.has_value());
    EXPECT_EQ(f.roles->ttft, 0);
    // One row per file, in natural path order, each keeping its file and values.
    ASSERT_EQ(f.rows.size(), 6u);
    ASSERT_EQ(f.files.size(), 6u);
    EXPECT_EQ(f.file_of(f.rows[4]).str(), "model=b/run_2/m.json");
    EXPECT_EQ(f.source(f.rows[4]).file.str(), "model=b/run_2/m.json");
    EXPECT_EQ(f.dim(f.rows[4], 0), "b");
    EXPECT_EQ(f.dim(f.rows[4], 1), "2");
    EXPECT_DOUBLE_EQ(f.value(f.rows[4], 0), 2.2);   // 2 + 2 / 10
    EXPECT_DOUBLE_EQ(f.value(f.rows[4], 1), 220.0);
    EXPECT_DOUBLE_EQ(f.value(f.rows[0], 0), 1.1);   // model=a/run_1
    // The documents exist only to be pooled: they leave the per-file frames.
    EXPECT_TRUE(frames.empty());
}

TEST(Dataset, RecordRowsKeepTheirFileLineJsonPathAndFailure) {
    std::vector<Frame> frames;
    for (const char* cfg : {"a", "b"})
        for (int run = 1; run <= 2; ++run) {
            Frame f;
            f.file = std::string("cfg=") + cfg + "/run_" + std::to_string(run) + "/calls.json";
            f.label = f.file;
            f.id = slug(f.file);
            f.locator = "results";
            f.measures = {kTtft};
            for (long long k = 0; k < 3; ++k) {
                FrameRow row;
                add_row(f, row, {}, {0.1 * static_cast<double>(k + 1) + run});
                f.set_json_path(f.rows.back(), "results[" + std::to_string(k) + "]");
            }
            if (run == 2) {
                f.rows[1].failed = true;
                f.set_failure_reason(f.rows[1], "error: timeout");
            }
            frames.push_back(std::move(f));
        }
    const Pooled pooled = pool_datasets(frames);
    ASSERT_EQ(pooled.datasets.size(), 1u);
    const Frame& f = pooled.frames[0];
    EXPECT_EQ(f.label, pooled.datasets[0].pattern + " [results]");
    EXPECT_FALSE(pooled.datasets[0].row_per_file);
    ASSERT_EQ(f.rows.size(), 12u);
    // Row 4: cfg=a/run_2, its second record, failed.
    EXPECT_EQ(f.source(f.rows[4]).file.str(), "cfg=a/run_2/calls.json");
    EXPECT_EQ(f.source(f.rows[4]).json_path.str(), "results[1]");
    EXPECT_TRUE(f.rows[4].failed);
    EXPECT_EQ(f.failure_reason(f.rows[4]), "error: timeout");
    EXPECT_FALSE(f.rows[3].failed);
    EXPECT_DOUBLE_EQ(f.value(f.rows[4], 0), 2.2);  // 0.1 * 2 + run 2
    // Table frames stay for the per-table analyzers.
    EXPECT_EQ(frames.size(), 4u);
}

TEST(Dataset, FieldThatRepeatsAPathFactorIsADuplicate) {
    // model.name is "Alpha" wherever the folder says model=a and "Beta" for b: one factor read twice.
    std::vector<Frame> frames;
    for (const char* model : {"a", "b"})
        for (int run = 1; run <= 2; ++run)
            frames.push_back(document(std::string("model=") + model + "/run_" + std::to_string(run) + "/m.json", 1, 2,
                                      {{"model.name", model[0] == 'a' ? "Alpha" : "Beta"}}));
    const Pooled pooled = pool_datasets(frames);
    ASSERT_EQ(pooled.datasets.size(), 1u);
    const Frame& f = pooled.frames[0];
    const int e = f.dim_index("model.name");
    ASSERT_GE(e, 0);
    EXPECT_EQ(f.role_of(static_cast<std::size_t>(e)), DimRole::duplicate);
    EXPECT_NE(factor(pooled.datasets[0], "model")->rule.find("also recorded as model.name"), std::string::npos);
    EXPECT_EQ(factor(pooled.datasets[0], "model.name"), nullptr);  // not a factor of its own
}

TEST(Dataset, PathFactorTakesItsNameBackFromAFieldThatRepeatsIt) {
    // A record field named like the path factor: the factor is read as "model (path)", then, the
    // field only repeating it, keeps "model" and the field becomes "model (recorded)".
    std::vector<Frame> frames;
    for (const char* model : {"a", "b"})
        for (int run = 1; run <= 2; ++run)
            frames.push_back(document(std::string("model=") + model + "/run_" + std::to_string(run) + "/m.json", 1, 2,
                                      {{"model", std::string("org/") + model}}));
    const Pooled pooled = pool_datasets(frames);
    ASSERT_EQ(pooled.datasets.size(), 1u);
    const Frame& f = pooled.frames[0];
    EXPECT_EQ(f.dim_names, (std::vector<std::string>{"model", "run", "model (recorded)"}));
    EXPECT_EQ(f.role_of(2), DimRole::duplicate);
    EXPECT_EQ(pooled.datasets[0].factors[0].name, "model");
}

TEST(Dataset, FieldDeterminedByThePathFactorsIsADescriptorAndAVaryingFieldAFactor) {
    // engine x conc x 2 runs. config is one name per (engine, conc) cell: a descriptor.
    // prompt varies inside a cell, and not with the run index alone (sglang's run 1 is "short",
    // vllm's "long"): a factor of its own.
    std::vector<Frame> frames;
    for (const char* engine : {"sglang", "vllm"})
        for (const char* conc : {"1", "8"})
            for (int run = 1; run <= 2; ++run)
                frames.push_back(document(std::string("engine=") + engine + "/conc=" + conc + "/run_" + std::to_string(run) + "/m.json", 1, 2,
                                          {{"config", std::string(engine) + "-c" + conc}, {"prompt", (run == 1) == (engine[0] == 's') ? "short" : "long"}}));
    const Pooled pooled = pool_datasets(frames);
    ASSERT_EQ(pooled.datasets.size(), 1u);
    const Dataset& ds = pooled.datasets[0];
    const Frame& f = pooled.frames[0];
    EXPECT_EQ(ds.descriptors, (std::vector<std::string>{"config"}));
    EXPECT_EQ(f.role_of(static_cast<std::size_t>(f.dim_index("config"))), DimRole::duplicate);
    const DatasetFactor* prompt = factor(ds, "prompt");
    ASSERT_NE(prompt, nullptr);
    EXPECT_EQ(prompt->origin, "record field");
    EXPECT_EQ(prompt->levels, (std::vector<std::string>{"long", "short"}));
    EXPECT_TRUE(f.is_config_dim(static_cast<std::size_t>(f.dim_index("prompt"))));
    EXPECT_EQ(factor(ds, "conc")->role, layout::FactorRole::setting);
}

TEST(Dataset, TimestampFieldIsASession) {
    std::vector<Frame> frames;
    for (int run = 1; run <= 3; ++run)
        frames.push_back(document("r/run_" + std::to_string(run) + "/m.json", 1, 2,
                                  {{"generated_at", "2025-01-0" + std::to_string(run) + "T10:00:00Z"}}));
    const Pooled pooled = pool_datasets(frames);
    ASSERT_EQ(pooled.datasets.size(), 1u);
    const Frame& f = pooled.frames[0];
    EXPECT_EQ(f.role_of(static_cast<std::size_t>(f.dim_index("generated_at"))), DimRole::session);
    EXPECT_EQ(factor(pooled.datasets[0], "generated_at"), nullptr);
}

TEST(Dataset, DisagreementBetweenANumericPathFactorAndTheRecordedValueIsCounted) {
    // ctx512/run_2 records num_ctx 2048; the other three files agree with their folder.
    std::vector<Frame> frames;
    for (int ctx : {512, 1024})
        for (int run = 1; run <= 2; ++run) {
            const int recorded = ctx == 512 && run == 2 ? 2048 : ctx;
            frames.push_back(document("ctx" + std::to_string(ctx) + "/run_" + std::to_string(run) + "/m.json", 1, 2,
                                      {{"options.num_ctx", std::to_string(recorded)}}));
        }
    const Pooled pooled = pool_datasets(frames);
    ASSERT_EQ(pooled.datasets.size(), 1u);
    const Dataset& ds = pooled.datasets[0];
    ASSERT_EQ(ds.disagreements.size(), 1u);
    const FactorDisagreement& d = ds.disagreements[0];
    EXPECT_EQ(d.factor, "ctx");
    EXPECT_EQ(d.field, "options.num_ctx");
    EXPECT_EQ(d.files, 4u);
    EXPECT_EQ(d.disagree, 1u);
    EXPECT_EQ(d.example, "ctx512/run_2/m.json: path ctx=512, data options.num_ctx=2048");
    EXPECT_EQ(d.example_source.file.str(), "ctx512/run_2/m.json");
}

TEST(Dataset, RecordedCountMeasureThatAgreesIsComparedToo) {
    // A measure of plain numbers (a count) named like the factor: compared, and all agree.
    std::vector<Frame> frames;
    for (int conc : {1, 8})
        for (int run = 1; run <= 2; ++run) {
            Frame f = document("conc" + std::to_string(conc) + "/run_" + std::to_string(run) + "/m.json", 1, 2);
            f.measures.push_back(Measure{"max_concurrency", Quantity::count, ""});
            f.fit_storage();
            f.own_value(0, 2) = conc;
            frames.push_back(std::move(f));
        }
    const Pooled pooled = pool_datasets(frames);
    ASSERT_EQ(pooled.datasets.size(), 1u);
    ASSERT_EQ(pooled.datasets[0].disagreements.size(), 1u);
    EXPECT_EQ(pooled.datasets[0].disagreements[0].field, "max_concurrency");
    EXPECT_EQ(pooled.datasets[0].disagreements[0].files, 4u);
    EXPECT_EQ(pooled.datasets[0].disagreements[0].disagree, 0u);
}

TEST(Dataset, LoneDocumentIsDroppedAndMakesNoDataset) {
    std::vector<Frame> frames{document("results/m.json", 1, 2)};
    Frame table;
    table.file = "other/calls.csv";
    table.measures = {kTtft};
    add_row(table, FrameRow{}, {}, {0.1});
    frames.push_back(table);
    const Pooled pooled = pool_datasets(frames);
    EXPECT_TRUE(pooled.datasets.empty());
    EXPECT_TRUE(pooled.frames.empty());
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].file.str(), "other/calls.csv");
}

TEST(Dataset, NarrativeAndDifferentlyShapedFramesAreNotPooled) {
    std::vector<Frame> frames = model_runs();
    for (auto& f : frames) f.document = false;
    frames[0].narrative = true;                      // a Markdown table: a claim, never pooled
    frames[1].measures[1].name = "tokens_per_second";  // another schema
    const Pooled pooled = pool_datasets(frames);
    // The other four files still pool: model=a/run_1..3 and model=b/run_3.
    ASSERT_EQ(pooled.datasets.size(), 1u);
    EXPECT_EQ(pooled.datasets[0].files, 4u);
    EXPECT_EQ(frames.size(), 6u);
}

TEST(Dataset, EmptyInputMakesNothing) {
    std::vector<Frame> frames;
    const Pooled pooled = pool_datasets(frames);
    EXPECT_TRUE(pooled.datasets.empty());
}

TEST(DatasetSignature, LocatorDigitsAndTheOrderOfNamesDoNotMatter) {
    // A digit run reads as one '#': "runs[3]", "runs[7]" and "runs[12]" share a shape.
    Frame a;
    a.locator = "runs[3].calls";
    a.measures = {kTokens, kTtft};
    a.dim_names = {"prompt"};
    a.context = {{"model", "x"}};
    Frame b = a;
    b.locator = "runs[7].calls";
    b.measures = {kTtft, kTokens};
    EXPECT_EQ(frame_signature(a), frame_signature(b));
    EXPECT_EQ(frame_signature(a), "runs[#].calls|tokens_s,ttft_s,|model,prompt,");
    Frame c = b;
    c.locator = "runs[12].calls";
    EXPECT_EQ(frame_signature(c), frame_signature(a));
    b.context.clear();  // context keys are part of the schema
    EXPECT_NE(frame_signature(a), frame_signature(b));
}

}  // namespace
}  // namespace analysis
