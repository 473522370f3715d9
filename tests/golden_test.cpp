// End-to-end golden test: analyze the example folder shipped in examples/ and compare report.md and
// report.json with the expected files. Dates (file times differ per checkout) and timings are
// normalised. Regenerate after an intended change with CHIMERA_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "analysis/engine.hpp"
#include "ingest/ingest.hpp"
#include "report/narrative_check.hpp"
#include "report/report_context.hpp"
#include "temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string normalise(std::string text) {
    static const std::regex utc(R"(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}( UTC|Z))");
    return std::regex_replace(text, utc, "<time>");
}

struct Rendered {
    std::string markdown, json;
    analysis::Analysis analysis;
};

// A checkout gives every file its own checkout time, which the report quotes ("latest modified"):
// analyse a copy whose files all carry one fixed time, so the golden bytes do not depend on git.
Rendered render_example() {
    static testing_support::TempDir copy;
    const fs::path source = fs::path(CHIMERA_SOURCE_DIR) / "examples" / "llm-bench";
    const fs::path root = copy.path() / "llm-bench";
    if (!fs::exists(root)) {
        fs::copy(source, root, fs::copy_options::recursive);
        const std::chrono::sys_seconds day{std::chrono::sys_days{std::chrono::year{2025} / 3 / 1}};
        const auto fixed = fs::file_time_type::clock::from_sys(day);
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.is_regular_file()) fs::last_write_time(entry.path(), fixed);
    }
    auto corpus = ingest::ingest_folder(root.string());
    EXPECT_TRUE(corpus) << (corpus ? "" : corpus.error().message);
    if (!corpus) return {};
    // The report names the folder as given; give it relative so the golden file is portable.
    corpus->root = "examples/llm-bench";
    Rendered r;
    r.analysis = analysis::analyze(*corpus);
    report::ReportContext context;
    context.date = "2000-01-01 00:00:00 UTC";
    context.input_root = "examples/llm-bench";
    context.tool_version = "golden";
    context.report_s = 0;  // timings are isolated on one line; fixed here so the bytes compare
    r.markdown = report::render_report_markdown(r.analysis, *corpus, context);
    r.json = report::render_report_json(r.analysis, *corpus, context);
    return r;
}

void compare_golden(const std::string& name, const std::string& actual) {
    fs::path expected_path = fs::path(CHIMERA_SOURCE_DIR) / "tests/golden/llm-bench" / name;
    std::string normal = normalise(actual);
    if (std::getenv("CHIMERA_UPDATE_GOLDEN")) {
        std::ofstream(expected_path, std::ios::binary) << normal;
        GTEST_SKIP() << "rewrote " << expected_path;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " missing; run with CHIMERA_UPDATE_GOLDEN=1";
    std::string expected = read_text(expected_path);
    if (expected == normal) return;
    // Point at the first differing line rather than dumping both files.
    std::istringstream a(expected), b(normal);
    std::string la, lb;
    int line = 1;
    while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
    FAIL() << name << " differs from the golden file at line " << line << "\n expected: " << la << "\n   actual: " << lb
           << "\n(CHIMERA_UPDATE_GOLDEN=1 rewrites it after an intended change)";
}

TEST(Golden, ExampleReportMarkdown) { compare_golden("expected.md", render_example().markdown); }

TEST(Golden, ExampleReportJson) { compare_golden("expected.json", render_example().json); }

TEST(Golden, SameInputSameBytes) {
    auto a = render_example(), b = render_example();
    EXPECT_EQ(a.markdown, b.markdown);
    EXPECT_EQ(a.json, b.json);
}

TEST(Golden, EveryNarrativeNumberIsAFact) {
    auto r = render_example();
    auto bad = report::untraceable_numbers(r.markdown, r.analysis);
    EXPECT_TRUE(bad.empty()) << bad.size() << " untraceable, first: " << (bad.empty() ? "" : bad.front());
}

}  // namespace
