#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/run.hpp"
#include "ingest/ingest.hpp"
#include "report/inventory_report.hpp"

#ifndef CHIMERA_VERSION
#define CHIMERA_VERSION "0.0.0"
#endif

namespace cli {

namespace {
constexpr const char* kIngestHelp =
    "usage: chimera-insight ingest DIR [--json] [--threads N]\n\n"
    "Reads every file under DIR (recursively) into one typed model and prints its inventory:\n"
    "per file kind, size, modification time, content hash, status (parsed / skipped / failed with\n"
    "the reason) and duplicates; per table the meaning and unit of every column and the failed rows.\n\n"
    "  --json        print the versioned JSON document (docs/ingest-schema.md) instead of tables\n"
    "  --threads N   worker threads (default: one per hardware thread)\n\n"
    "Exit status: 0 when at least one file was parsed, 1 when DIR is missing, empty or nothing in\n"
    "it could be parsed, 2 on a usage error.\n";
}  // namespace

int cmd_ingest(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
    for (auto a : args)
        if (a == "--help" || a == "-h") {
            out << kIngestHelp;
            return kExitOk;
        }
    auto parsed = parse_args(args, FlagSpec{{"--json"}, {"--threads"}});
    if (!parsed) {
        err << "chimera-insight ingest: " << parsed.error().message << "\n";
        return kExitUsage;
    }
    if (parsed->positionals.size() != 1) {
        err << "chimera-insight ingest: expected exactly one folder (ingest DIR), got "
            << parsed->positionals.size() << "\n";
        return kExitUsage;
    }
    ingest::IngestOptions options;
    auto threads = threads_flag(*parsed);
    if (!threads) {
        err << "chimera-insight ingest: " << threads.error().message << "\n";
        return kExitUsage;
    }
    options.threads = *threads;
    const bool show_progress = &err == &std::cerr && stderr_is_terminal();
    if (show_progress)
        options.on_progress = [&err](const ingest::Progress& p) { err << "\r" << format_progress(p) << "\x1b[K" << std::flush; };
    const auto start = std::chrono::steady_clock::now();
    auto corpus = ingest::ingest_folder(parsed->positionals.front(), options);
    const double ingest_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (show_progress) err << "\r\x1b[K" << std::flush;
    if (!corpus) {
        err << "chimera-insight ingest: " << corpus.error().message << "\n";
        return kExitFailure;
    }
    const auto render_start = std::chrono::steady_clock::now();
    if (parsed->has("--json"))
        report::write_inventory_json(out, *corpus, CHIMERA_VERSION);
    else
        out << report::render_inventory_text(*corpus);
    if (std::getenv("CHIMERA_TIMING"))
        err << "timing: ingest " << ingest_s << " s, render "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - render_start).count() << " s\n";
    std::size_t parsed_files = 0;
    for (const auto& f : corpus->files) {
        if (f.status == model::FileStatus::parsed) ++parsed_files;
        else if (f.status == model::FileStatus::failed) err << "chimera-insight ingest: " << f.reason << "\n";
    }
    if (parsed_files == 0) {
        err << "chimera-insight ingest: " << parsed->positionals.front()
            << ": no file could be parsed as benchmark data\n";
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace cli
