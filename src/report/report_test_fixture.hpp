#pragma once
// A small hand-built corpus and analysis for the report tests: two models, a sweep with cold
// starts, a failed run folder, a contradicted digest. Statements are filled from their values
// ("{0}" = values[0].text), as the analyzers do, so every number in them is a fact value.
#include <cmath>
#include <string>
#include <vector>

#include "analysis/engine.hpp"
#include "model/corpus.hpp"
#include "report/report_context.hpp"

namespace report::testing {

using analysis::Fact;
using analysis::FactKind;
using analysis::FactValue;
using analysis::make_count;
using analysis::make_value;
using analysis::Severity;
using model::Quantity;

inline Fact make_fact(std::string id, FactKind kind, Severity severity, std::string subject, std::vector<FactValue> values,
                      std::string pattern, std::vector<std::string> warnings = {}) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::string key = "{" + std::to_string(i) + "}";
        for (auto pos = pattern.find(key); pos != std::string::npos; pos = pattern.find(key, pos))
            pattern.replace(pos, key.size(), values[i].text);
    }
    Fact f{std::move(id), kind, severity, std::move(subject), std::move(pattern), std::move(values), {}, std::move(warnings)};
    f.sources.push_back(model::Source{"runs/a/prompt_runs.csv", 2, ""});
    return f;
}

inline model::Corpus small_corpus() {
    model::Corpus c;
    c.root = "bench";
    auto file = [&](std::string path, model::FileKind kind, model::FileStatus status, std::string reason = "") {
        model::FileEntry e;
        e.path = std::move(path);
        e.kind = kind;
        e.status = status;
        e.reason = std::move(reason);
        e.bytes = 512;
        e.mtime_s = 1759400000;
        c.files.push_back(std::move(e));
    };
    file("README.txt", model::FileKind::other, model::FileStatus::skipped, "not a benchmark data format (.txt)");
    file("notes/summary.md", model::FileKind::markdown, model::FileStatus::parsed);
    file("runs/a/prompt_runs.csv", model::FileKind::csv, model::FileStatus::parsed);
    file("runs/b/prompt_runs.csv", model::FileKind::csv, model::FileStatus::parsed);
    return c;
}

inline analysis::Frame small_frame() {
    analysis::Frame f;
    f.id = "runs-a-prompt-runs.csv";
    f.file = f.label = "runs/a/prompt_runs.csv";
    f.dim_names = {"model", "num_ctx"};
    f.dim_is_setting = {false, true};
    f.measures = {{"tokens_s", Quantity::throughput, "tokens/s"}, {"ttft_s", Quantity::time, "s"}};
    for (int r = 0; r < 4; ++r) {
        analysis::FrameRow row;
        row.line = r + 2;
        row.cold = r == 0;
        analysis::add_row(f, std::move(row), {r < 2 ? "gemma3:latest" : "llama3.1:8b-instruct-q4_0", r % 2 ? "2048" : "1024"},
                          {100.0 + r, 0.08});
    }
    return f;
}

/// The fact with the scope its analyzer would have filled.
inline Fact scoped(Fact f, analysis::FactScope scope) {
    f.scope = std::move(scope);
    return f;
}

/// A scope on the fixture's one raw frame.
inline analysis::FactScope frame_scope(std::string metric, analysis::Cell cell = {}, analysis::Cell contrast = {}) {
    analysis::FactScope s;
    s.dataset = "runs-a-prompt-runs.csv";
    s.metric = std::move(metric);
    s.cell = std::move(cell);
    s.contrast = std::move(contrast);
    return s;
}

inline std::vector<Fact> inventory_facts() {
    std::vector<Fact> out;
    out.push_back(make_fact("inventory/files", analysis::FactKind::inventory_files, Severity::info, "folder",
                            {make_count("files", 4), make_count("parsed", 3), make_count("skipped", 1), make_count("failed", 0),
                             make_count("duplicates", 0), make_value("bytes", 2048, Quantity::bytes)},
                            "The folder holds {0} files ({5}): {1} parsed, {2} skipped, {3} failed, {4} byte-identical duplicates."));
    out.push_back(make_fact("inventory/kind/csv", analysis::FactKind::inventory_kind, Severity::info, "csv",
                            {make_count("csv files", 2), make_count("csv parsed", 2)},
                            "csv: {0} files, {1} parsed, latest modified 2025-10-02 10:13:20 UTC (runs/b/prompt_runs.csv)."));
    out.push_back(make_fact("inventory/records", analysis::FactKind::inventory_records, Severity::info, "folder",
                            {make_count("tables", 2), make_count("rows", 12), make_count("failed rows", 5),
                             make_count("JSON values", 0), make_count("failed JSON values", 0), make_count("claims", 3)},
                            "Read {0} tables with {1} rows ({2} failed), {3} other JSON values ({4} failed) and {5} numeric claims in prose."));
    out.push_back(make_fact("quality/skipped-files", analysis::FactKind::quality_skipped_files, Severity::info, "folder", {make_count("files skipped", 1)},
                            "{0} files skipped: README.txt (not a benchmark data format (.txt))."));
    return out;
}

inline std::vector<Fact> performance_facts() {
    std::vector<Fact> out;
    out.push_back(make_fact("ranking/throughput", analysis::FactKind::ranking_throughput, Severity::info, "folder",
                            {make_value("gemma3:latest median tokens/s", 102.31, Quantity::throughput),
                             make_count("gemma3:latest successful calls", 40),
                             make_value("llama3.1:8b-instruct-q4_0 median tokens/s", 77.62, Quantity::throughput),
                             make_count("llama3.1:8b-instruct-q4_0 successful calls", 36)},
                            "Throughput ranking of the models in the folder by median tokens/s over successful calls: 1. gemma3:latest {0} "
                            "({1} calls); 2. llama3.1:8b-instruct-q4_0 {2} ({3} calls)."));
    const char* summary = "runs/a/prompt_runs.csv model=gemma3:latest, tokens_s: n={0}, mean {1}, median {2}, p95 {3}, min {5}, max {6}.";
    out.push_back(scoped(make_fact("summary/runs-a-prompt-runs.csv/model-gemma3-latest/tokens-s", analysis::FactKind::summary, Severity::info,
                            "runs/a/prompt_runs.csv model=gemma3:latest",
                            {make_count("n", 2), make_value("mean", 100.5, Quantity::throughput), make_value("median", 100.5, Quantity::throughput),
                             make_value("p95", 100.95, Quantity::throughput), make_value("sd", 0.7071, Quantity::throughput),
                             make_value("min", 100, Quantity::throughput), make_value("max", 101, Quantity::throughput)},
                            summary, {"need ≥ 6 samples for a 95 % CI"}),
                         frame_scope("tokens_s", {{"model", "gemma3:latest"}})));
    const auto sweep_scope = frame_scope("tokens_s", {{"num_ctx", "1024"}}, {{"num_ctx", "2048"}});
    out.push_back(scoped(make_fact("sweep-range/runs-a-prompt-runs.csv/tokens-s", analysis::FactKind::sweep_range, Severity::info,
                            "gemma3:latest (runs/a/prompt_runs.csv)",
                            {make_value("best tokens_s", 103.5, Quantity::throughput), make_value("worst tokens_s", 99.8, Quantity::throughput),
                             make_value("spread", 3.7, Quantity::percent), make_count("configurations", 4)},
                            "Sweep of gemma3:latest (runs/a/prompt_runs.csv) over {3} configurations: fastest num_ctx=1024 at {0}, "
                            "slowest num_ctx=2048 at {1} ({2} apart)."),
                         sweep_scope));
    out.push_back(scoped(make_fact("sweep-noise/runs-a-prompt-runs.csv/tokens-s", analysis::FactKind::sweep_noise, Severity::warning,
                            "gemma3:latest (runs/a/prompt_runs.csv)", {make_value("spread", 3.7, Quantity::percent)},
                            "Each configuration of gemma3:latest (runs/a/prompt_runs.csv) was run once, so the {0} spread in tokens_s "
                            "cannot be separated from run-to-run noise."),
                         sweep_scope));
    out.push_back(scoped(make_fact("cold-start/runs-a-prompt-runs.csv", analysis::FactKind::cold_start, Severity::notice, "runs/a/prompt_runs.csv",
                            {make_count("cold calls", 2), make_count("calls", 12), make_value("max cold TTFT", 5.767, Quantity::time),
                             make_value("mean TTFT with cold calls", 1.209, Quantity::time),
                             make_value("median warm TTFT", 0.0837, Quantity::time), make_value("p95 warm TTFT", 0.1, Quantity::time)},
                            "runs/a/prompt_runs.csv: {0} of {1} calls are cold starts or reloads (TTFT up to {2}, dominated by model "
                            "load); with them the mean TTFT is {3}, without them the median warm TTFT is {4} (p95 {5})."),
                         frame_scope("ttft_s")));
    auto confound_scope = frame_scope("ttft_s");
    confound_scope.factor = "num_ctx";
    confound_scope.level = "1024";
    out.push_back(scoped(make_fact("cold-start-confounded/runs-a-prompt-runs.csv/num-ctx", analysis::FactKind::cold_start_confounded, Severity::warning,
                            "runs/a/prompt_runs.csv",
                            {make_count("reloads at this level", 2), make_value("mean TTFT of those reloads", 3.457, Quantity::time),
                             make_value("mean warm TTFT at the same level", 0.084, Quantity::time)},
                            "In runs/a/prompt_runs.csv all {0} model reloads fall on num_ctx=1024 (the first value run after each change "
                            "of the other settings), so its higher TTFT ({1} on reloads vs {2} warm) is reload order, not an effect of num_ctx."),
                         confound_scope));
    return out;
}

inline std::vector<Fact> quality_facts() {
    std::vector<Fact> out;
    out.push_back(make_fact("quality/failed-run/runs-b-prompt-runs.csv", analysis::FactKind::quality_failed_run, Severity::warning, "runs/b/prompt_runs.csv",
                            {make_count("failed rows", 5), make_count("rows", 5), make_count("successes that are errors", 0),
                             make_count("rows with impossible zeros", 5)},
                            "runs/b/prompt_runs.csv: {0} of {1} rows failed and are excluded from statistics (\"Failed to connect to "
                            "127.0.0.1:11434\" x5); {3} hold zeros where a latency or throughput cannot be zero."));
    out.push_back(make_fact("quality/failed-folder/runs-b", analysis::FactKind::quality_failed_folder, Severity::warning, "runs/b",
                            {make_count("files with every row failed", 1)},
                            "Run folder runs/b failed entirely: every row of {0} table(s) is a failure."));
    out.push_back(make_fact("derived/notes-summary.md-results/tokens-s", analysis::FactKind::derived_check, Severity::warning, "notes/summary.md [Results]",
                            {make_count("values compared", 4), make_count("values that disagree", 2),
                             make_value("summary tokens_s", 110, Quantity::throughput), make_value("raw value tokens_s", 102.31, Quantity::throughput)},
                            "`notes/summary.md [Results]` (derived) vs raw `runs/a/prompt_runs.csv`: {1} of {0} `tokens_s` values "
                            "disagree with the raw data, e.g. `model=gemma3:latest`: summary {2}, raw value {3}; raw data wins."));
    return out;
}

/// The whole hand-built analysis.
inline analysis::Analysis small_analysis() {
    analysis::Analysis a;
    a.frames.push_back(small_frame());
    for (auto* part : {inventory_facts, performance_facts, quality_facts})
        for (auto& f : part()) a.facts.push_back(std::move(f));
    return a;
}

inline ReportContext fixed_context() {
    ReportContext c;
    c.date = "2026-01-01 00:00:00 UTC";
    c.input_root = "bench";
    c.tool_version = "0.1.0";
    c.ingest_s = 0.25;
    c.analysis_s = 0.5;
    c.report_s = 0.125;
    return c;
}

}  // namespace report::testing
