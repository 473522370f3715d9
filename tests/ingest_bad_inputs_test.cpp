// Bad inputs through the whole ingest: each is reported per file and the rest is still read.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <gtest/gtest.h>

#include "ingest/ingest.hpp"
#include "temp_dir.hpp"

namespace {

using model::FileStatus;
using testing_support::TempDir;

const model::FileEntry& entry(const model::Corpus& c, const std::string& path) {
    for (const auto& f : c.files)
        if (f.path == path) return f;
    static model::FileEntry none;
    ADD_FAILURE() << "no entry for " << path;
    return none;
}

const char* kGoodCsv = "model,ttft_s,tokens_s\nm1,0.1,50\nm2,0.2,60\n";

TEST(IngestBadInputs, EmptyFolderIsAnError) {
    TempDir dir;
    auto corpus = ingest::ingest_folder(dir.str());
    ASSERT_FALSE(corpus);
    EXPECT_NE(corpus.error().message.find("no files"), std::string::npos);
}

TEST(IngestBadInputs, MissingFolderIsAnError) {
    auto corpus = ingest::ingest_folder("/nonexistent/chimera/folder");
    ASSERT_FALSE(corpus);
    EXPECT_NE(corpus.error().message.find("no such folder"), std::string::npos);
}

TEST(IngestBadInputs, UnreadableFileReportedRestRead) {
    TempDir dir;
    dir.write("good.csv", kGoodCsv);
    auto locked = dir.write("locked.csv", kGoodCsv);
    ::chmod(locked.c_str(), 0);
    ::mkfifo((dir.path() / "pipe.csv").c_str(), 0600);
    auto corpus = ingest::ingest_folder(dir.str());
    ASSERT_TRUE(corpus);
    EXPECT_EQ(entry(*corpus, "good.csv").status, FileStatus::parsed);
    EXPECT_EQ(entry(*corpus, "pipe.csv").status, FileStatus::failed);
    EXPECT_NE(entry(*corpus, "pipe.csv").reason.find("not a regular file"), std::string::npos);
    if (::geteuid() != 0) {  // root reads mode-000 files; the FIFO above covers that case
        EXPECT_EQ(entry(*corpus, "locked.csv").status, FileStatus::failed);
        EXPECT_NE(entry(*corpus, "locked.csv").reason.find("cannot read"), std::string::npos);
    }
}

TEST(IngestBadInputs, SymlinkLoopAndDanglingLinkReported) {
    TempDir dir;
    dir.write("sub/good.csv", kGoodCsv);
    std::filesystem::create_directory_symlink(dir.path(), dir.path() / "sub" / "loop");
    std::filesystem::create_symlink(dir.path() / "a.json", dir.path() / "b.json");
    std::filesystem::create_symlink(dir.path() / "b.json", dir.path() / "a.json");
    std::filesystem::create_symlink(dir.path() / "missing.csv", dir.path() / "dangling.csv");
    auto corpus = ingest::ingest_folder(dir.str());
    ASSERT_TRUE(corpus);
    EXPECT_EQ(entry(*corpus, "sub/good.csv").status, FileStatus::parsed);
    EXPECT_NE(entry(*corpus, "sub/loop").reason.find("not followed"), std::string::npos);
    EXPECT_NE(entry(*corpus, "a.json").reason.find("symlink loop"), std::string::npos);
    EXPECT_NE(entry(*corpus, "dangling.csv").reason.find("dangling"), std::string::npos);
}

TEST(IngestBadInputs, BinaryFileNamedJsonIsSkipped) {
    TempDir dir;
    dir.write("good.csv", kGoodCsv);
    dir.write("model.json", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12) + std::string(200, '\0'));
    auto corpus = ingest::ingest_folder(dir.str());
    ASSERT_TRUE(corpus);
    const auto& f = entry(*corpus, "model.json");
    EXPECT_EQ(f.status, FileStatus::skipped);
    EXPECT_NE(f.reason.find("binary"), std::string::npos);
}

TEST(IngestBadInputs, InvalidUtf8IsRepairedAndReported) {
    TempDir dir;
    dir.write("bad.csv", "model,tokens_s\nm\xff\xfe,50\nok,60\n");
    auto corpus = ingest::ingest_folder(dir.str());
    ASSERT_TRUE(corpus);
    const auto& f = entry(*corpus, "bad.csv");
    EXPECT_EQ(f.status, FileStatus::parsed);
    ASSERT_FALSE(f.warnings.empty());
    EXPECT_NE(f.warnings.front().find("bad.csv:2: invalid UTF-8"), std::string::npos);
    ASSERT_EQ(corpus->tables.size(), 1u);
    EXPECT_EQ(corpus->tables[0].rows.size(), 2u);
}

TEST(IngestBadInputs, Utf16FileIsDecoded) {
    TempDir dir;
    std::string text = "model,tokens_s\r\nm1,50.5\r\n";
    std::string bytes = "\xff\xfe";
    for (char c : text) { bytes += c; bytes += '\0'; }
    dir.write("utf16.csv", bytes);
    auto corpus = ingest::ingest_folder(dir.str());
    ASSERT_TRUE(corpus);
    EXPECT_EQ(entry(*corpus, "utf16.csv").encoding, "utf-16le");
    ASSERT_EQ(corpus->tables.size(), 1u);
    EXPECT_DOUBLE_EQ(corpus->tables[0].number_at(0, 1), 50.5);
}

TEST(IngestBadInputs, DeeplyNestedJsonFailsCleanly) {
    TempDir dir;
    dir.write("good.csv", kGoodCsv);
    dir.write("deep.json", std::string(10000, '[') + std::string(10000, ']'));
    auto corpus = ingest::ingest_folder(dir.str());
    ASSERT_TRUE(corpus);
    EXPECT_EQ(entry(*corpus, "deep.json").status, FileStatus::failed);
    EXPECT_NE(entry(*corpus, "deep.json").reason.find("deep.json"), std::string::npos);
    EXPECT_EQ(entry(*corpus, "good.csv").status, FileStatus::parsed);
}

TEST(IngestBadInputs, FiftyMegabyteSingleLineFile) {
    TempDir dir;
    dir.write("good.csv", kGoodCsv);
    dir.write("huge.md", std::string(50u << 20, 'x'));
    dir.write("huge.csv", "a" + std::string(50u << 20, ','));
    auto corpus = ingest::ingest_folder(dir.str());
    ASSERT_TRUE(corpus);
    EXPECT_EQ(entry(*corpus, "huge.md").status, FileStatus::parsed);
    EXPECT_EQ(entry(*corpus, "huge.csv").status, FileStatus::failed);
    EXPECT_NE(entry(*corpus, "huge.csv").reason.find("not a benchmark table"), std::string::npos);
    EXPECT_EQ(entry(*corpus, "good.csv").status, FileStatus::parsed);
}

TEST(IngestBadInputs, RaggedCsvAndNonFiniteCells) {
    TempDir dir;
    dir.write("ragged.csv", "model,ttft_s,tokens_s\nm1,0.1\nm2,0.2,60,extra\nm3,NaN,Infinity\nm4,1e309,-inf\n");
    auto corpus = ingest::ingest_folder(dir.str());
    ASSERT_TRUE(corpus);
    const auto& f = entry(*corpus, "ragged.csv");
    EXPECT_EQ(f.status, FileStatus::parsed);
    EXPECT_GE(f.warnings.size(), 2u);
    ASSERT_EQ(corpus->tables.size(), 1u);
    const auto& t = corpus->tables[0];
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_TRUE(t.missing_at(0, 2));
    EXPECT_TRUE(std::isnan(t.number_at(2, 1)));
    EXPECT_TRUE(std::isinf(t.number_at(3, 1)));
}

TEST(IngestBadInputs, DuplicatesFoundByContent) {
    TempDir dir;
    dir.write("a/run.csv", kGoodCsv);
    dir.write("b/run_copy.csv", kGoodCsv);
    dir.write("c/other.csv", "model,ttft_s\nx,1\n");
    auto corpus = ingest::ingest_folder(dir.str());
    ASSERT_TRUE(corpus);
    EXPECT_EQ(entry(*corpus, "b/run_copy.csv").duplicate_of, "a/run.csv");
    EXPECT_EQ(entry(*corpus, "a/run.csv").duplicate_of, "");
    EXPECT_EQ(entry(*corpus, "c/other.csv").duplicate_of, "");
}

}  // namespace
