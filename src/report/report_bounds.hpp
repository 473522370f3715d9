#pragma once
// How long report.md may grow, and the tools that keep it there. The report's length follows the
// experiments and factors of a folder, not its file count: every list is capped, the rest is
// counted ("`12 more`, every item in report.json"), long statements are clipped at a clause
// boundary, and a final guard cuts whatever still overflows (docs/report-schema.md, "report.md").
// Internal to src/report; every function is pure.
#include <cstddef>
#include <string>
#include <string_view>

namespace report {

/// Every cap of report.md in one table (docs/report-schema.md lists them).
struct ReportLimits {
    std::size_t max_lines = 800;            ///< hard bound on report.md without --appendix
    std::size_t max_bytes = 100 * 1024;     ///< hard bound on report.md without --appendix
    std::size_t summary_bullets = 8;        ///< executive summary
    std::size_t key_findings = 8;           ///< section 4
    std::size_t frames_in_table = 12;       ///< rows of the performance overview table
    std::size_t frames_detailed = 3;        ///< frames with a detail subsection
    std::size_t frames_detailed_with_datasets = 1;  ///< the same when datasets are shown first
    std::size_t measures_per_frame = 10;    ///< rows of a detailed frame's summary table
    std::size_t statements_per_frame = 6;   ///< bullets under a detailed frame's table
    std::size_t data_summary_paths = 2;     ///< paths per file kind in the Workflow Summary's data summary
    std::size_t examples_per_kind = 4;      ///< Data Quality examples per kind of problem
    std::size_t statement_chars = 320;      ///< a bullet's statement before it is clipped
    std::size_t long_statement_chars = 700; ///< the folder-wide ranking, the executive summary
    std::size_t datasets_shown = 4;         ///< datasets with a design subsection (largest first)
    std::size_t metrics_per_dataset = 1;    ///< key metrics shown per dataset (the first of design_metrics)
    std::size_t cells_per_metric = 5;       ///< rows of a metric's cell table (best first)
    std::size_t effects_per_metric = 3;     ///< factor effects (significant, then largest spread)
    std::size_t interactions_per_metric = 1;
    std::size_t levels_per_factor = 4;      ///< levels listed in the factor table
    std::size_t brief_facts = 40;           ///< facts a narrator is told about (narrator.hpp)
};
inline constexpr ReportLimits kLimits{};

/// `text` cut at the last clause boundary ("; ", ", ") before `max_chars` that lies outside code
/// spans, with "… (full text in report.json)" appended; `text` itself when short enough. Cutting
/// only between clauses keeps every number whole, so the narrative check still traces it.
std::string clip(std::string_view text, std::size_t max_chars = kLimits.statement_chars);

/// "`N more`, every one in `report.json`." for N > 0, "" otherwise. The count is the report's
/// own, so it is set in a code span, which the narrative check does not read.
std::string more_in_json(std::size_t more, std::string_view what);

/// The final guard: `markdown` itself when it fits `max_lines` and `max_bytes`; otherwise its
/// longest prefix of whole lines that fits with a closing note (an open code fence is closed).
std::string fit_markdown(std::string markdown, std::size_t max_lines = kLimits.max_lines,
                         std::size_t max_bytes = kLimits.max_bytes);

}  // namespace report
