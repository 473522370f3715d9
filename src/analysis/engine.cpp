#include "analysis/engine.hpp"

#include <chrono>
#include <span>

#include "analysis/claims.hpp"
#include "analysis/cold_start.hpp"
#include "analysis/design_facts.hpp"
#include "analysis/comparison.hpp"
#include "analysis/quality.hpp"
#include "analysis/same_data.hpp"
#include "analysis/summaries.hpp"
#include "analysis/sweep.hpp"
#include "util/parallel.hpp"

namespace analysis {

namespace {

// The per-frame analyzers, run on one chunk of the frames (cold starts already marked). Chunks
// are analysed as separate tasks and their facts concatenated in frame order, so the result is
// the same as one sequential pass.
struct ChunkFacts {
    std::vector<Fact> cold, comparisons, sweeps, summaries;
};

void analyze_chunk(std::span<const Frame> frames, ChunkFacts& out) {
    // Room for the usual number of facts, so the lists do not move their facts while growing:
    // a summary per measure (and a weighted rate), a range, noise and effects per setting.
    std::size_t measures = 0, dims = 0;
    for (const auto& f : frames) {
        measures += f.measures.size() + 1;
        dims += f.dim_names.size();
    }
    out.summaries.reserve(measures);
    out.sweeps.reserve(4 * dims);
    out.cold.reserve(2 * frames.size());
    // Frame by frame, every analyzer in turn, while the frame's rows are still in cache; each
    // list still receives its facts in frame order.
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const auto one = frames.subspan(i, 1);
        add_cold_start_facts(one, out.cold);
        add_level_comparison_facts(one, out.comparisons);
        add_sweep_facts(one, out.sweeps);
        add_summary_facts(one, out.summaries);
    }
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
    {
        Pooled pooled = pool_datasets(a.frames);
        a.datasets = std::move(pooled.datasets);
        a.dataset_frames = std::move(pooled.frames);
        std::vector<std::string> parsed;
        for (const auto& file : corpus.files)
            if (file.status == model::FileStatus::parsed && file.duplicate_of.empty()) parsed.push_back(file.path);
        find_empty_members(a.datasets, a.dataset_frames, parsed);
        for (auto& f : a.dataset_frames) mark_cold_starts(f);
    }
    clock.mark("frames");
    mark_same_data(a.frames);
    clock.mark("same-data");
    util::for_halves(a.frames.size(), 64, [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) mark_cold_starts(a.frames[i]);
    });
    clock.mark("cold-starts");
    // Every analyzer below only reads the frames and writes its own list, so they run as tasks on
    // two threads: the four folder-wide ones first (the longest), then chunks of frames.
    const std::span<const Frame> all(a.frames);
    constexpr std::size_t kChunk = 256;
    const std::size_t chunks = (all.size() + kChunk - 1) / kChunk;
    std::vector<ChunkFacts> per_chunk(chunks);
    std::vector<Fact> quality, ranking, derived, claims, design;
    constexpr std::size_t kFolderWide = 5;
    util::run_tasks(kFolderWide + chunks, [&](std::size_t task) {
        switch (task) {
            case 0: add_claim_facts(corpus, a.frames, claims); return;
            case 1: add_derived_check_facts(a.frames, derived); return;
            case 2:
                add_inventory_facts(corpus, quality);
                add_quality_facts(corpus, quality);
                add_same_data_facts(a.frames, quality);
                return;
            case 3: add_model_ranking_facts(a.frames, ranking); return;
            case 4: add_design_facts(a.dataset_frames, a.datasets, design); return;
            default: {
                const std::size_t c = task - kFolderWide;
                analyze_chunk(all.subspan(c * kChunk, std::min(kChunk, all.size() - c * kChunk)), per_chunk[c]);
            }
        }
    });
    clock.mark("analyzers");
    std::size_t total = quality.size() + ranking.size() + derived.size() + claims.size() + design.size();
    for (const auto& c : per_chunk) total += c.cold.size() + c.comparisons.size() + c.sweeps.size() + c.summaries.size();
    a.facts.reserve(total);
    // Report order: quality, design, cold starts, ranking, comparisons, sweeps, derived checks, claims, summaries.
    append(a.facts, quality);
    append(a.facts, design);
    for (auto& c : per_chunk) append(a.facts, c.cold);
    append(a.facts, ranking);
    for (auto& c : per_chunk) append(a.facts, c.comparisons);
    for (auto& c : per_chunk) append(a.facts, c.sweeps);
    append(a.facts, derived);
    append(a.facts, claims);
    for (auto& c : per_chunk) append(a.facts, c.summaries);
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
