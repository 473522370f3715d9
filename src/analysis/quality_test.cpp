// Inventory and data-quality facts over a corpus built by hand.
#include "analysis/quality.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/fact_test_support.hpp"

namespace analysis {
namespace {

using test_support::of_kind;

using model::FileKind;
using model::FileStatus;

model::FileEntry file(std::string path, FileKind kind, FileStatus status, std::uint64_t bytes, long long mtime) {
    model::FileEntry e;
    e.path = std::move(path);
    e.kind = kind;
    e.status = status;
    e.bytes = bytes;
    e.mtime_s = mtime;
    return e;
}

/// A table of `rows` rows (one column "ttft_s"); the rows listed in `failed` carry `reason`.
model::Table table(std::string path, std::size_t rows, const std::vector<std::size_t>& failed = {}, const std::string& reason = "") {
    model::Table t;
    t.file = path;
    t.columns = {"ttft_s"};
    for (std::size_t r = 0; r < rows; ++r) {
        model::Row row;
        row.line = static_cast<long long>(r) + 2;
        row.cells = {model::Cell{"0.1", 0.1, true}};
        if (std::find(failed.begin(), failed.end(), r) != failed.end()) {
            row.failed = true;
            row.failure_reason = reason;
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

const Fact* by_id(const std::vector<Fact>& facts, const std::string& id) {
    for (const auto& f : facts)
        if (f.id == id) return &f;
    return nullptr;
}

TEST(Inventory, CountsFilesByStatusAndKind) {
    model::Corpus c;
    c.files = {file("a.csv", FileKind::csv, FileStatus::parsed, 100, 1000), file("b.json", FileKind::json, FileStatus::skipped, 50, 10),
               file("c.csv", FileKind::csv, FileStatus::failed, 10, 2000), file("d.csv", FileKind::csv, FileStatus::parsed, 100, 500)};
    c.files[3].duplicate_of = "a.csv";
    c.tables = {table("a.csv", 3, {1}, "error: x")};
    std::vector<Fact> facts;
    add_inventory_facts(c, facts);
    const Fact* files = by_id(facts, "inventory/files");
    ASSERT_NE(files, nullptr);
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < 5; ++i) texts.push_back(files->values[i].text);
    EXPECT_EQ(texts, (std::vector<std::string>{"4", "2", "1", "1", "1"}));  // files, parsed, skipped, failed, duplicates
    EXPECT_DOUBLE_EQ(files->values[5].value, 260.0);                        // 100 + 50 + 10 + 100 bytes

    // Kinds with files only: csv (3, 2 parsed, latest c.csv at t = 2000 s) and json.
    auto kinds = of_kind(facts, FactKind::inventory_kind);
    ASSERT_EQ(kinds.size(), 2u);
    const Fact* csv = by_id(facts, "inventory/kind/csv");
    ASSERT_NE(csv, nullptr);
    EXPECT_EQ(csv->values[0].text, "3");
    EXPECT_EQ(csv->values[1].text, "2");
    EXPECT_NE(csv->statement.find("1970-01-01 00:33:20 UTC (c.csv)"), std::string::npos) << csv->statement;
    EXPECT_EQ(by_id(facts, "inventory/kind/json")->values[1].text, "0");

    const Fact* records = by_id(facts, "inventory/records");
    ASSERT_NE(records, nullptr);
    EXPECT_EQ(records->values[0].text, "1");  // tables
    EXPECT_EQ(records->values[1].text, "3");  // rows
    EXPECT_EQ(records->values[2].text, "1");  // failed rows
}

TEST(Quality, CleanCorpusHasNoQualityFacts) {
    model::Corpus c;
    c.files = {file("a.csv", FileKind::csv, FileStatus::parsed, 100, 1)};
    c.tables = {table("a.csv", 2)};
    std::vector<Fact> facts;
    add_quality_facts(c, facts);
    EXPECT_TRUE(facts.empty());
}

TEST(Quality, SkippedFailedAndDuplicateFilesAreListed) {
    model::Corpus c;
    c.files = {file("a.csv", FileKind::csv, FileStatus::parsed, 1, 1), file("b.bin", FileKind::other, FileStatus::skipped, 1, 1),
               file("c.csv", FileKind::csv, FileStatus::failed, 1, 1), file("d.csv", FileKind::csv, FileStatus::parsed, 1, 1)};
    c.files[1].reason = "not a data file";
    c.files[2].reason = "c.csv:3: bad quote";
    c.files[3].duplicate_of = "a.csv";
    std::vector<Fact> facts;
    add_quality_facts(c, facts);
    const Fact* skipped = by_id(facts, "quality/skipped-files");
    ASSERT_NE(skipped, nullptr);
    EXPECT_EQ(skipped->severity, Severity::info);
    EXPECT_EQ(skipped->statement, "1 files skipped: b.bin (not a data file).");
    const Fact* failed = by_id(facts, "quality/failed-files");
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->severity, Severity::warning);
    ASSERT_EQ(failed->sources.size(), 1u);
    EXPECT_EQ(failed->sources[0].file.str(), "c.csv");
    const Fact* dups = by_id(facts, "quality/duplicates");
    ASSERT_NE(dups, nullptr);
    EXPECT_NE(dups->statement.find("d.csv (duplicate of a.csv)"), std::string::npos) << dups->statement;
}

TEST(Quality, FailedRowsCountErrorsSuccessesThatAreErrorsAndImpossibleZeros) {
    model::Corpus c;
    c.files = {file("run/a.csv", FileKind::csv, FileStatus::parsed, 1, 1), file("run/b.csv", FileKind::csv, FileStatus::parsed, 1, 1)};
    c.tables = {table("run/a.csv", 4, {1, 3}, "error column: Failed to connect; all metrics recorded as 0"), table("run/b.csv", 2)};
    c.tables[0].rows[3].failure_reason = "response: recorded as success but the text is an error";
    std::vector<Fact> facts;
    add_quality_facts(c, facts);
    ASSERT_EQ(facts.size(), 1u);
    const Fact& f = facts[0];
    EXPECT_EQ(f.kind, FactKind::quality_failed_rows);
    EXPECT_EQ(f.id, "quality/failed-rows/" + slug("run/a.csv"));
    EXPECT_EQ(f.severity, Severity::warning);
    std::vector<std::string> texts;
    for (const auto& v : f.values) texts.push_back(v.text);
    EXPECT_EQ(texts, (std::vector<std::string>{"2", "4", "1", "1"}));  // failed, rows, success errors, zeros
    // The error text is what follows "<column>: " up to "; ".
    EXPECT_NE(f.statement.find("\"Failed to connect\" x1"), std::string::npos) << f.statement;
    ASSERT_EQ(f.sources.size(), 2u);
    EXPECT_EQ(f.sources[0].line, 3);
    EXPECT_EQ(f.sources[1].line, 5);
    // One of two tables in run/ failed: not a failed folder.
    EXPECT_TRUE(of_kind(facts, FactKind::quality_failed_folder).empty());
}

TEST(Quality, FolderWhoseEveryTableFailedIsAFailedRun) {
    model::Corpus c;
    c.files = {file("run_2/a.csv", FileKind::csv, FileStatus::parsed, 1, 1), file("run_2/b.csv", FileKind::csv, FileStatus::parsed, 1, 1)};
    c.tables = {table("run_2/a.csv", 2, {0, 1}, "error: model not found"), table("run_2/b.csv", 1, {0}, "error: model not found")};
    std::vector<Fact> facts;
    add_quality_facts(c, facts);
    EXPECT_EQ(of_kind(facts, FactKind::quality_failed_run).size(), 2u);
    auto folders = of_kind(facts, FactKind::quality_failed_folder);
    ASSERT_EQ(folders.size(), 1u);
    EXPECT_EQ(folders[0]->id, "quality/failed-folder/" + slug("run_2"));
    EXPECT_EQ(folders[0]->values[0].text, "2");
    // The two tables share one error: named once.
    EXPECT_NE(folders[0]->statement.find("(\"model not found\")."), std::string::npos) << folders[0]->statement;
}

TEST(Quality, TablesOfDuplicateFilesAreNotReportedTwice) {
    model::Corpus c;
    c.files = {file("a.csv", FileKind::csv, FileStatus::parsed, 1, 1), file("copy.csv", FileKind::csv, FileStatus::parsed, 1, 1)};
    c.files[1].duplicate_of = "a.csv";
    c.tables = {table("copy.csv", 2, {0}, "error: x"), model::Table{}};
    c.tables[1].file = "copy.csv";
    c.tables[1].columns = {"x"};
    std::vector<Fact> facts;
    add_quality_facts(c, facts);
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts[0].kind, FactKind::quality_duplicates);
}

TEST(Quality, FailedJsonValuesAreGroupedPerFileAndReason) {
    model::Corpus c;
    c.files = {file("b.json", FileKind::json, FileStatus::parsed, 1, 1)};
    for (const char* path : {"backends.onnx.mean_ms", "backends.onnx.p95_ms", "backends.tvm.mean_ms"}) {
        model::Scalar s;
        s.source = model::Source{"b.json", 0, path};
        s.failed = std::string(path).find("tvm") == std::string::npos;
        s.failure_reason = "compilation failed";
        c.scalars.push_back(s);
    }
    std::vector<Fact> facts;
    add_quality_facts(c, facts);
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts[0].kind, FactKind::quality_failed_values);
    EXPECT_EQ(facts[0].values[0].text, "2");
    EXPECT_EQ(facts[0].statement, "b.json: 2 values belong to failed entries and are excluded: compilation failed (x2).");
    EXPECT_EQ(facts[0].sources.size(), 2u);
}

TEST(Quality, TableWithColumnsButNoRecordsIsEmpty) {
    model::Corpus c;
    c.files = {file("t.csv", FileKind::csv, FileStatus::parsed, 1, 1)};
    c.tables = {table("t.csv", 0)};
    c.tables[0].line = 1;
    std::vector<Fact> facts;
    add_quality_facts(c, facts);
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts[0].kind, FactKind::quality_empty_table);
    EXPECT_EQ(facts[0].severity, Severity::notice);
    EXPECT_EQ(facts[0].statement, "t.csv has columns but no records (empty telemetry or export).");
}

TEST(Quality, SameDataFramesAreCountedOnce) {
    Frame f;
    f.file = "r.json";
    f.locator = "results";
    f.label = "r.json [results]";
    f.id = slug(f.label);
    f.same_data_as = "r.csv";
    f.measures = {Measure{"ttft_s", model::Quantity::time, "s"}};
    for (long long n : {0, 0}) {
        FrameRow row;
        row.line = n;
        add_row(f, row, {}, {0.1});
    }
    f.set_json_path(f.rows[0], "results[0]");
    f.set_json_path(f.rows[1], "results[1]");
    Frame other = f;
    other.same_data_as.clear();
    std::vector<Fact> facts;
    add_same_data_facts({f, other}, facts);
    ASSERT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts[0].kind, FactKind::quality_same_data);
    EXPECT_EQ(facts[0].values[0].text, "2");
    EXPECT_NE(facts[0].statement.find("of r.csv value for value"), std::string::npos) << facts[0].statement;
    // The frame itself, then each row by its JSON path.
    ASSERT_EQ(facts[0].sources.size(), 3u);
    EXPECT_EQ(facts[0].sources[0].json_path.str(), "results");
    EXPECT_EQ(facts[0].sources[2].json_path.str(), "results[1]");
}

}  // namespace
}  // namespace analysis
