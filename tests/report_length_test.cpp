// report.md grows with experiments and factors, not with files (docs/report-schema.md, "report.md"):
// a generated folder of about 1,500 small files of varied shapes gives a report of at most 800
// lines and 100 KiB, every number of it traceable; `--appendix` brings every fact back.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "analysis/engine.hpp"
#include "ingest/ingest.hpp"
#include "report/narrative_check.hpp"
#include "report/report_context.hpp"
#include "temp_dir.hpp"

namespace {

constexpr int kFolders = 100;  // 15 files each

std::string num(int i, int scale) { return std::to_string(10 + (i * 37) % scale) + "." + std::to_string(i % 10); }

// One run folder: a sweep CSV, a failing CSV, telemetry, a results JSON, an Ollama-style JSONL,
// a summary digest, prose with claims, a README and some files that are not data.
void write_run(const testing_support::TempDir& dir, int r) {
    const std::string base = "bench-" + std::to_string(r / 10) + "/run-" + std::to_string(r) + "/";
    const std::string model = "model-" + std::to_string(r % 7) + ":" + std::to_string(1 + r % 3) + "b";
    std::string sweep = "model,num_ctx,temperature,tokens_s,ttft_s\n";
    for (int i = 0; i < 12; ++i)
        sweep += model + "," + std::to_string(1024 << (i % 3)) + ",0." + std::to_string(i % 4) + "," + num(r + i, 90) + "," +
                 (i == 0 ? "4.5" : "0." + std::to_string(10 + (r + i) % 80)) + "\n";
    dir.write(base + "sweep.csv", sweep);
    std::string failing = "model,tokens_s,error\n";
    for (int i = 0; i < 6; ++i) failing += model + "," + (i % 2 ? "0" : num(r * 3 + i, 50)) + "," + (i % 2 ? "connection refused" : "") + "\n";
    dir.write(base + "calls.csv", failing);
    std::string telemetry = "elapsed_s,power_w,temp_c\n";
    for (int i = 0; i < 8; ++i) telemetry += std::to_string(i * 10) + "," + num(r + 5 * i, 60) + "," + num(r + i, 30) + "\n";
    dir.write(base + "telemetry.csv", telemetry);
    dir.write(base + "results.json", R"({"model":")" + model + R"(","results":[{"backend":"a","latency_ms":)" + num(r, 400) +
                                         R"(},{"backend":"b","latency_ms":)" + num(r + 1, 400) + "}]}");
    std::string jsonl;
    for (int i = 0; i < 5; ++i)
        jsonl += R"({"model":")" + model + R"(","eval_count":)" + std::to_string(100 + i) + R"(,"eval_duration":)" +
                 std::to_string(1000000000 + (r + i) * 1000) + R"(,"load_duration":)" + std::to_string(5000000 + i) + "}\n";
    dir.write(base + "ollama.jsonl", jsonl);
    dir.write(base + "summary.csv", "model,mean_tokens_s\n" + model + "," + num(r + 2, 90) + "\n");
    dir.write(base + "REPORT.md", "# Run " + std::to_string(r) + "\n\nThe model reached " + num(r + 7, 90) +
                                      " tokens/s with a TTFT of 0.25 s.\n\n| model | tokens/s |\n| --- | --- |\n| " + model + " | " +
                                      num(r + 3, 90) + " |\n");
    dir.write(base + "README.md", "Notes for run " + std::to_string(r) + ".\n");
    dir.write(base + "config.json", R"({"num_ctx":2048,"temperature":0.7})");
    dir.write(base + "empty.csv", "model,tokens_s\n");
    dir.write(base + "broken.json", "{\"results\": [");
    dir.write(base + "log.txt", "started\n");
    dir.write(base + "run.sh", "#!/bin/sh\n");
    dir.write(base + "copy.csv", sweep);  // a byte-identical duplicate
    dir.write(base + "notes.md", "Nothing measured here.\n");
}

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

struct Generated {
    testing_support::TempDir dir;
    model::Corpus corpus;
    analysis::Analysis analysis;
};

const Generated& generated() {
    static Generated* g = [] {
        auto* out = new Generated;
        for (int r = 0; r < kFolders; ++r) write_run(out->dir, r);
        auto corpus = ingest::ingest_folder(out->dir.str());
        if (corpus) out->corpus = std::move(*corpus);
        out->analysis = analysis::analyze(out->corpus);
        return out;
    }();
    return *g;
}

report::ReportContext context(bool appendix) {
    report::ReportContext c;
    c.date = "2000-01-01 00:00:00 UTC";
    c.appendix = appendix;
    return c;
}

TEST(ReportLength, ManyFilesGiveABoundedReport) {
    const auto& g = generated();
    ASSERT_GE(g.corpus.files.size(), 1400u);
    auto md = report::render_report_markdown(g.analysis, g.corpus, context(false));
    EXPECT_LE(lines(md), 800u);
    EXPECT_LE(md.size(), 100u * 1024u);
    EXPECT_EQ(md.find("## Appendix: Facts"), std::string::npos);
    auto bad = report::untraceable_numbers(md, g.analysis);
    EXPECT_TRUE(bad.empty()) << bad.size() << " untraceable, first: " << (bad.empty() ? "" : bad.front());
    for (const char* heading : {"## 1. Executive Summary", "## 3. Performance Analysis", "## 6. Data Quality", "## Workflow Summary"})
        EXPECT_NE(md.find(heading), std::string::npos) << heading;
    EXPECT_NE(md.find("more` raw tables with statistics"), std::string::npos);  // the overview is capped
}

TEST(ReportLength, AppendixFlagBringsEveryFactBack) {
    const auto& g = generated();
    auto md = report::render_report_markdown(g.analysis, g.corpus, context(true));
    auto appendix = md.find("## Appendix: Facts");
    ASSERT_NE(appendix, std::string::npos);
    for (const auto& f : g.analysis.facts) EXPECT_NE(md.find("- `" + f.id + "` (", appendix), std::string::npos) << f.id;
    EXPECT_TRUE(report::untraceable_numbers(md, g.analysis).empty());
}

}  // namespace
