#include "ingest/failures.hpp"

#include <gtest/gtest.h>

#include "ingest/semantics.hpp"

namespace {

model::Cell num(double v) { return model::Cell{std::to_string(v), v, true}; }
model::Cell text(const std::string& s) { return model::Cell{s}; }
model::Row row(long long line, std::string path, std::vector<model::Cell> cells) {
    model::Row r;
    r.line = line;
    r.json_path = std::move(path);
    r.cells = std::move(cells);
    return r;
}

model::Table make_table() {
    model::Table t;
    t.columns = {"model", "ttft_s", "tokens_s", "error"};
    t.rows.push_back(row(2, "", {text("m"), num(0.1), num(50), text("")}));
    t.rows.push_back(row(3, "", {text("m"), num(0), num(0), text("Failed to connect to Ollama")}));
    t.rows.push_back(row(4, "", {text("m"), num(0), num(48), text("")}));
    t.rows.push_back(row(5, "", {text("m"), num(0), num(0), text("")}));
    return t;
}

TEST(Failures, ErrorColumnAndAllZeroMetrics) {
    auto t = make_table();
    ingest::annotate_table(t);
    ingest::flag_failed_rows(t);
    EXPECT_FALSE(t.rows[0].failed);
    ASSERT_TRUE(t.rows[1].failed);
    EXPECT_NE(t.rows[1].failure_reason.find("Failed to connect"), std::string::npos);
    EXPECT_NE(t.rows[1].failure_reason.find("all metrics recorded as 0"), std::string::npos);
    EXPECT_FALSE(t.rows[2].failed);  // one zero without any failure signal is kept
    ASSERT_TRUE(t.rows[3].failed);   // every metric exactly zero with no error text
    EXPECT_NE(t.rows[3].failure_reason.find("no error text"), std::string::npos);
}

TEST(Failures, SuccessRecordWhoseOutputIsAnError) {
    model::Table t;
    t.columns = {"test_name", "generation_time_ms", "tokens", "banter_text", "success"};
    t.rows.push_back(row(0, "results[0]", {text("a"), num(3000), num(40), text("Nice shot, hero!"), text("true")}));
    t.rows.push_back(row(0, "results[1]",
                      {text("b"), num(20), num(0), text("Error generating banter: All connection attempts failed"), text("true")}));
    ingest::annotate_table(t);
    ingest::flag_failed_rows(t);
    EXPECT_FALSE(t.rows[0].failed);
    ASSERT_TRUE(t.rows[1].failed);
    EXPECT_NE(t.rows[1].failure_reason.find("recorded as success but banter_text is an error message"), std::string::npos);
}

TEST(Failures, SuccessFalse) {
    model::Table t;
    t.columns = {"backend", "mean_time_ms", "success"};
    t.rows.push_back(row(2, "", {text("onnx"), num(0), text("FALSE")}));
    ingest::annotate_table(t);
    ingest::flag_failed_rows(t);
    ASSERT_TRUE(t.rows[0].failed);
    EXPECT_NE(t.rows[0].failure_reason.find("success=FALSE"), std::string::npos);
}

TEST(Failures, ErrorTextDetection) {
    EXPECT_TRUE(ingest::looks_like_error_text("Error generating banter: All connection attempts failed"));
    EXPECT_TRUE(ingest::looks_like_error_text("Traceback (most recent call last): ..."));
    EXPECT_FALSE(ingest::looks_like_error_text("You fought well; the error was the boss, not you."));
    EXPECT_FALSE(ingest::looks_like_error_text(""));
}

TEST(Failures, FailedScalarZeroIsNamed) {
    model::Scalar s;
    s.key = "mean_time_ms";
    s.value = 0;
    s.failed = true;
    s.failure_reason = "compilation.success=false";
    s.meaning.role = model::Role::measurement;
    s.meaning.unit.quantity = model::Quantity::time;
    std::vector<model::Scalar> v{s};
    ingest::describe_failed_scalars(v);
    EXPECT_NE(v[0].failure_reason.find("impossible 0 recorded for mean_time_ms"), std::string::npos);
}

}  // namespace
