#pragma once
// The narration seam: who writes report.md's prose sections. A narrator gets a bounded brief (the
// facts that matter most, ranked) and the report's input, and returns the prose sections as
// Markdown. Every number it writes must be a fact value (report::untraceable_numbers(),
// docs/report-schema.md "report.md"), whoever the narrator is. The offline narrator (templates,
// narrative*.cpp) is the first implementation; others (an LLM) plug in behind the same interface.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "report/report_facts.hpp"

namespace report {

/// The facts a narrator is told about: the most important first, at most `limit` of them.
struct Brief {
    std::vector<const analysis::Fact*> ranked;  ///< most important first; size() <= limit
    std::size_t limit = 0;                      ///< the bound the brief was made with
    std::size_t considered = 0;                 ///< facts of the analysis it was chosen from
};

/// Ranks every fact by importance and keeps the first `limit`: severity (warning, notice, info)
/// and kind family together decide the weight (brief.cpp, one table, the executive summary's
/// order: what the folder holds, contradictions, the ranking, cold starts, failures, sweeps,
/// comparisons, summaries last), then the magnitude within the family (a contradiction's gap,
/// a sweep's spread, cold calls, failed rows), then analysis order. Pure; linear plus a partial
/// sort of `limit` facts.
Brief make_brief(const analysis::Analysis& analysis, std::size_t limit);

/// The prose sections of report.md, each a complete Markdown section with its heading.
struct Narrative {
    std::string executive_summary;  ///< "## 1. Executive Summary"
    std::string key_findings;       ///< "## 4. Key Findings"
    std::string recommendations;    ///< "## 5. Recommendations" (with its risk table)
    std::string conclusion;         ///< "## Conclusion"
};

/// Writes the prose sections of report.md. Implementations are immutable and thread-safe.
class Narrator {
public:
    virtual ~Narrator() = default;
    /// The sections for this report. `brief` bounds what the narrator is told; `in` is the whole
    /// report input (the analysis, the corpus, the context and the decorator for code spans).
    virtual Narrative narrate(const Brief& brief, const ReportInput& in) const = 0;
};

/// Today's narrator: sentence templates filled with fact values, no model, no network. It reads
/// the facts itself with the pickers of narrative_pick.hpp, so its text does not depend on the
/// brief's bound.
class OfflineNarrator final : public Narrator {
public:
    Narrative narrate(const Brief& brief, const ReportInput& in) const override;
};

/// The one OfflineNarrator render_report_markdown() uses by default.
const Narrator& offline_narrator();

}  // namespace report
