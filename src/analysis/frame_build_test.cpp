// build_frames over a corpus built by hand: tables, keyed JSON scalars and JSON documents.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "analysis/fact.hpp"
#include "analysis/frame.hpp"

namespace analysis {
namespace {

using model::Quantity;
using model::Role;

model::FileEntry parsed(std::string path, model::FileKind kind = model::FileKind::csv) {
    model::FileEntry e;
    e.path = std::move(path);
    e.kind = kind;
    e.status = model::FileStatus::parsed;
    return e;
}

model::Meaning dimension() { return model::Meaning{Role::dimension, {}, "test"}; }
model::Meaning measurement(Quantity q, double to_canonical, std::string unit) {
    return model::Meaning{Role::measurement, model::Unit{q, to_canonical, std::move(unit)}, "test"};
}

/// A cell as a reader makes it: a number when the whole text parses as one.
model::Cell cell(const std::string& text) {
    char* end = nullptr;
    const double v = text.empty() ? std::nan("") : std::strtod(text.c_str(), &end);
    const bool number = !text.empty() && end == text.c_str() + text.size();
    return model::Cell{text, number ? v : std::nan(""), number};
}

model::Row row(long long line, const std::vector<std::string>& texts) {
    model::Row r;
    r.line = line;
    for (const auto& t : texts) r.cells.push_back(cell(t));
    return r;
}

/// model (constant), num_ctx, ttft_ms (ms -> s) and tokens_s; the third row failed.
model::Table calls_table() {
    model::Table t;
    t.file = "runs/gemma.csv";
    t.columns = {"model", "num_ctx", "ttft_ms", "tokens_s"};
    t.meanings = {dimension(), dimension(), measurement(Quantity::time, 0.001, "ms"), measurement(Quantity::throughput, 1.0, "tok/s")};
    t.rows = {row(2, {"gemma3", "1024", "200", "50"}), row(3, {"gemma3", "2048", "300", "40"}), row(4, {"gemma3", "1024", "", ""})};
    t.rows[2].failed = true;
    t.rows[2].failure_reason = "error: connection refused";
    return t;
}

model::Corpus corpus_of(std::vector<model::Table> tables) {
    model::Corpus c;
    for (const auto& t : tables)
        if (c.files.empty() || c.files.back().path != t.file.str()) c.files.push_back(parsed(t.file.str()));
    c.tables = std::move(tables);
    return c;
}

void expect_calls_frame(const Frame& f) {
    EXPECT_EQ(f.file.str(), "runs/gemma.csv");
    EXPECT_EQ(f.label, "runs/gemma.csv");
    EXPECT_EQ(f.id, slug("runs/gemma.csv"));
    EXPECT_FALSE(f.derived);
    // model is the same in every row: context, not a dimension.
    EXPECT_EQ(f.context, (std::vector<std::pair<std::string, std::string>>{{"model", "gemma3"}}));
    EXPECT_EQ(f.dim_names, (std::vector<std::string>{"num_ctx"}));
    EXPECT_EQ(f.dim_is_setting, (std::vector<bool>{true}));
    ASSERT_EQ(f.measures.size(), 2u);
    EXPECT_EQ(f.measures[0].name, "ttft_ms");
    EXPECT_EQ(f.measures[0].quantity, Quantity::time);
    EXPECT_EQ(f.measures[0].original_unit, "ms");
    EXPECT_EQ(f.measures[0].key, "ttft_ms");
    ASSERT_EQ(f.rows.size(), 3u);
    // 200 ms and 300 ms in canonical seconds; the failed row's empty cells are missing, not 0.
    EXPECT_DOUBLE_EQ(f.value(f.rows[0], 0), 0.2);
    EXPECT_DOUBLE_EQ(f.value(f.rows[1], 0), 0.3);
    EXPECT_TRUE(std::isnan(f.value(f.rows[2], 0)));
    EXPECT_DOUBLE_EQ(f.value(f.rows[1], 1), 40.0);
    EXPECT_TRUE(std::isnan(f.value(f.rows[2], 1)));
    EXPECT_EQ(f.dim(f.rows[1], 0), "2048");
    EXPECT_EQ(f.code(f.rows[2], 0), f.code(f.rows[0], 0));  // both 1024
    EXPECT_FALSE(f.rows[0].failed);
    EXPECT_TRUE(f.rows[2].failed);
    EXPECT_EQ(f.failure_reason(f.rows[2]), "error: connection refused");
    EXPECT_EQ(f.source(f.rows[1]).line, 3);
    ASSERT_TRUE(f.roles.has_value());
    EXPECT_EQ(f.roles->ttft, 0);
    EXPECT_EQ(f.roles->throughput, 1);
}

TEST(FrameBuild, TableBecomesFrameWithCanonicalValuesAndConstantDimensionsAsContext) {
    const model::Corpus c = corpus_of({calls_table()});
    const auto frames = build_frames(c);
    ASSERT_EQ(frames.size(), 1u);
    expect_calls_frame(frames[0]);
}

TEST(FrameBuild, CompactedTableGivesTheSameFrameAndViewsCanonicalColumns) {
    model::Corpus c = corpus_of({calls_table()});
    c.tables[0].compact();
    const auto frames = build_frames(c);
    ASSERT_EQ(frames.size(), 1u);
    expect_calls_frame(frames[0]);
    // tokens_s is already in tok/s: the frame views the table's column instead of copying it.
    EXPECT_EQ(frames[0].columns[1], c.tables[0].values[3].numbers.data());
    EXPECT_NE(frames[0].columns[0], c.tables[0].values[2].numbers.data());
}

TEST(FrameBuild, TextOrMixedDimensionIsNotASetting) {
    model::Table t = calls_table();
    t.columns[0] = "backend";
    t.rows[0].cells[0] = cell("cpu");
    t.rows[1].cells[0] = cell("cuda");
    t.rows[2].cells[1] = cell("auto");  // num_ctx now 1024, 2048, auto
    const auto frames = build_frames(corpus_of({t}));
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].dim_names, (std::vector<std::string>{"backend", "num_ctx"}));
    EXPECT_EQ(frames[0].dim_is_setting, (std::vector<bool>{false, false}));
    // The third row's backend "gemma3" is a third level.
    EXPECT_EQ(frames[0].levels_of(0).size(), 3u);
}

TEST(FrameBuild, MostlyAggregateColumnsMakeADerivedFrame) {
    // Quantified measures: mean_tokens_s (aggregate) and ttft_s: 1 of 2 aggregates -> derived.
    model::Table t;
    t.file = "summary.csv";
    t.columns = {"mean_tokens_s", "ttft_s", "runs"};
    t.meanings = {measurement(Quantity::throughput, 1, "tok/s"), measurement(Quantity::time, 1, "s"), measurement(Quantity::count, 1, "")};
    t.rows = {row(2, {"50", "0.1", "3"})};
    auto frames = build_frames(corpus_of({t}));
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_TRUE(frames[0].derived);
    // A second raw measure: 1 of 3 -> raw. Counts never vote.
    t.columns.push_back("tokens_s");
    t.meanings.push_back(measurement(Quantity::throughput, 1, "tok/s"));
    t.rows[0].cells.push_back(cell("51"));
    frames = build_frames(corpus_of({t}));
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_FALSE(frames[0].derived);
}

TEST(FrameBuild, MarkdownTablesAreNarrativeAndDerived) {
    model::Table t = calls_table();
    t.file = "notes/README.md";
    t.locator = "Results";
    model::Corpus c;
    c.files = {parsed("notes/README.md", model::FileKind::markdown)};
    c.tables = {t};
    const auto frames = build_frames(c);
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_TRUE(frames[0].narrative);
    EXPECT_TRUE(frames[0].derived);
    EXPECT_EQ(frames[0].label, "notes/README.md [Results]");
}

TEST(FrameBuild, SkippedDuplicateEmptyAndMeasurelessTablesMakeNoFrame) {
    model::Table skipped = calls_table();
    skipped.file = "a/skipped.csv";
    model::Table duplicate = calls_table();
    duplicate.file = "b/copy.csv";
    model::Table empty = calls_table();
    empty.file = "c/empty.csv";
    empty.rows.clear();
    model::Table no_measures = calls_table();
    no_measures.file = "d/dims.csv";
    no_measures.meanings = {dimension(), dimension(), dimension(), dimension()};
    model::Corpus c = corpus_of({skipped, duplicate, empty, no_measures});
    c.files[0].status = model::FileStatus::skipped;
    c.files[1].duplicate_of = "runs/gemma.csv";
    EXPECT_TRUE(build_frames(c).empty());
}

TEST(FrameBuild, MultiLineRecordOwnsTheLinesUpToTheNext) {
    model::Table t = calls_table();
    t.rows[1].line = 5;  // record 1 starts on line 2 and runs to line 4
    t.rows[2].line = 6;
    const auto frames = build_frames(corpus_of({t}));
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].rows[0].line_end, 4);
    EXPECT_EQ(frames[0].rows[1].line_end, 0);
}

model::Scalar scalar(std::string file, std::string path, std::string pattern, double value, model::Meaning meaning,
                     std::vector<std::pair<std::string, std::string>> dims) {
    model::Scalar s;
    s.source = model::Source{file, 0, path};
    s.key = path.substr(path.rfind('.') + 1);
    s.pattern = std::move(pattern);
    s.value = value;
    s.meaning = std::move(meaning);
    s.dimensions = std::move(dims);
    return s;
}

TEST(FrameBuild, KeyedJsonScalarsBecomeOneRowPerLevel) {
    model::Corpus c;
    c.files = {parsed("compile.json", model::FileKind::json)};
    const auto ms = measurement(Quantity::time, 0.001, "ms");
    c.scalars = {
        scalar("compile.json", "backends.onnx.mean_time_ms", "backends.*.mean_time_ms", 1.5, ms, {{"device", "cuda"}, {"backend", "onnx"}}),
        scalar("compile.json", "backends.tvm.mean_time_ms", "backends.*.mean_time_ms", 0, ms, {{"device", "cuda"}, {"backend", "tvm"}}),
        scalar("compile.json", "backends.onnx.p95_time_ms", "backends.*.p95_time_ms", 2.5, ms, {{"device", "cuda"}, {"backend", "onnx"}}),
    };
    c.scalars[1].failed = true;
    c.scalars[1].failure_reason = "compilation failed";
    const auto frames = build_frames(c);
    ASSERT_EQ(frames.size(), 1u);  // keyed scalars make no document frame
    const Frame& f = frames[0];
    EXPECT_EQ(f.locator, "backends.*");
    EXPECT_EQ(f.label, "compile.json [backends.*]");
    EXPECT_EQ(f.dim_names, (std::vector<std::string>{"backend"}));
    EXPECT_EQ(f.context, (std::vector<std::pair<std::string, std::string>>{{"device", "cuda"}}));
    ASSERT_EQ(f.measures.size(), 2u);
    EXPECT_EQ(f.measures[0].name, "mean_time_ms");
    EXPECT_EQ(f.measures[1].name, "p95_time_ms");
    ASSERT_EQ(f.rows.size(), 2u);
    EXPECT_EQ(f.dim(f.rows[0], 0), "onnx");
    EXPECT_EQ(f.json_path(f.rows[0]).str(), "backends.onnx");
    EXPECT_DOUBLE_EQ(f.value(f.rows[0], 0), 0.0015);
    EXPECT_DOUBLE_EQ(f.value(f.rows[0], 1), 0.0025);
    EXPECT_TRUE(std::isnan(f.value(f.rows[1], 1)));  // tvm has no p95
    EXPECT_TRUE(f.rows[1].failed);
    EXPECT_EQ(f.failure_reason(f.rows[1]), "compilation failed");
}

TEST(FrameBuild, JsonDocumentOfScalarsIsOneRowFrame) {
    model::Corpus c;
    c.files = {parsed("model=a/run_1/m.json", model::FileKind::json), parsed("only_dims.json", model::FileKind::json)};
    c.scalars = {
        scalar("model=a/run_1/m.json", "ttft_ms", "ttft_ms", 120, measurement(Quantity::time, 0.001, "ms"), {}),
        scalar("model=a/run_1/m.json", "num_ctx", "num_ctx", 512, dimension(), {}),
        scalar("model=a/run_1/m.json", "broken_ms", "broken_ms", std::nan(""), measurement(Quantity::time, 0.001, "ms"), {}),
        scalar("model=a/run_1/m.json", "tokens_per_second", "tokens_per_second", 80, measurement(Quantity::throughput, 1, "tok/s"),
               {{"engine", "vllm"}}),
        scalar("only_dims.json", "num_ctx", "num_ctx", 512, dimension(), {}),
    };
    c.scalars[3].failed = true;
    c.scalars[3].failure_reason = "error: 3 requests failed";
    const auto frames = build_frames(c);
    ASSERT_EQ(frames.size(), 1u);  // only_dims.json has no measure
    const Frame& f = frames[0];
    EXPECT_TRUE(f.document);
    EXPECT_EQ(f.id, slug("model=a/run_1/m.json") + "-document");
    EXPECT_TRUE(f.dim_names.empty());
    EXPECT_EQ(f.context, (std::vector<std::pair<std::string, std::string>>{{"num_ctx", "512"}, {"engine", "vllm"}}));
    ASSERT_EQ(f.measures.size(), 2u);  // the NaN value is left out
    EXPECT_EQ(f.measures[0].name, "ttft_ms");
    ASSERT_EQ(f.rows.size(), 1u);
    EXPECT_DOUBLE_EQ(f.value(f.rows[0], 0), 0.12);
    EXPECT_DOUBLE_EQ(f.value(f.rows[0], 1), 80.0);
    EXPECT_TRUE(f.rows[0].failed);
    EXPECT_EQ(f.failure_reason(f.rows[0]), "error: 3 requests failed");
    ASSERT_TRUE(f.roles.has_value());
    EXPECT_EQ(f.roles->throughput, 1);
}

TEST(FrameBuild, TablesComeFirstThenKeyedScalarsThenDocuments) {
    model::Corpus c = corpus_of({calls_table()});
    c.files.push_back(parsed("z.json", model::FileKind::json));
    const auto ms = measurement(Quantity::time, 0.001, "ms");
    c.scalars = {scalar("z.json", "ttft_ms", "ttft_ms", 1, ms, {}),
                 scalar("z.json", "b.x.t_ms", "b.*.t_ms", 1, ms, {{"k", "x"}})};
    const auto frames = build_frames(c);
    ASSERT_EQ(frames.size(), 3u);
    EXPECT_EQ(frames[0].file.str(), "runs/gemma.csv");
    EXPECT_EQ(frames[1].locator, "b.*");
    EXPECT_TRUE(frames[2].document);
}

}  // namespace
}  // namespace analysis
