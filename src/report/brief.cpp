// make_brief(): the facts a narrator is told about, ranked by importance (narrator.hpp).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "report/narrative_pick.hpp"
#include "report/narrator.hpp"

namespace report {

namespace {

using analysis::FactFamily;

/// How much a family matters to a reader, and the value that orders its facts (largest first;
/// "" = none). One table, in the executive summary's order (docs/report-schema.md, "report.md").
struct FamilyWeight {
    FactFamily family;
    int weight;
    std::string_view magnitude;
};

constexpr FamilyWeight kFamilyWeights[] = {
    {FactFamily::inventory, 120, ""},        // what the folder holds: always first
    {FactFamily::ranking, 80, ""},
    {FactFamily::claim, 70, ""},             // claims and digests: by contradiction_rank()
    {FactFamily::derived, 70, ""},
    {FactFamily::cold_start, 70, "cold calls"},
    {FactFamily::quality, 65, "failed rows"},
    {FactFamily::sweep, 65, "spread"},
    {FactFamily::design, 65, ""},
    {FactFamily::comparison, 55, ""},
    {FactFamily::summary, 20, ""},
};

/// Severity lifts a fact above the plain facts of its family: a contradiction or a confound
/// (warning) outranks the throughput ranking, a caveat (notice) meets it.
int severity_bonus(analysis::Severity severity) {
    switch (severity) {
        case analysis::Severity::warning: return 20;
        case analysis::Severity::notice: return 10;
        case analysis::Severity::info: return 0;
    }
    return 0;
}

const FamilyWeight& weight_of(FactFamily family) {
    for (const auto& w : kFamilyWeights)
        if (w.family == family) return w;
    return kFamilyWeights[std::size(kFamilyWeights) - 1];
}

/// Importance, larger first: weight with severity, then magnitude.
std::pair<int, double> importance(const analysis::Fact& f) {
    const FactFamily family = analysis::kind_family(f.kind);
    const auto& w = weight_of(family);
    double magnitude = 0;
    if (family == FactFamily::claim || family == FactFamily::derived) {
        auto [disagree, gap, throughput] = contradiction_rank(f);
        magnitude = disagree + gap + throughput * 1e-3;
    } else if (!w.magnitude.empty()) {
        const auto* v = value_labelled(f, w.magnitude);
        magnitude = v && std::isfinite(v->value) ? v->value : 0;
    }
    return {w.weight + severity_bonus(f.severity), magnitude};
}

}  // namespace

Brief make_brief(const analysis::Analysis& analysis, std::size_t limit) {
    const auto& facts = analysis.facts;
    std::vector<std::pair<int, double>> keys;
    keys.reserve(facts.size());
    for (const auto& f : facts) keys.push_back(importance(f));
    std::vector<std::size_t> order(facts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const std::size_t kept = std::min(limit, facts.size());
    // Analysis order breaks ties, so the brief is deterministic.
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kept), order.end(),
                      [&](std::size_t x, std::size_t y) {
                          if (keys[x] != keys[y]) return keys[x] > keys[y];
                          return x < y;
                      });
    Brief brief;
    brief.limit = limit;
    brief.considered = facts.size();
    brief.ranked.reserve(kept);
    for (std::size_t i = 0; i < kept; ++i) brief.ranked.push_back(&facts[order[i]]);
    return brief;
}

}  // namespace report
