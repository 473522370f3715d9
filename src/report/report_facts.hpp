#pragma once
// Shared helpers of the report renderers: looking facts up by kind, label and frame, reading the
// structured parts of a fact (ranking entries, sweep configurations), and formatting references
// and sources. Internal to src/report; every helper is pure.
#include <optional>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "analysis/engine.hpp"
#include "model/corpus.hpp"
#include "report/report_context.hpp"
#include "report/report_decorate.hpp"

namespace report {

/// What every section renderer reads. References only; lives for one render call.
/// Facts grouped by the frame id their id names ("summary/<frame-id>/..."), built once per report
/// so that rendering stays linear in frames + facts.
struct FrameIndex {
    std::unordered_map<std::string, std::vector<const analysis::Fact*>> facts;
    std::unordered_map<std::string, const analysis::Frame*> frames;
};
FrameIndex index_frames(const analysis::Analysis& analysis);

struct ReportInput {
    const analysis::Analysis& analysis;
    const model::Corpus& corpus;
    const ReportContext& context;
    const Decorator& decorate;
    const FrameIndex& index;
};

using FactList = std::vector<const analysis::Fact*>;

/// Facts of this kind, in analysis order.
FactList facts_of_kind(const analysis::Analysis& analysis, analysis::FactKind kind);
/// Facts of every kind of this family (FactFamily::claim: every claim kind), in analysis order.
FactList facts_of_family(const analysis::Analysis& analysis, analysis::FactFamily family);

/// The value with exactly this label, or nullptr.
const analysis::FactValue* value_labelled(const analysis::Fact& fact, std::string_view label);
/// The first value whose label contains `part`, or nullptr.
const analysis::FactValue* value_containing(const analysis::Fact& fact, std::string_view part);

/// "`[fact: id]`" — how the prose cites a fact.
std::string fact_ref(const analysis::Fact& fact);
/// Several references separated by spaces.
std::string fact_refs(const FactList& facts);

/// "file:line", "file#json_path", "file:line#json_path" or "file".
std::string source_text(const model::Source& source);
/// Up to `limit` sources as code spans, then "`+N more`".
std::string sources_text(const std::vector<model::Source>& sources, std::size_t limit = 5);

/// True when `fact` is about frame `frame_id`: its id reads "<prefix>/<frame_id>" or
/// "<prefix>/<frame_id>/...".
bool fact_on_frame(const analysis::Fact& fact, std::string_view frame_id);

/// The fact's statement without repeated frame context: comparison statements list every constant
/// dimension of their frame in parentheses (FactScope::context_at / context_size), which section 3
/// already shows once per frame.
std::string compact_statement(const analysis::Fact& fact);
/// compact_statement(), decorated.
std::string shown_statement(const ReportInput& in, const analysis::Fact& fact);

/// One entry of a ranking.throughput fact, in rank order.
struct RankEntry {
    std::string name;                                  ///< model tag or file label
    const analysis::FactValue* median = nullptr;       ///< median tokens/s
    const analysis::FactValue* calls = nullptr;        ///< successful calls
    const analysis::FactValue* weighted = nullptr;     ///< token-weighted tokens/s (may be null)
};
std::vector<RankEntry> ranking_entries(const analysis::Fact& ranking);

/// A configuration as code spans: {{"num_gpu", "40"}, {"num_ctx", "1024"}} as
/// "`num_gpu=40`, `num_ctx=1024`" (sweep.range: FactScope::cell is the fastest, contrast the slowest).
std::string config_code(const analysis::Cell& config);

/// True when the fact's first value is a throughput (tok/s) rather than a time.
bool is_throughput_fact(const analysis::Fact& fact);

/// The fact among `facts` with the largest finite value of the labelled value; nullptr if none.
const analysis::Fact* max_by_value(const FactList& facts, std::string_view label);

/// Joins with ", " and " and " before the last item.
std::string join_words(const std::vector<std::string>& items);

}  // namespace report
