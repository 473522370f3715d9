#include "analysis/engine.hpp"

#include <map>

#include "analysis/claims.hpp"
#include "analysis/cold_start.hpp"
#include "analysis/comparison.hpp"
#include "analysis/quality.hpp"
#include "analysis/summaries.hpp"
#include "analysis/sweep.hpp"

namespace analysis {

namespace {

// Two facts must never share an id; a repeated subject gets "-2", "-3", ... in input order.
void make_ids_unique(std::vector<Fact>& facts) {
    std::map<std::string, int> seen;
    for (auto& f : facts) {
        int n = ++seen[f.id];
        if (n > 1) f.id += "-" + std::to_string(n);
    }
}

}  // namespace

Analysis analyze(const model::Corpus& corpus) {
    Analysis a;
    a.frames = build_frames(corpus);
    mark_same_data(a.frames);
    for (auto& f : a.frames) mark_cold_starts(f);
    add_inventory_facts(corpus, a.facts);
    add_quality_facts(corpus, a.facts);
    add_same_data_facts(a.frames, a.facts);
    add_cold_start_facts(a.frames, a.facts);
    add_model_ranking_facts(a.frames, a.facts);
    add_level_comparison_facts(a.frames, a.facts);
    add_sweep_facts(a.frames, a.facts);
    add_derived_check_facts(a.frames, a.facts);
    add_claim_facts(corpus, a.frames, a.facts);
    add_summary_facts(a.frames, a.facts);
    make_ids_unique(a.facts);
    return a;
}

const Fact* find_fact(const Analysis& analysis, std::string_view id) {
    for (const auto& f : analysis.facts)
        if (f.id == id) return &f;
    return nullptr;
}

}  // namespace analysis
