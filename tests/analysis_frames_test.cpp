// Frames built from a real ingested folder: record ranges for multi-line CSV records, dimension
// levels, and the same run exported twice.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "analysis/engine.hpp"
#include "ingest/ingest.hpp"
#include "temp_dir.hpp"

namespace {

model::Corpus ingest(const testing_support::TempDir& dir) {
    auto corpus = ingest::ingest_folder(dir.str(), ingest::IngestOptions{});
    EXPECT_TRUE(corpus.has_value());
    return std::move(*corpus);
}

const analysis::Fact* fact_of_kind(const analysis::Analysis& a, analysis::FactKind kind, std::string_view id_part) {
    for (const auto& f : a.facts)
        if (f.kind == kind && f.id.find(id_part) != std::string::npos) return &f;
    return nullptr;
}

TEST(AnalysisFrames, MultiLineRecordsMergeIntoOneRecordRange) {
    testing_support::TempDir dir;
    // Every record spans two physical lines (a quoted prompt with a newline): records start on
    // lines 2, 4, 6, 8 and 10; the failed one on line 6 must split the range.
    std::string csv = "prompt,ttft_s,tokens_s,error\n";
    for (int i = 0; i < 5; ++i)
        csv += "\"first line\nsecond line " + std::to_string(i) + "\"," + std::to_string(0.1 + 0.01 * i) + "," +
               std::to_string(80 + i) + "," + (i == 2 ? "\"Failed to connect\"" : "") + "\n";
    dir.write("runs.csv", csv);
    auto corpus = ingest(dir);
    auto a = analysis::analyze(corpus);
    const auto* f = fact_of_kind(a, analysis::FactKind::summary, "tokens-s");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(f->sources.size(), 2u);
    EXPECT_EQ(f->sources[0].line, 2);
    EXPECT_EQ(f->sources[0].line_end, 5);  // records on lines 2 and 4
    EXPECT_EQ(f->sources[1].line, 8);
    EXPECT_EQ(f->sources[1].line_end, 10);  // record 8 owns line 9, so record 10 continues the range
    EXPECT_EQ(f->values[0].text, "4");     // n: the failed row is excluded
}

TEST(AnalysisFrames, LevelsAreDistinctValuesInFirstSeenOrder) {
    testing_support::TempDir dir;
    dir.write("sweep.csv",
              "model,num_ctx,tokens_s\nb:1b,2048,10\na:1b,1024,11\nb:1b,1024,12\na:1b,2048,13\n");
    auto corpus = ingest(dir);
    auto a = analysis::analyze(corpus);
    ASSERT_EQ(a.frames.size(), 1u);
    const auto& fr = a.frames[0];
    int model = fr.dim_index("model"), ctx = fr.dim_index("num_ctx");
    ASSERT_GE(model, 0);
    ASSERT_GE(ctx, 0);
    auto models = fr.levels_of(static_cast<std::size_t>(model));
    auto contexts = fr.levels_of(static_cast<std::size_t>(ctx));
    EXPECT_EQ(std::vector<std::string>(models.begin(), models.end()), (std::vector<std::string>{"b:1b", "a:1b"}));
    EXPECT_EQ(std::vector<std::string>(contexts.begin(), contexts.end()), (std::vector<std::string>{"2048", "1024"}));
    EXPECT_EQ(fr.dim(fr.rows[2], static_cast<std::size_t>(model)), "b:1b");
    EXPECT_EQ(fr.dim_values[static_cast<std::size_t>(model)].front(), "");  // code 0: missing
}

TEST(AnalysisFrames, ManyDistinctLevelsKeepTheirCodesPastTheLinearSearch) {
    // 100 distinct texts and numbers per dimension (past the 32 searched linearly), each seen
    // twice: every row must read back its own level, and levels stay in first-seen order.
    testing_support::TempDir dir;
    std::string csv = "model,num_ctx,tokens_s\n";
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < 100; ++i)
            csv += "m" + std::to_string((i * 37) % 100) + ":1b," + std::to_string(1000 + (i * 53) % 100) + "," +
                   std::to_string(10 + i) + "\n";
    dir.write("wide.csv", csv);
    auto corpus = ingest(dir);
    auto a = analysis::analyze(corpus);
    ASSERT_EQ(a.frames.size(), 1u);
    const auto& fr = a.frames[0];
    const auto model = static_cast<std::size_t>(fr.dim_index("model")), ctx = static_cast<std::size_t>(fr.dim_index("num_ctx"));
    ASSERT_EQ(fr.levels_of(model).size(), 100u);
    ASSERT_EQ(fr.levels_of(ctx).size(), 100u);
    for (std::size_t r = 0; r < fr.rows.size(); ++r) {
        const int i = static_cast<int>(r % 100);
        EXPECT_EQ(fr.dim(fr.rows[r], model), "m" + std::to_string((i * 37) % 100) + ":1b") << r;
        EXPECT_EQ(fr.dim(fr.rows[r], ctx), std::to_string(1000 + (i * 53) % 100)) << r;
        EXPECT_EQ(fr.levels_of(model)[static_cast<std::size_t>(i)], fr.dim(fr.rows[static_cast<std::size_t>(i)], model));
    }
}

TEST(AnalysisFrames, ColumnsViewTheTableOrTheFrameAndSurviveACopy) {
    // tokens_s is canonical already (viewed in the table); ttft_ms is scaled to seconds (the
    // frame's own column). A copy must read both after the original is gone.
    testing_support::TempDir dir;
    dir.write("runs.csv", "prompt,ttft_ms,tokens_s\na,120,80.5\nb,95,82\nc,,79\n");
    auto corpus = ingest(dir);
    auto a = analysis::analyze(corpus);
    ASSERT_EQ(a.frames.size(), 1u);
    auto original = std::make_unique<analysis::Frame>(a.frames[0]);
    const analysis::Frame copy = *original;
    original.reset();
    const auto ttft = static_cast<std::size_t>(copy.measure_index("ttft_ms")), tput = static_cast<std::size_t>(copy.measure_index("tokens_s"));
    EXPECT_DOUBLE_EQ(copy.value(copy.rows[0], ttft), 0.120);
    EXPECT_DOUBLE_EQ(copy.value(copy.rows[1], ttft), 0.095);
    EXPECT_TRUE(std::isnan(copy.value(copy.rows[2], ttft)));
    EXPECT_EQ(copy.value(copy.rows[1], tput), 82.0);
    analysis::Frame assigned;
    assigned = copy;
    EXPECT_DOUBLE_EQ(assigned.value(assigned.rows[0], ttft), 0.120);
    EXPECT_NE(&assigned.value_storage[0], &copy.value_storage[0]);
}

TEST(AnalysisFrames, SameRunExportedTwiceCountsOnce) {
    testing_support::TempDir dir;
    dir.write("a/run.csv", "model,ttft_s,tokens_s\nm:1b,0.1,80\nm:1b,0.2,81\nm:1b,0.3,82\n");
    dir.write("b/run.json",
              "[{\"model\": \"m:1b\", \"ttft_s\": 0.1, \"tokens_s\": 80}, {\"model\": \"m:1b\", \"ttft_s\": 0.2, \"tokens_s\": 81},"
              " {\"model\": \"m:1b\", \"ttft_s\": 0.3, \"tokens_s\": 82}]");
    dir.write("c/other.csv", "model,ttft_s,tokens_s\nm:1b,0.1,80\nm:1b,0.2,81\nm:1b,0.3,99\n");
    auto corpus = ingest(dir);
    auto a = analysis::analyze(corpus);
    std::vector<std::string> same;
    for (const auto& f : a.frames)
        if (!f.same_data_as.empty()) same.push_back(f.file + " <- " + f.same_data_as);
    EXPECT_EQ(same, (std::vector<std::string>{"b/run.json <- a/run.csv"}));
}

}  // namespace
