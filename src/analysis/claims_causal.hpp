#pragma once
// Internal to the prose claim checker (claims_prose.cpp): causal claims ("temp=0.2 causes the
// 6.5 s TTFT spike") are judged against the design, never confirmed by a number that happens to
// match (docs/design.md "Claims within their scope").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/fact.hpp"
#include "analysis/frame.hpp"

namespace analysis::claims_util {

/// The verdict on a causal claim. Conservative: when unsure, not_testable.
enum class CausalVerdict {
    supported,     ///< the named factor level differs significantly in the measure, with no confound
    confounded,    ///< every cold start / reload falls on the named level: its spikes are reload order
    not_testable,  ///< the named level has no separate data, too few calls, or no significant difference
};

/// The fact kind of a verdict: FactKind::claim_causal_supported, _confounded or _not_testable.
FactKind causal_kind(CausalVerdict verdict);

/// Whether a sentence states a cause: one of the phrases of the causal vocabulary ("causes",
/// "caused by", "due to", "because", "leads to", "results in", "drives", "is responsible for",
/// ...), matched as whole words.
bool is_causal(std::string_view text);

/// A factor level a sentence names in a frame: a setting written as name and value
/// ("temp=0.2", "num_gpu 40"; a name of four letters or more may be a prefix: "temp" names
/// "temperature"), or a level of a subject dimension written whole ("q4_0").
struct NamedLevel {
    int dim = -1;
    std::string level;  ///< the level as the frame holds it
};
std::optional<NamedLevel> named_level(const Frame& frame, std::string_view text);

/// What the design says about a causal claim that names `level` of `frame` for measure `m`.
struct CausalFinding {
    CausalVerdict verdict = CausalVerdict::not_testable;
    std::string reason;               ///< the rest of the statement, its numbers among `values`
    std::vector<FactValue> values;
    std::vector<model::Source> sources;
};

/// Judges a causal claim against one frame: confounded when the frame has at least two cold
/// starts and all of them fall on the named level (the rule of the `cold_start.confounded`
/// facts, docs/report-schema.md); not testable when the level or the other levels have no
/// successful calls of the measure, or either side has fewer than four; supported when a
/// two-sided Mann-Whitney U test of the named level against the other levels (warm calls for
/// times) gives p < 0.05; not testable otherwise.
CausalFinding judge_causal(const Frame& frame, const NamedLevel& level, int m);

}  // namespace analysis::claims_util
