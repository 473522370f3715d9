// Unit tests for src/ingest/json_reader.cpp and json_flatten.cpp.
#include "ingest/json_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "util/strings.hpp"

namespace ingest {
namespace {

const model::Scalar* scalar_at(const FileContent& content, std::string_view json_path) {
    for (const auto& scalar : content.scalars)
        if (scalar.source.json_path == json_path) return &scalar;
    return nullptr;
}

std::string dim(const model::Scalar& scalar, std::string_view name) {
    for (const auto& [key, value] : scalar.dimensions)
        if (key == name) return value;
    return "<none>";
}

const model::Table* table_at(const FileContent& content, std::string_view locator) {
    for (const auto& table : content.tables)
        if (table.locator == locator) return &table;
    return nullptr;
}

const model::Cell& cell(const model::Table& table, std::size_t row, std::string_view column) {
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        if (table.columns[i] == column) return table.rows.at(row).cells.at(i);
    static const model::Cell kNone{"<no column>"};
    return kNone;
}

FileContent read_ok(std::string_view text, bool lines = false) {
    auto result = lines ? read_jsonl(text, "f.jsonl") : read_json(text, "f.json");
    EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().message);
    return result ? *result : FileContent{};
}

constexpr std::string_view kCompilation = R"({
  "generated_at": "2025-10-02T21:21:05Z",
  "model": {"name": "conv", "device": "cuda", "dtype": "torch.float32", "batch_size": 4},
  "settings": {"runs": 10, "backends": ["eager", "torch_compile", "onnx"]},
  "backends": {
    "eager": {"backend": "eager", "compilation": null,
              "benchmark": {"backend": "eager", "mean_time_ms": 0.15}},
    "torch_compile": {"backend": "torch_compile",
                      "compilation": {"success": false, "compile_time_s": null,
                                      "error": "Cannot find a working triton installation."},
                      "benchmark": {"backend": "torch_compile", "mean_time_ms": 0.0,
                                    "metadata": {"error": "second error"}}},
    "onnx": {"backend": "onnx",
             "compilation": {"success": true, "compile_time_s": 0.14,
                             "metadata": {"graph_preview": "graph %self.1 : Sequential", "opset": 17}},
             "benchmark": {"backend": "onnx", "mean_time_ms": 0.77}}
  }
})";

TEST(JsonReader, CompilationDocumentKeyedLevelBecomesDimension) {
    FileContent content = read_ok(kCompilation);
    EXPECT_TRUE(content.tables.empty());
    const model::Scalar* onnx = scalar_at(content, "backends.onnx.benchmark.mean_time_ms");
    ASSERT_NE(onnx, nullptr);
    EXPECT_EQ(onnx->key, "mean_time_ms");
    EXPECT_EQ(onnx->pattern, "backends.*.benchmark.mean_time_ms");
    EXPECT_DOUBLE_EQ(onnx->value, 0.77);
    EXPECT_EQ(onnx->source.file, "f.json");
    EXPECT_EQ(onnx->source.line, 0);
    EXPECT_EQ(dim(*onnx, "backend"), "onnx");
    EXPECT_EQ(dim(*onnx, "model.device"), "cuda");
    EXPECT_EQ(dim(*onnx, "model.name"), "conv");
    EXPECT_EQ(dim(*onnx, "compilation.success"), "true");
    EXPECT_FALSE(onnx->failed);
    EXPECT_EQ(onnx->meaning.role, model::Role::text);  // left for ingest::semantics
    const model::Scalar* opset = scalar_at(content, "backends.onnx.compilation.metadata.opset");
    ASSERT_NE(opset, nullptr);
    EXPECT_EQ(dim(*opset, "compilation.metadata.graph_preview"), "<none>");  // prose key
    ASSERT_NE(scalar_at(content, "model.batch_size"), nullptr);
    EXPECT_EQ(scalar_at(content, "backends.torch_compile.compilation.compile_time_s"), nullptr);  // null
}

TEST(JsonReader, FailedKeyedEntryFailsItsWholeSubtree) {
    FileContent content = read_ok(kCompilation);
    const model::Scalar* failed = scalar_at(content, "backends.torch_compile.benchmark.mean_time_ms");
    ASSERT_NE(failed, nullptr);
    EXPECT_TRUE(failed->failed);
    EXPECT_EQ(failed->failure_reason, "compilation.success=false: Cannot find a working triton installation.");
    EXPECT_EQ(dim(*failed, "backend"), "torch_compile");
    EXPECT_FALSE(scalar_at(content, "backends.eager.benchmark.mean_time_ms")->failed);
    EXPECT_FALSE(scalar_at(content, "model.batch_size")->failed);
}

TEST(JsonReader, ErrorMarkerOutsideLevelsFailsOnlyItsObject) {
    FileContent content = read_ok(R"({"a": {"error": "boom\n  twice", "x": 1, "inner": {"y": 2}},
                                      "b": {"error": "", "z": 3}, "c": {"success": false, "w": 4}})");
    EXPECT_EQ(scalar_at(content, "a.x")->failure_reason, "a.error: boom twice");
    EXPECT_TRUE(scalar_at(content, "a.inner.y")->failed);
    EXPECT_FALSE(scalar_at(content, "b.z")->failed);
    EXPECT_EQ(scalar_at(content, "c.w")->failure_reason, "c.success=false");
}

TEST(JsonReader, FailureReasonIsCutOnUtf8Boundary) {
    std::string error;
    for (int i = 0; i < 150; ++i) error += "\xC3\xA9";  // "é" x 150 = 300 bytes
    FileContent content = read_ok(R"({"error": ")" + error + R"(", "v": 1})");
    const std::string& reason = scalar_at(content, "v")->failure_reason;
    EXPECT_TRUE(util::starts_with(reason, "error: \xC3\xA9"));
    EXPECT_TRUE(util::ends_with(reason, "..."));
    EXPECT_LE(reason.size(), 7u + 200u + 3u);
    EXPECT_TRUE(util::is_valid_utf8(reason));
}

TEST(JsonReader, LevelNamesAreSingularAndRootLevelIsKey) {
    FileContent root = read_ok(R"({"small": {"ms": 1, "n": 2}, "large": {"ms": 5, "n": 6}})");
    EXPECT_EQ(dim(*scalar_at(root, "large.ms"), "key"), "large");
    EXPECT_EQ(scalar_at(root, "large.ms")->pattern, "*.ms");
    FileContent nested = read_ok(R"({"processes": {"a": {"rss": 1}, "b": {"rss": 2}},
                                     "categories": {"x": {"n": 1}, "y": {"n": 2}}})");
    EXPECT_EQ(dim(*scalar_at(nested, "processes.b.rss"), "process"), "b");
    EXPECT_EQ(dim(*scalar_at(nested, "categories.y.n"), "category"), "y");
}

TEST(JsonReader, DissimilarObjectsAreNotALevel) {
    FileContent content = read_ok(R"({"system": {"cpu_percent": 9.2, "memory_gb": 12},
                                      "ollama": {"process_count": 0, "timestamp": 1}})");
    const model::Scalar* cpu = scalar_at(content, "system.cpu_percent");
    ASSERT_NE(cpu, nullptr);
    EXPECT_EQ(cpu->pattern, "system.cpu_percent");
    EXPECT_TRUE(cpu->dimensions.empty());
}

TEST(JsonReader, RecordArrayBecomesTableWithFlattenedColumns) {
    FileContent content = read_ok(R"({"total": 3, "metrics": [
        {"name": "a", "system": {"cpu_percent": 9.2, "gpu": {"util": 50}}, "ok": true},
        {"name": "b", "extra": null, "system": {"cpu_percent": 10}, "ok": false, "count": 12345678901234}]})");
    const model::Table* table = table_at(content, "metrics");
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->file, "f.json");
    EXPECT_EQ(table->columns, (std::vector<std::string>{"name", "system.cpu_percent", "system.gpu.util", "ok",
                                                        "extra", "count"}));
    ASSERT_EQ(table->rows.size(), 2u);
    EXPECT_EQ(table->rows[1].json_path, "metrics[1]");
    EXPECT_EQ(table->rows[0].cells.size(), table->columns.size());
    EXPECT_EQ(cell(*table, 0, "system.cpu_percent").text, "9.2");
    EXPECT_TRUE(cell(*table, 0, "system.cpu_percent").is_number);
    EXPECT_DOUBLE_EQ(cell(*table, 1, "system.cpu_percent").number, 10);
    EXPECT_EQ(cell(*table, 1, "ok").text, "false");
    EXPECT_FALSE(cell(*table, 1, "ok").is_number);
    EXPECT_TRUE(cell(*table, 1, "extra").missing());
    EXPECT_TRUE(cell(*table, 0, "count").missing());
    EXPECT_EQ(cell(*table, 1, "count").text, "12345678901234");
    EXPECT_EQ(content.scalars.size(), 1u);  // only "total": table cells are not scalars
}

TEST(JsonReader, RootArrayIsTableWithEmptyLocator) {
    FileContent content = read_ok(R"([{"build": 1, "t/s": 2.5}, {"build": 2, "t/s": 3.5}, 7])");
    ASSERT_EQ(content.tables.size(), 1u);
    const model::Table& table = content.tables[0];
    EXPECT_EQ(table.locator, "");
    EXPECT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0].json_path, "[0]");
    ASSERT_EQ(table.warnings.size(), 1u);
    EXPECT_EQ(table.warnings[0], "f.json: root array: 1 elements that are not objects were skipped");
}

TEST(JsonReader, ArraysInsideRecordsBecomeScalarsAndSharedTables) {
    FileContent content = read_ok(R"({"results": [
        {"command": "sleep 1", "mean": 1.0, "times": [1.0, 1.1], "gpu": [{"util": 5}]},
        {"command": "sleep 2", "mean": 2.0, "times": [2.0], "gpu": [{"util": 7}, {"util": 8}]}]})");
    const model::Table* results = table_at(content, "results");
    ASSERT_NE(results, nullptr);
    EXPECT_EQ(results->columns, (std::vector<std::string>{"command", "mean"}));
    const model::Scalar* sample = scalar_at(content, "results[1].times[0]");
    ASSERT_NE(sample, nullptr);
    EXPECT_EQ(sample->key, "times");
    EXPECT_EQ(sample->pattern, "results[*].times[*]");
    EXPECT_EQ(dim(*sample, "result"), "1");
    EXPECT_EQ(dim(*sample, "command"), "sleep 2");
    EXPECT_EQ(content.scalars.size(), 3u);
    const model::Table* gpu = table_at(content, "results[*].gpu");
    ASSERT_NE(gpu, nullptr);
    ASSERT_EQ(gpu->rows.size(), 3u);
    EXPECT_EQ(gpu->rows[2].json_path, "results[1].gpu[1]");
}

TEST(JsonReader, FailedRecordsAreFlaggedRows) {
    FileContent content = read_ok(R"({"results": [
        {"test": "a", "error": "'charmap' codec can't encode", "success": false, "tokens": null},
        {"test": "b", "success": true, "tokens": 44},
        {"test": "c", "compilation": {"success": false}, "tokens": 0}]})");
    const model::Table* table = table_at(content, "results");
    ASSERT_NE(table, nullptr);
    EXPECT_TRUE(table->rows[0].failed);
    EXPECT_EQ(table->rows[0].failure_reason, "success=false: 'charmap' codec can't encode");
    EXPECT_FALSE(table->rows[1].failed);
    EXPECT_EQ(table->rows[2].failure_reason, "compilation.success=false");
}

TEST(JsonReader, ProseKeysLongStringsAndConfigDumpsAreNotDimensions) {
    std::string many = R"({"dump": {)";
    for (int i = 0; i < 40; ++i) many += "\"k" + std::to_string(i) + "\": \"v\", ";
    many += R"("port": [30000]}, "prompt": "hi", "banter_text": "x", "note": ")" + std::string(121, 'a') +
            R"(", "host": "gpu-1", "value": 1})";
    FileContent content = read_ok(many);
    const model::Scalar* value = scalar_at(content, "value");
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(value->dimensions, (std::vector<std::pair<std::string, std::string>>{{"host", "gpu-1"}}));
    EXPECT_EQ(dim(*scalar_at(content, "dump.port[0]"), "dump.k0"), "<none>");
}

TEST(JsonReader, DimensionsPerScalarAreCapped) {
    std::string text = "{";  // 200 small children with distinct keys: not a level, each lends a string
    for (int i = 0; i < 200; ++i) text += "\"c" + std::to_string(i) + "\": {\"s" + std::to_string(i) + "\": \"v\", \"n\": 1}, ";
    text += "\"value\": 1}";
    FileContent content = read_ok(text);
    ASSERT_EQ(content.scalars.size(), 201u);
    for (const auto& scalar : content.scalars) EXPECT_LE(scalar.dimensions.size(), 64u);
}

TEST(JsonReader, NonStandardLiteralsBecomeNonFiniteNumbers) {
    auto result = read_json("{\"a\": NaN,\n \"b\": -Infinity, \"s\": \"NaN Infinity\",\n"
                            " \"rows\": [{\"x\": Infinity}, {\"x\": NaN}]}", "f.json");
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_TRUE(std::isnan(scalar_at(*result, "a")->value));
    EXPECT_EQ(scalar_at(*result, "b")->value, -INFINITY);
    const model::Table* rows = table_at(*result, "rows");
    ASSERT_NE(rows, nullptr);
    EXPECT_EQ(cell(*rows, 0, "x").text, "Infinity");
    EXPECT_TRUE(cell(*rows, 0, "x").is_number);
    EXPECT_EQ(cell(*rows, 0, "x").number, INFINITY);
    EXPECT_EQ(result->warnings, (std::vector<std::string>{
                                    "f.json: non-standard literal 'NaN' at line 1 (2 occurrences)",
                                    "f.json: non-standard literal '-Infinity' at line 2",
                                    "f.json: non-standard literal 'Infinity' at line 3"}));
    EXPECT_EQ(scalar_at(*result, "s"), nullptr);  // the string is untouched and not a number
}

TEST(JsonReader, OutOfRangeNumbersAreRepairedWithWarnings) {
    auto result = read_json(R"({"big": 1e309, "neg": -1e999, "tiny": 1e-400, "huge_int": 123456789012345678901234567890,
                               "u64": 18446744073709551615, "i64": -9223372036854775808})", "f.json");
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(scalar_at(*result, "big")->value, INFINITY);
    EXPECT_EQ(scalar_at(*result, "neg")->value, -INFINITY);
    EXPECT_EQ(scalar_at(*result, "tiny")->value, 0.0);
    EXPECT_DOUBLE_EQ(scalar_at(*result, "huge_int")->value, 1.2345678901234568e29);
    EXPECT_DOUBLE_EQ(scalar_at(*result, "u64")->value, 18446744073709551615.0);
    EXPECT_DOUBLE_EQ(scalar_at(*result, "i64")->value, -9223372036854775808.0);
    ASSERT_EQ(result->warnings.size(), 2u);
    EXPECT_EQ(result->warnings[0], "f.json: number '1e309' out of range at line 1; read as Infinity (2 occurrences)");
    EXPECT_EQ(result->warnings[1],
              "f.json: integer '123456789012345678901234567890' exceeds 64 bits at line 1; read as a double");
    auto table = read_json(R"([{"n": 18446744073709551615}])", "f.json");
    ASSERT_TRUE(table);
    EXPECT_EQ(table->tables[0].rows[0].cells[0].text, "18446744073709551615");  // exact digits
}

TEST(JsonReader, UnicodeKeysAndValuesArePreserved) {
    FileContent content = read_ok(R"({"modèle": "gemma3 \u00e9\ud83d\ude00", "durée_ms": 1.5,
                                      "rows": [{"nom": "日本語", "v": 1}]})");
    const model::Scalar* scalar = scalar_at(content, "durée_ms");
    ASSERT_NE(scalar, nullptr);
    EXPECT_EQ(dim(*scalar, "modèle"), "gemma3 \xC3\xA9\xF0\x9F\x98\x80");
    EXPECT_EQ(cell(*table_at(content, "rows"), 0, "nom").text, "日本語");
}

TEST(JsonReader, ConcatenatedDocumentsOnePerLineAreReadAsLines) {
    auto result = read_json("{\"rate\": 1, \"ttft\": [1, 2]}\n\n{\"rate\": 2, \"ttft\": [3]}\n", "f.json");
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->tables.size(), 1u);
    EXPECT_EQ(result->tables[0].rows.size(), 2u);
    EXPECT_EQ(result->tables[0].rows[1].line, 3);
    EXPECT_EQ(result->warnings, (std::vector<std::string>{"f.json: 2 JSON documents in one file; read as JSON Lines"}));
    const model::Scalar* third = scalar_at(*result, "[1].ttft[0]");
    ASSERT_NE(third, nullptr);
    EXPECT_EQ(third->source.line, 3);
    EXPECT_EQ(dim(*third, "line"), "3");
}

TEST(JsonReader, ConcatenatedPrettyPrintedDocuments) {
    auto result = read_json("{\n  \"a\": 1\n}\n{\n  \"a\": 2\n}\n", "f.json");
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->tables.size(), 1u);
    EXPECT_EQ(result->tables[0].rows[1].line, 4);
    EXPECT_EQ(result->warnings.size(), 1u);
}

TEST(JsonReader, DeepNestingIsAnErrorNotACrash) {
    const std::string arrays = std::string(10000, '[') + std::string(10000, ']');
    auto result = read_json(arrays, "deep.json");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message, "deep.json: JSON nesting deeper than 1024 levels");
    std::string objects;
    for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
    objects += "1" + std::string(10000, '}');
    EXPECT_FALSE(read_json(objects, "deep.json"));
    EXPECT_FALSE(read_jsonl(arrays + "\n" + arrays, "deep.jsonl"));
}

TEST(JsonReader, NestingJustUnderTheLimitIsWalked) {
    std::string objects;
    for (int i = 0; i < 1000; ++i) objects += "{\"a\":[";
    objects += "1";
    for (int i = 0; i < 1000; ++i) objects += "]}";
    auto result = read_json(objects, "f.json");
    ASSERT_FALSE(result);  // 2000 levels
    objects.clear();
    for (int i = 0; i < 1000; ++i) objects += "{\"a\":";
    objects += "1" + std::string(1000, '}');
    FileContent content = read_ok(objects);
    ASSERT_EQ(content.scalars.size(), 1u);
    EXPECT_EQ(content.scalars[0].key, "a");
    std::string tables;  // 511 tables nested in records, walked on a worker thread's stack
    for (int i = 0; i < 511; ++i) tables += "[{\"s\": \"x\", \"a\": ";
    tables += "[1, 2]";
    for (int i = 0; i < 511; ++i) tables += "}]";
    std::thread worker([&] { content = read_ok(tables); });
    worker.join();
    EXPECT_EQ(content.tables.size(), 511u);
    EXPECT_EQ(content.scalars.size(), 2u);
}

TEST(JsonReader, EmptyAndInvalidInput) {
    EXPECT_EQ(read_json("", "f.json").error().message, "f.json: empty file");
    EXPECT_EQ(read_json(" \n\t\r\n", "f.json").error().message, "f.json: empty file");
    EXPECT_EQ(read_json("\xEF\xBB\xBF  ", "f.json").error().message, "f.json: empty file");
    EXPECT_EQ(read_jsonl("\n\n", "f.jsonl").error().message, "f.jsonl: empty file");
    auto invalid = read_json("{\"a\": 1,", "f.json");
    ASSERT_FALSE(invalid);
    EXPECT_TRUE(util::starts_with(invalid.error().message, "f.json: invalid JSON: ")) << invalid.error().message;
    auto utf8 = read_json("{\"a\":\n\"\xFF\"}", "f.json");
    ASSERT_FALSE(utf8);
    EXPECT_EQ(utf8.error().message, "f.json:2: invalid JSON: The input is not valid UTF-8");
}

TEST(JsonReader, ScalarDocumentAndBom) {
    FileContent number = read_ok("\xEF\xBB\xBF 42 ");
    ASSERT_EQ(number.scalars.size(), 1u);
    EXPECT_EQ(number.scalars[0].source.json_path, "");
    EXPECT_TRUE(read_ok("\"just text\"").scalars.empty());
}

TEST(JsonLinesReader, OneBadLineBecomesAWarning) {
    auto result = read_jsonl("{\"n\": 1}\r\n{\"n\": \n\n{\"n\": 3, \"samples\": [7]}\n", "f.jsonl");
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->tables.size(), 1u);
    const model::Table& table = result->tables[0];
    EXPECT_EQ(table.locator, "");
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0].line, 1);
    EXPECT_EQ(table.rows[1].line, 4);
    EXPECT_EQ(table.rows[1].json_path, "[1]");
    ASSERT_EQ(result->warnings.size(), 1u);
    EXPECT_TRUE(util::starts_with(result->warnings[0], "f.jsonl:2: invalid JSON: ")) << result->warnings[0];
    const model::Scalar* sample = scalar_at(*result, "[1].samples[0]");
    ASSERT_NE(sample, nullptr);
    EXPECT_EQ(sample->source.line, 4);
}

TEST(JsonLinesReader, AllBadLinesFail) {
    auto result = read_jsonl("\nnot json\n{oops}\n", "f.jsonl");
    ASSERT_FALSE(result);
    EXPECT_TRUE(util::starts_with(result.error().message, "f.jsonl:2: invalid JSON: ")) << result.error().message;
    EXPECT_TRUE(util::ends_with(result.error().message, "(none of 2 lines parses)"));
}

TEST(JsonLinesReader, ManyBadLinesAreSummarised) {
    std::string text = "{\"ok\": 1}\n";
    for (int i = 0; i < 30; ++i) text += "bad\n";
    auto result = read_jsonl(text, "f.jsonl");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->warnings.size(), 21u);
    EXPECT_EQ(result->warnings.back(), "f.jsonl: 10 more invalid lines");
}

TEST(JsonLinesReader, ArraysOfRecordsInLinesShareOneTable) {
    auto result = read_jsonl("{\"run\": 1, \"results\": [{\"t\": 1}]}\n{\"run\": 2, \"results\": [{\"t\": 2}, {\"t\": 3}]}\n",
                             "f.jsonl");
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->tables.size(), 2u);
    EXPECT_EQ(result->tables[0].locator, "");
    EXPECT_EQ(result->tables[0].columns, (std::vector<std::string>{"run"}));
    const model::Table* nested = table_at(*result, "[*].results");
    ASSERT_NE(nested, nullptr);
    ASSERT_EQ(nested->rows.size(), 3u);
    EXPECT_EQ(nested->rows[2].json_path, "[1].results[1]");
    EXPECT_EQ(nested->rows[2].line, 2);
}

TEST(JsonLinesReader, LiteralsAndNonObjectLines) {
    auto result = read_jsonl("{\"rate\": Infinity, \"tag\": \"a\"}\n{\"rate\": Infinity, \"tag\": \"b\"}\n[1.5, 2]\n", "f.jsonl");
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->warnings,
              (std::vector<std::string>{"f.jsonl: non-standard literal 'Infinity' at line 1 (2 occurrences)"}));
    EXPECT_EQ(cell(result->tables[0], 1, "rate").number, INFINITY);
    const model::Scalar* value = scalar_at(*result, "[2][1]");
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(value->source.line, 3);
    EXPECT_EQ(value->pattern, "[*][*]");
}

TEST(JsonReader, ThreadsShareNoState) {
    const FileContent expected = read_ok(kCompilation);
    std::vector<std::thread> threads;
    std::vector<int> ok(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                auto result = (i % 2) ? read_json(kCompilation, "f.json") : read_jsonl("{\"a\": [1, 2]}", "g.jsonl");
                if (result && (i % 2 == 0 || result->scalars.size() == expected.scalars.size())) ++ok[t];
            }
        });
    for (auto& thread : threads) thread.join();
    for (int count : ok) EXPECT_EQ(count, 50);
}

TEST(JsonReader, SeedCorpusCompilationReport) {
    const std::filesystem::path path =
        "/work/shared/corpus/seed-reports/outputs/reports/compilation/conv_cuda_bench_20251002-172037.json";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "seed corpus not present: " << path;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    auto result = read_json(text.str(), "conv_cuda_bench.json");
    ASSERT_TRUE(result) << result.error().message;
    std::size_t failed = 0;
    for (const auto& scalar : result->scalars) {
        if (!scalar.failed) continue;
        ++failed;
        EXPECT_EQ(dim(scalar, "backend"), "torch_compile");
        EXPECT_TRUE(util::starts_with(scalar.failure_reason, "compilation.success=false: Cannot find a working triton"));
    }
    EXPECT_EQ(failed, 4u);  // mean/std/min/max_time_ms recorded as 0.0
}

}  // namespace
}  // namespace ingest
