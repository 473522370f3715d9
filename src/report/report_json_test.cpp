// Unit tests for src/report/report_json.cpp.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "report/report_context.hpp"
#include "report/report_test_fixture.hpp"

namespace report {
namespace {

using testing::fixed_context;
using testing::small_analysis;
using testing::small_corpus;

TEST(ReportJson, ParsesWithSchemaVersionAndEveryFact) {
    auto a = small_analysis();
    auto doc = nlohmann::json::parse(render_report_json(a, small_corpus(), fixed_context()));
    EXPECT_EQ(doc["schema"], "chimera-insight/report");
    EXPECT_EQ(doc["schema_version"], 1);
    EXPECT_EQ(doc["tool"]["version"], "0.1.0");
    EXPECT_EQ(doc["context"]["input_root"], "bench");
    EXPECT_DOUBLE_EQ(doc["timings_s"]["analysis"].get<double>(), 0.5);
    EXPECT_EQ(doc["inventory"]["files"], 4);
    ASSERT_EQ(doc["facts"].size(), a.facts.size());
    for (std::size_t i = 0; i < a.facts.size(); ++i) {
        const auto& f = doc["facts"][i];
        EXPECT_EQ(f["id"], a.facts[i].id);
        EXPECT_EQ(f["values"].size(), a.facts[i].values.size());
    }
    const auto& ranking = doc["facts"][4];
    EXPECT_EQ(ranking["values"][0]["label"], "gemma3:latest median tokens/s");
    EXPECT_EQ(ranking["values"][0]["quantity"], "throughput");
    EXPECT_EQ(ranking["values"][0]["text"], "102.31 tok/s");
    EXPECT_EQ(ranking["sources"][0]["line"], 2);
    EXPECT_FALSE(ranking["sources"][0].contains("json_path"));
    const auto& frame = doc["frames"][0];
    EXPECT_EQ(frame["rows"], 4);
    EXPECT_EQ(frame["cold_rows"], 1);
    EXPECT_EQ(frame["measures"][1]["original_unit"], "s");
}

TEST(ReportJson, KeysInFixedOrder) {
    auto text = render_report_json(small_analysis(), small_corpus(), fixed_context());
    std::size_t pos = 0;
    for (const char* key : {"\"schema\"", "\"schema_version\"", "\"tool\"", "\"context\"", "\"timings_s\"", "\"inventory\"",
                            "\"facts\"", "\"frames\""}) {
        auto found = text.find(key, pos);
        ASSERT_NE(found, std::string::npos) << key;
        pos = found;
    }
}

TEST(ReportJson, NonFiniteNumbersAreNull) {
    auto a = small_analysis();
    a.facts[0].values[0].value = std::nan("");
    auto c = fixed_context();
    c.report_s = INFINITY;
    auto doc = nlohmann::json::parse(render_report_json(a, small_corpus(), c));
    EXPECT_TRUE(doc["facts"][0]["values"][0]["value"].is_null());
    EXPECT_TRUE(doc["timings_s"]["report"].is_null());
}

TEST(ReportJson, SameInputSameBytesExceptDateAndTimings) {
    auto a = small_analysis();
    auto corpus = small_corpus();
    auto c1 = fixed_context();
    auto c2 = c1;
    c2.date = "2027-02-02 02:02:02 UTC";
    c2.ingest_s = 9;
    auto j1 = nlohmann::ordered_json::parse(render_report_json(a, corpus, c1));
    auto j2 = nlohmann::ordered_json::parse(render_report_json(a, corpus, c2));
    EXPECT_NE(j1, j2);
    for (auto* j : {&j1, &j2}) {
        (*j)["context"].erase("date");
        j->erase("timings_s");
    }
    EXPECT_EQ(j1.dump(), j2.dump());
    EXPECT_EQ(render_report_json(a, corpus, c1), render_report_json(a, corpus, c1));
}

}  // namespace
}  // namespace report
