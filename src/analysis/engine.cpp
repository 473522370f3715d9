#include "analysis/engine.hpp"

#include <map>
#include <span>
#include <thread>

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

// The per-frame analyzers, run on one slice of the frames. Slices are analysed on separate threads
// and their facts concatenated in frame order, so the result is the same as one sequential pass.
struct SliceFacts {
    std::vector<Fact> cold, comparisons, sweeps, summaries;
};

SliceFacts analyze_slice(std::span<Frame> frames) {
    SliceFacts out;
    for (auto& f : frames) mark_cold_starts(f);
    add_cold_start_facts(frames, out.cold);
    add_level_comparison_facts(frames, out.comparisons);
    add_sweep_facts(frames, out.sweeps);
    add_summary_facts(frames, out.summaries);
    return out;
}

void append(std::vector<Fact>& to, std::vector<Fact>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

Analysis analyze(const model::Corpus& corpus) {
    Analysis a;
    a.frames = build_frames(corpus);
    mark_same_data(a.frames);
    std::span<Frame> all(a.frames);
    const std::size_t half = a.frames.size() / 2;
    SliceFacts first, second;
    {
        std::thread worker([&] { second = analyze_slice(all.subspan(half)); });
        first = analyze_slice(all.subspan(0, half));
        worker.join();
    }
    add_inventory_facts(corpus, a.facts);
    add_quality_facts(corpus, a.facts);
    add_same_data_facts(a.frames, a.facts);
    append(a.facts, first.cold);
    append(a.facts, second.cold);
    add_model_ranking_facts(a.frames, a.facts);
    append(a.facts, first.comparisons);
    append(a.facts, second.comparisons);
    append(a.facts, first.sweeps);
    append(a.facts, second.sweeps);
    add_derived_check_facts(a.frames, a.facts);
    add_claim_facts(corpus, a.frames, a.facts);
    append(a.facts, first.summaries);
    append(a.facts, second.summaries);
    make_ids_unique(a.facts);
    return a;
}

const Fact* find_fact(const Analysis& analysis, std::string_view id) {
    for (const auto& f : analysis.facts)
        if (f.id == id) return &f;
    return nullptr;
}

}  // namespace analysis
