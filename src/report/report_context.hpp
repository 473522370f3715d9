#pragma once
// The analysis report: Markdown for people (report.md) and a versioned JSON document (report.json,
// docs/report-schema.md). Both are pure functions of the analysis, the corpus and a context that
// holds everything not derived from the data (date, timings), so the same input gives the same
// bytes apart from `date` and the timings. Every number in the Markdown comes from a FactValue,
// except the timings on the one "Execution time:" line; narrative_check.hpp verifies that.
#include <iosfwd>
#include <limits>
#include <string>

#include "analysis/engine.hpp"
#include "model/corpus.hpp"

namespace report {

inline constexpr int kReportSchemaVersion = 1;

class Narrator;  // narrator.hpp: who writes the prose sections

/// Everything a report shows that does not come from the data, isolated for determinism.
struct ReportContext {
    std::string title = "Technical Report: Chimera Insight Analysis";
    std::string date;             ///< "2026-11-25 17:14:54 UTC"; tests pass a fixed string
    std::string agent_type = "Chimera Insight (deterministic analysis, offline narrator)";
    std::string model = "none";   ///< LLM used to phrase; "none" for the offline narrator
    std::string configuration = "none";
    std::string input_root;       ///< the folder as given on the command line
    std::string tool_version;     ///< "0.1.0"
    double ingest_s = 0;          ///< wall time of ingest, seconds
    double analysis_s = 0;        ///< wall time of analysis, seconds
    /// Wall time of writing report.json, seconds (measured by the caller); NaN (null in JSON) while
    /// report.json itself is being written, so only report.md states it.
    double report_s = std::numeric_limits<double>::quiet_NaN();
    /// `analyze --appendix`: report.md ends with every fact too (report.json always has them).
    bool appendix = false;
};

/// report.md in the original's layout: header, numbered sections 1-6 (Executive Summary, Data
/// Ingestion Summary, Performance Analysis, Key Findings, Recommendations, Data Quality),
/// Conclusion, Workflow Summary and, with `context.appendix`, an appendix with every fact. Data
/// labels (paths, model tags, `name=value` settings, error texts, timestamps) are set in code
/// spans. Every list is capped and the whole is bounded (report_bounds.hpp): without the appendix
/// it never exceeds 800 lines or 100 KiB, whatever the folder. Pure; thread-safe.
/// An analysis without facts still renders every section (with "no data" sentences).
std::string render_report_markdown(const analysis::Analysis& analysis, const model::Corpus& corpus,
                                   const ReportContext& context);
/// The same with the prose sections written by `narrator` (narrator.hpp); the overload above uses
/// the offline narrator.
std::string render_report_markdown(const analysis::Analysis& analysis, const model::Corpus& corpus,
                                   const ReportContext& context, const Narrator& narrator);

/// report.json, schema "chimera-insight/report" version kReportSchemaVersion: tool, context,
/// timings, inventory, every fact with values and sources, every frame. Keys in a fixed order;
/// non-finite numbers as null; ends with a newline. Pure; thread-safe.
std::string render_report_json(const analysis::Analysis& analysis, const model::Corpus& corpus,
                               const ReportContext& context);
/// The same document streamed to `out` chunk by chunk (memory bounded whatever the fact count).
void write_report_json(std::ostream& out, const analysis::Analysis& analysis, const model::Corpus& corpus,
                       const ReportContext& context);

}  // namespace report
