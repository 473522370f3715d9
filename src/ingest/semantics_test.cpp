#include "ingest/semantics.hpp"

#include <gtest/gtest.h>

namespace {

using model::Quantity;
using model::Role;

model::Meaning meaning(const std::string& name, std::vector<std::string> siblings = {}, std::string unit = "",
                       bool numeric = true) {
    ingest::NameContext ctx;
    ctx.siblings = siblings;
    ctx.unit_text = std::move(unit);
    ctx.all_numeric = numeric;
    ctx.any_value = true;
    return ingest::infer_meaning(name, ctx);
}

TEST(Semantics, SecondsSuffix) {
    auto m = meaning("ttft_s");
    EXPECT_EQ(m.role, Role::measurement);
    EXPECT_EQ(m.unit.quantity, Quantity::time);
    EXPECT_DOUBLE_EQ(m.unit.to_canonical, 1.0);
}

TEST(Semantics, MillisecondsSuffixes) {
    for (auto name : {"mean_time_ms", "p95_ms", "generation_time_ms", "Generation Time (ms)", "Mean (ms)"}) {
        auto m = meaning(name);
        EXPECT_EQ(m.unit.quantity, Quantity::time) << name;
        EXPECT_DOUBLE_EQ(m.unit.to_canonical, 1e-3) << name;
    }
}

TEST(Semantics, TokensSIsTokensPerSecondNotSeconds) {
    for (auto name : {"tokens_s", "mean_tokens_s", "tokens_per_second", "Tokens per Second", "overall_tokens_per_second"}) {
        auto m = meaning(name);
        EXPECT_EQ(m.unit.quantity, Quantity::throughput) << name;
    }
}

TEST(Semantics, TokenCounts) {
    EXPECT_EQ(meaning("eval_count").unit.quantity, Quantity::tokens);
    EXPECT_EQ(meaning("prompt_eval_count").unit.quantity, Quantity::tokens);
    EXPECT_EQ(meaning("total_tokens").unit.quantity, Quantity::tokens);
}

TEST(Semantics, BytesAndPercentAndPower) {
    auto mb = meaning("memory_used_mb");
    EXPECT_EQ(mb.unit.quantity, Quantity::bytes);
    EXPECT_DOUBLE_EQ(mb.unit.to_canonical, 1048576.0);
    EXPECT_EQ(meaning("memory_total_gb").unit.quantity, Quantity::bytes);
    EXPECT_EQ(meaning("cpu_percent").unit.quantity, Quantity::percent);
    EXPECT_EQ(meaning("power_draw").unit.quantity, Quantity::power);
}

TEST(Semantics, TemperatureDependsOnContext) {
    auto sampling = meaning("temperature", {"num_gpu", "num_ctx", "temperature", "ttft_s"});
    EXPECT_EQ(sampling.role, Role::dimension);
    EXPECT_NE(sampling.reason.find("sampling"), std::string::npos);
    auto telemetry = meaning("temperature", {"gpu_name", "power_draw", "utilization", "temperature"});
    EXPECT_EQ(telemetry.role, Role::measurement);
    EXPECT_EQ(telemetry.unit.quantity, Quantity::temperature);
}

TEST(Semantics, DimensionsAndRoles) {
    EXPECT_EQ(meaning("model", {}, "", false).role, Role::dimension);
    EXPECT_EQ(meaning("num_gpu").role, Role::dimension);
    EXPECT_EQ(meaning("num_ctx").role, Role::dimension);
    EXPECT_EQ(meaning("backend", {}, "", false).role, Role::dimension);
    EXPECT_EQ(meaning("error", {}, "", false).role, Role::error);
    EXPECT_EQ(meaning("success", {}, "", false).role, Role::success_flag);
    EXPECT_EQ(meaning("timestamp", {}, "", false).role, Role::timestamp);
    EXPECT_EQ(meaning("prompt_index").role, Role::identifier);
    EXPECT_EQ(meaning("response", {}, "", false).role, Role::text);
}

TEST(Semantics, UnitRowWins) {
    auto m = meaning("duration", {}, "usecond");
    EXPECT_EQ(m.unit.quantity, Quantity::time);
    EXPECT_DOUBLE_EQ(m.unit.to_canonical, 1e-6);
    EXPECT_NE(m.reason.find("unit row"), std::string::npos);
}

TEST(Semantics, UnitlessTimeColumnTakesSiblingUnit) {
    auto m = meaning("prompt_eval", {"mean_ttft_s", "mean_load_s", "prompt_eval", "eval_s_mean"});
    EXPECT_EQ(m.unit.quantity, Quantity::time);
    EXPECT_NE(m.reason.find("sibling"), std::string::npos);
}

TEST(Semantics, UnknownNumberIsMeasurementWithUnknownUnit) {
    auto m = meaning("score");
    EXPECT_EQ(m.role, Role::measurement);
    EXPECT_EQ(m.unit.quantity, Quantity::unknown);
}

TEST(Semantics, OllamaDurationsAreNanoseconds) {
    auto m = meaning("eval_duration");
    EXPECT_EQ(m.unit.quantity, Quantity::time);
    EXPECT_DOUBLE_EQ(m.unit.to_canonical, 1e-9);
}

TEST(Semantics, AnnotateTableFillsEveryColumn) {
    model::Table t;
    t.columns = {"model", "ttft_s", "note"};
    model::Row r;
    r.cells = {{"m1"}, {"0.1", 0.1, true}, {std::string(200, 'x')}};
    t.rows.push_back(r);
    ingest::annotate_table(t);
    ASSERT_EQ(t.meanings.size(), 3u);
    EXPECT_EQ(t.meanings[0].role, Role::dimension);
    EXPECT_EQ(t.meanings[1].unit.quantity, Quantity::time);
    EXPECT_EQ(t.meanings[2].role, Role::text);
}

}  // namespace

TEST(Semantics, LoadSettingsAreDimensionsNotMeasurements) {
    for (const char* name : {"request_rate", "max_concurrency", "configured_rps", "target_qps", "requested_concurrency"}) {
        auto m = meaning(name);
        EXPECT_EQ(m.role, Role::dimension) << name;
        EXPECT_NE(m.reason.find("load setting"), std::string::npos) << name;
    }
    // What was achieved is measured: never a setting.
    EXPECT_EQ(meaning("achieved_rps").role, Role::measurement);
    EXPECT_EQ(meaning("request_throughput").role, Role::measurement);
}
