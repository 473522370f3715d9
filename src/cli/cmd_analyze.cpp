#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "analysis/engine.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/run.hpp"
#include "ingest/ingest.hpp"
#include "report/report_context.hpp"
#include "report/narrative_check.hpp"


#ifndef CHIMERA_VERSION
#define CHIMERA_VERSION "0.0.0"
#endif

namespace cli {

namespace {

constexpr const char* kAnalyzeHelp =
    "usage: chimera-insight analyze DIR [--out OUTDIR] [--llm none] [--threads N] [--appendix]\n\n"
    "Reads DIR like 'ingest', computes the statistics and facts itself, and writes\n"
    "OUTDIR/report.md and OUTDIR/report.json (docs/report-schema.md). Every number in the report\n"
    "comes from a fact with its unit and sources; the narrative is checked for untraceable numbers.\n"
    "report.md is written to be read: its lists are capped (the rest is counted and lies in\n"
    "report.json) and it never exceeds 800 lines or 100 KiB without --appendix.\n\n"
    "  --out OUTDIR  where to write the report (default: chimera-insight-report)\n"
    "  --llm NAME    who phrases the narrative; 'none' (default) is the offline narrator\n"
    "  --threads N   ingest worker threads (default: one per hardware thread)\n"
    "  --appendix    also list every fact at the end of report.md (report.json always has them)\n";

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string now_utc() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buffer;
}

// Writes through a temporary file and a rename, so a failed write never leaves half a report.
// `write` streams the content into the file.
template <typename Writer>
bool write_file(const std::filesystem::path& path, const Writer& write, std::ostream& err) {
    auto tmp = path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        write(out);
        if (!out.flush()) {
            err << "chimera-insight analyze: cannot write " << tmp.string() << "\n";
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        err << "chimera-insight analyze: cannot write " << path.string() << ": " << ec.message() << "\n";
        return false;
    }
    return true;
}

}  // namespace

int cmd_analyze(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
    for (auto a : args)
        if (a == "--help" || a == "-h") {
            out << kAnalyzeHelp;
            return kExitOk;
        }
    auto parsed = parse_args(args, FlagSpec{{"--appendix"}, {"--out", "--llm", "--threads"}});
    if (!parsed) {
        err << "chimera-insight analyze: " << parsed.error().message << "\n";
        return kExitUsage;
    }
    if (parsed->positionals.size() != 1) {
        err << "chimera-insight analyze: expected exactly one folder (analyze DIR), got " << parsed->positionals.size() << "\n";
        return kExitUsage;
    }
    std::string llm = parsed->value("--llm").value_or("none");
    if (llm != "none") {
        err << "chimera-insight analyze: --llm " << llm
            << " is not available in this build; use --llm none (the offline narrator)\n";
        return kExitUsage;
    }
    ingest::IngestOptions options;
    auto threads = threads_flag(*parsed);
    if (!threads) {
        err << "chimera-insight analyze: " << threads.error().message << "\n";
        return kExitUsage;
    }
    options.threads = *threads;
    std::filesystem::path out_dir = parsed->value("--out").value_or("chimera-insight-report");
    const std::string& root = parsed->positionals.front();

    auto t0 = std::chrono::steady_clock::now();
    auto corpus = ingest::ingest_folder(root, options);
    if (!corpus) {
        err << "chimera-insight analyze: " << corpus.error().message << "\n";
        return kExitFailure;
    }
    double ingest_s = seconds_since(t0);
    auto t1 = std::chrono::steady_clock::now();
    auto result = analysis::analyze(*corpus);
    double analysis_s = seconds_since(t1);

    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        err << "chimera-insight analyze: cannot create --out folder " << out_dir.string() << ": " << ec.message() << "\n";
        return kExitFailure;
    }
    report::ReportContext context;
    context.date = now_utc();
    context.input_root = root;
    context.tool_version = CHIMERA_VERSION;
    context.ingest_s = ingest_s;
    context.analysis_s = analysis_s;
    context.appendix = parsed->has("--appendix");
    auto t2 = std::chrono::steady_clock::now();
    // report.json streams straight to its file: at 10^6 facts one string of it would cost GBs.
    if (!write_file(out_dir / "report.json", [&](std::ostream& o) { report::write_report_json(o, result, *corpus, context); }, err))
        return kExitFailure;
    context.report_s = seconds_since(t2);
    auto t3 = std::chrono::steady_clock::now();
    std::string markdown = report::render_report_markdown(result, *corpus, context);
    double markdown_s = seconds_since(t3);
    auto t4 = std::chrono::steady_clock::now();
    auto untraceable = report::untraceable_numbers(markdown, result);
    if (std::getenv("CHIMERA_TIMING")) {
        err << "timing: ingest " << ingest_s << " s, analysis " << analysis_s << " s (";
        for (std::size_t i = 0; i < result.phase_s.size(); ++i)
            err << (i ? ", " : "") << result.phase_s[i].first << " " << result.phase_s[i].second;
        err << "), report.json " << context.report_s << " s, report.md " << markdown_s << " s, narrative check "
            << seconds_since(t4) << " s\n";
    }
    for (const auto& u : untraceable) err << "chimera-insight analyze: warning: untraceable number in narrative: " << u << "\n";
    if (!write_file(out_dir / "report.md", [&](std::ostream& o) { o << markdown; }, err)) return kExitFailure;
    out << "wrote " << (out_dir / "report.md").string() << " and " << (out_dir / "report.json").string() << " ("
        << result.facts.size() << " facts from " << corpus->files.size() << " files)\n";
    return untraceable.empty() ? kExitOk : kExitFailure;
}

}  // namespace cli
