// The CLI contract: help and version on stdout, usage errors exit 2, failures exit 1.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

#include "cli/run.hpp"
#include "temp_dir.hpp"

namespace {

struct Outcome {
    int code;
    std::string out, err;
};

Outcome run_cli(std::vector<std::string_view> args) {
    std::ostringstream out, err;
    int code = cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

std::string example_dir() { return std::string(CHIMERA_SOURCE_DIR) + "/examples/llm-bench"; }

TEST(Cli, HelpListsCommandsOnStdout) {
    auto r = run_cli({"--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("ingest DIR"), std::string::npos);
    EXPECT_NE(r.out.find("analyze DIR"), std::string::npos);
    EXPECT_TRUE(r.err.empty());
}

TEST(Cli, VersionOnStdout) {
    auto r = run_cli({"--version"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out.rfind("chimera-insight ", 0), 0u);
}

TEST(Cli, NoArgumentsIsUsageError) { EXPECT_EQ(run_cli({}).code, 2); }

TEST(Cli, UnknownCommandSuggests) {
    auto r = run_cli({"ingset", "x"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("did you mean 'ingest'"), std::string::npos);
}

TEST(Cli, UnknownFlagNamesIt) {
    auto r = run_cli({"ingest", example_dir(), "--jsn"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--jsn"), std::string::npos);
}

TEST(Cli, BadThreadsValueNamesFlag) {
    auto r = run_cli({"ingest", example_dir(), "--threads", "0"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--threads must be an integer"), std::string::npos);
}

TEST(Cli, MissingFolderIsFailure) {
    auto r = run_cli({"ingest", "/nonexistent/chimera"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("/nonexistent/chimera: no such folder"), std::string::npos);
    EXPECT_TRUE(r.out.empty());
}

TEST(Cli, EmptyFolderIsFailure) {
    testing_support::TempDir dir;
    auto r = run_cli({"ingest", dir.str()});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("no files"), std::string::npos);
}

TEST(Cli, FolderWithNothingParseableIsFailureButStillListed) {
    testing_support::TempDir dir;
    dir.write("notes.txt", "hello");
    auto r = run_cli({"ingest", dir.str()});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("notes.txt"), std::string::npos);
    EXPECT_NE(r.err.find("no file could be parsed"), std::string::npos);
}

TEST(Cli, IngestJsonIsVersioned) {
    auto r = run_cli({"ingest", example_dir(), "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("\"schema\": \"chimera-insight/ingest\""), std::string::npos);
    EXPECT_NE(r.out.find("\"schema_version\": 1"), std::string::npos);
    EXPECT_TRUE(r.err.empty()) << r.err;  // no progress line when stderr is not a terminal
}

TEST(Cli, AnalyzeRejectsUnavailableLlm) {
    auto r = run_cli({"analyze", example_dir(), "--llm", "ollama"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--llm ollama"), std::string::npos);
}

TEST(Cli, AnalyzeWritesBothReports) {
    testing_support::TempDir dir;
    auto out = (dir.path() / "report").string();
    auto r = run_cli({"analyze", example_dir(), "--out", out, "--llm", "none"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "report" / "report.md"));
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "report" / "report.json"));
}

// report.md carries the fact appendix only with --appendix; the help documents the flag.
TEST(Cli, AnalyzeAppendixFlag) {
    testing_support::TempDir dir;
    auto read = [](const std::filesystem::path& p) {
        std::ifstream in(p);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    auto plain = (dir.path() / "plain").string(), full = (dir.path() / "full").string();
    ASSERT_EQ(run_cli({"analyze", example_dir(), "--out", plain}).code, 0);
    ASSERT_EQ(run_cli({"analyze", example_dir(), "--out", full, "--appendix"}).code, 0);
    EXPECT_EQ(read(dir.path() / "plain" / "report.md").find("## Appendix: Facts"), std::string::npos);
    EXPECT_NE(read(dir.path() / "full" / "report.md").find("## Appendix: Facts"), std::string::npos);
    EXPECT_NE(run_cli({"analyze", "--help"}).out.find("--appendix"), std::string::npos);
}

TEST(Cli, AnalyzeUnwritableOutIsFailure) {
    testing_support::TempDir dir;
    dir.write("file", "x");
    auto r = run_cli({"analyze", example_dir(), "--out", (dir.path() / "file" / "sub").string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("--out"), std::string::npos);
}

}  // namespace
