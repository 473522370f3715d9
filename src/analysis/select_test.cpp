// Row selection, measure roles and the names analyzers give rows and frames.
#include "analysis/select.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/fact_test_support.hpp"

namespace analysis {
namespace {

using test_support::line;

using model::Quantity;

Frame with_measures(std::vector<Measure> measures) {
    Frame f;
    f.file = "x.csv";
    f.measures = std::move(measures);
    return f;
}

TEST(Select, OkRowsExcludeFailedAndWarmRowsAlsoExcludeCold) {
    FrameRow plain, failed, cold, failed_cold;
    failed.failed = true;
    cold.cold = true;
    failed_cold.failed = failed_cold.cold = true;
    EXPECT_TRUE(row_selected(plain, Rows::ok));
    EXPECT_TRUE(row_selected(plain, Rows::warm));
    EXPECT_FALSE(row_selected(failed, Rows::ok));
    EXPECT_FALSE(row_selected(failed, Rows::warm));
    EXPECT_TRUE(row_selected(cold, Rows::ok));
    EXPECT_FALSE(row_selected(cold, Rows::warm));
    EXPECT_FALSE(row_selected(failed_cold, Rows::ok));
}

TEST(Select, ValuesOfKeepsFiniteValuesOfSelectedRowsInRowOrder) {
    Frame f = with_measures({Measure{"ttft_s", Quantity::time, "s"}});
    add_row(f, line(2), {}, {0.3});
    add_row(f, line(3), {}, {std::nan("")});
    FrameRow failed = line(4);
    failed.failed = true;
    add_row(f, failed, {}, {9.0});
    FrameRow cold = line(5);
    cold.cold = true;
    add_row(f, cold, {}, {4.0});
    add_row(f, line(6), {}, {INFINITY});
    add_row(f, line(7), {}, {0.1});
    EXPECT_EQ(values_of(f, 0, Rows::ok), (std::vector<double>{0.3, 4.0, 0.1}));
    EXPECT_EQ(values_of(f, 0, Rows::warm), (std::vector<double>{0.3, 0.1}));
    EXPECT_TRUE(values_of(f, -1, Rows::ok).empty());

    // Sources of rows with a value: line 2, then lines 5 (cold) and 7; 3, 4 and 6 have none.
    const auto ok = sources_of(f, 0, Rows::ok);
    ASSERT_EQ(ok.size(), 3u);
    EXPECT_EQ(ok[0].line, 2);
    EXPECT_EQ(ok[1].line, 5);
    EXPECT_EQ(ok[2].line, 7);
    EXPECT_EQ(ok[0].file.str(), "x.csv");
    EXPECT_TRUE(sources_of(f, -1, Rows::ok).empty());
}

TEST(Select, ConsecutiveRowsMergeIntoOneSourceRange) {
    Frame f = with_measures({Measure{"tokens_s", Quantity::throughput, "tok/s"}});
    for (long long n : {2, 3, 4, 6}) add_row(f, line(n), {}, {1.0});
    const auto sources = sources_of(f, 0, Rows::ok);
    ASSERT_EQ(sources.size(), 2u);
    EXPECT_EQ(sources[0].line, 2);
    EXPECT_EQ(sources[0].line_end, 4);
    EXPECT_EQ(sources[1].line, 6);
}

TEST(Select, ThroughputPrefersTheRawMeasureOverAnAggregate) {
    Frame f = with_measures({Measure{"mean_tokens_s", Quantity::throughput, "tok/s"}, Measure{"std_tokens_s", Quantity::throughput, "tok/s"},
                             Measure{"tokens_s", Quantity::throughput, "tok/s"}});
    EXPECT_EQ(throughput_measure(f), 2);
    // Aggregates only: the first of them, not nothing.
    Frame aggregates = with_measures({Measure{"mean_tokens_s", Quantity::throughput, "tok/s"}});
    EXPECT_EQ(throughput_measure(aggregates), 0);
    EXPECT_EQ(throughput_measure(with_measures({Measure{"ttft_s", Quantity::time, "s"}})), -1);
}

TEST(Select, RolesAreFoundByQuantityAndName) {
    Frame f = with_measures({
        Measure{"prompt_eval_count", Quantity::tokens, "tokens"},  // 0: prompt tokens, not generated ones
        Measure{"load_duration", Quantity::time, "s"},             // 1
        Measure{"ttft_ms", Quantity::time, "ms"},                   // 2
        Measure{"eval_count", Quantity::tokens, "tokens"},         // 3
        Measure{"eval_s", Quantity::time, "s"},                    // 4
        Measure{"ttft_count", Quantity::count, ""},                // 5: a count, not a time
        Measure{"e2e_latency_s", Quantity::time, "s"},             // 6
    });
    const MeasureRoles roles = find_roles(f);
    EXPECT_EQ(roles.throughput, -1);
    EXPECT_EQ(roles.ttft, 2);
    EXPECT_EQ(roles.load, 1);
    EXPECT_EQ(roles.latency, 6);
    EXPECT_EQ(roles.tokens, 3);
    EXPECT_EQ(roles.decode, 4);
    // Without a named latency the first non-aggregate time measure is the main time.
    Frame plain = with_measures({Measure{"mean_x_s", Quantity::time, "s"}, Measure{"wall_s", Quantity::time, "s"}});
    EXPECT_EQ(latency_measure(plain), 1);
}

TEST(Select, RolesRecordedByBuildFramesAreUsedAsTheyAre) {
    Frame f = with_measures({Measure{"tokens_s", Quantity::throughput, "tok/s"}, Measure{"ttft_s", Quantity::time, "s"}});
    EXPECT_EQ(ttft_measure(f), 1);
    f.roles = MeasureRoles{};  // every role -1
    EXPECT_EQ(throughput_measure(f), -1);
    EXPECT_EQ(ttft_measure(f), -1);
}

TEST(Select, DescribeDimsNamesTheListedDimensions) {
    Frame f;
    f.dim_names = {"model", "num_gpu", "num_ctx"};
    add_row(f, line(2), {"gemma3", "40", "1024"}, {});
    EXPECT_EQ(describe_dims(f, f.rows[0], {0, 2}), "model=gemma3, num_ctx=1024");
    EXPECT_EQ(describe_dims(f, f.rows[0], {}), "");
}

TEST(Select, FrameSubjectIsTheModelElseTheFileStemWithoutRunWords) {
    Frame by_context;
    by_context.file = "x/bench.csv";
    by_context.context = {{"model_name", "qwen3"}};
    EXPECT_EQ(frame_subject(by_context), "qwen3");

    Frame by_file;
    by_file.file = "out/gemma3_270m_param_tuning_2.csv";
    EXPECT_EQ(frame_subject(by_file), "gemma3_270m (named by file)");

    Frame only_run_words;
    only_run_words.file = "out/benchmark_results.csv";
    EXPECT_EQ(frame_subject(only_run_words), "out/benchmark_results.csv");
}

}  // namespace
}  // namespace analysis
