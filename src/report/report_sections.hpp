#pragma once
// The sections of report.md, one function each, in document order. Internal to src/report.
// Each returns Markdown that starts with its heading and ends with a blank line; each is pure and
// writes numbers only from FactValues (narrative_check.hpp).
#include <string>

#include "report/report_facts.hpp"

namespace report {

/// "## 2. Data Ingestion Summary": files by kind, statuses, latest modification, records.
std::string render_ingestion(const ReportInput& in);
/// "## 3. Performance Analysis": the design subsection, the folder-wide ranking, one overview
/// table of the most important raw frames (report_bounds.hpp caps it), detail subsections for the
/// first few, and a count of the rest.
std::string render_performance(const ReportInput& in);
/// The per-dataset design subsection (cells, factor effects) that opens section 3; "" while there
/// is nothing to show. Its own file, report_design.cpp.
std::string render_design(const ReportInput& in);
/// The datasets in the order the report shows them: those measuring throughput or TTFT first, then
/// the largest.
std::vector<const analysis::Dataset*> ranked_datasets(const ReportInput& in);
/// "## 6. Data Quality": a count per kind of problem, then the worst few of each kind.
std::string render_data_quality(const ReportInput& in);
/// "## Workflow Summary": files analysed, the timing line, the original-style data summary.
std::string render_workflow(const ReportInput& in);
/// "## Appendix: Facts": every fact with kind, severity, statement, sources and warnings. Only
/// with `analyze --appendix` (ReportContext::appendix); report.json always holds every fact.
std::string render_appendix(const ReportInput& in);

}  // namespace report
