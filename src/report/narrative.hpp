#pragma once
// The offline narrator's sections (OfflineNarrator, narrator.hpp): the report's prose, templated
// from facts. Every sentence names the facts it rests on; every number is a FactValue's `number` or
// `text`, so untraceable_numbers() finds nothing. An LLM narrator (later) must pass the same check.
// Internal to src/report; pure.
#include <string>

#include "report/report_facts.hpp"

namespace report {

/// "## 1. Executive Summary": at most kLimits.summary_bullets bullets chosen by importance, not by
/// section order: what the folder holds, the biggest contradictions and the documents not to trust,
/// failures (weighted by their share of rows), the throughput ranking, cold starts, the largest
/// sweep effect and the single-run caveat; each from the facts present.
std::string render_executive_summary(const ReportInput& in);

/// "## 4. Key Findings": a numbered list, one fact statement per item with its id, chosen by kind
/// in a fixed priority order with a cap per kind and kLimits.key_findings in all.
std::string render_key_findings(const ReportInput& in);

/// "## 5. Recommendations": exactly three recommendations, the first applicable ones from a fixed
/// ordered list (throughput, TTFT / cold starts, data quality, then fallbacks), each quoting and
/// citing the facts that justify it; then a risk / mitigation table with at least two rows.
std::string render_recommendations(const ReportInput& in);

/// The risk / mitigation table under the recommendations: at least two rows (risk | evidence |
/// mitigation), evidence quoted from facts; two generic rows guarantee the minimum.
std::string render_risks(const ReportInput& in);

/// "## Conclusion": two or three sentences from facts.
std::string render_conclusion(const ReportInput& in);

}  // namespace report
