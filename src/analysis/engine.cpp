#include "analysis/engine.hpp"

#include <chrono>
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

// Records the wall time since the previous mark under `name`.
class PhaseClock {
public:
    explicit PhaseClock(std::vector<std::pair<std::string, double>>& out) : out_(out) {}
    void mark(std::string name) {
        auto now = std::chrono::steady_clock::now();
        out_.emplace_back(std::move(name), std::chrono::duration<double>(now - last_).count());
        last_ = now;
    }

private:
    std::vector<std::pair<std::string, double>>& out_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

Analysis analyze(const model::Corpus& corpus) {
    Analysis a;
    PhaseClock clock(a.phase_s);
    a.frames = build_frames(corpus);
    clock.mark("frames");
    mark_same_data(a.frames);
    clock.mark("same-data");
    std::span<Frame> all(a.frames);
    const std::size_t half = a.frames.size() / 2;
    SliceFacts first, second;
    {
        std::thread worker([&] { second = analyze_slice(all.subspan(half)); });
        first = analyze_slice(all.subspan(0, half));
        worker.join();
    }
    clock.mark("per-frame");
    // The folder-wide analyzers read the frames (cold starts now marked) and write their own
    // lists: ranking and prose claims on one thread, quality and derived-table checks on this one.
    std::vector<Fact> quality, ranking, derived, claims;
    {
        std::thread worker([&] {
            add_model_ranking_facts(a.frames, ranking);
            add_claim_facts(corpus, a.frames, claims);
        });
        add_inventory_facts(corpus, quality);
        add_quality_facts(corpus, quality);
        add_same_data_facts(a.frames, quality);
        add_derived_check_facts(a.frames, derived);
        worker.join();
    }
    clock.mark("folder-wide");
    const auto parts = {&quality, &first.cold, &second.cold, &ranking, &first.comparisons, &second.comparisons,
                        &first.sweeps, &second.sweeps, &derived, &claims, &first.summaries, &second.summaries};
    std::size_t total = 0;
    for (const auto* part : parts) total += part->size();
    a.facts.reserve(total);
    for (auto* part : parts) append(a.facts, *part);
    make_ids_unique(a.facts);
    clock.mark("ids");
    return a;
}

const Fact* find_fact(const Analysis& analysis, std::string_view id) {
    for (const auto& f : analysis.facts)
        if (f.id == id) return &f;
    return nullptr;
}

}  // namespace analysis
