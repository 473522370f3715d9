#pragma once
// The sections of report.md, one function each, in document order. Internal to src/report.
// Each returns Markdown that starts with its heading and ends with a blank line; each is pure and
// writes numbers only from FactValues (narrative_check.hpp).
#include <string>

#include "report/report_facts.hpp"

namespace report {

/// "## 2. Data Ingestion Summary": files by kind, statuses, latest modification, records.
std::string render_ingestion(const ReportInput& in);
/// "## 3. Performance Analysis": one summary table per raw frame, then the frame's comparison,
/// sweep, cold-start and weighted-throughput statements.
std::string render_performance(const ReportInput& in);
/// "## 6. Data Quality": everything excluded or contradicted, with counts and sources.
std::string render_data_quality(const ReportInput& in);
/// "## Workflow Summary": files analysed, the timing line, the original-style data summary.
std::string render_workflow(const ReportInput& in);
/// "## Appendix: Facts": every fact with kind, severity, statement, sources and warnings.
std::string render_appendix(const ReportInput& in);

}  // namespace report
