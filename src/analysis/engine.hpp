#pragma once
// The analysis entry point: ingested corpus in, frames and facts out. Pure and deterministic.
#include <string>
#include <utility>
#include <vector>

#include "analysis/dataset.hpp"
#include "analysis/fact.hpp"
#include "analysis/frame.hpp"
#include "model/corpus.hpp"

namespace analysis {

struct Analysis {
    /// With cold starts marked. Their numeric columns may view the corpus's tables (Frame::columns):
    /// keep the corpus alive while reading frame values. Facts own all their data.
    std::vector<Frame> frames;
    std::vector<Fact> facts;    ///< in report order; ids unique
    /// Files of one shape pooled into datasets (docs/design.md "Datasets"); Dataset::frame
    /// indexes dataset_frames. The per-file frames above stay for the per-table analyzers; only
    /// the design analysis reads the pooled ones, so no row is counted twice.
    std::vector<Dataset> datasets;
    std::vector<Frame> dataset_frames;  ///< cold starts marked per run (file)
    /// Wall seconds of each analysis phase, in order ("frames", "same-data", "cold-starts", "analyzers", "ids"). Timing only:
    /// never part of the report's content, so determinism is unaffected.
    std::vector<std::pair<std::string, double>> phase_s;
};

/// Runs every analyzer: inventory, data quality, summaries, sweeps, cold starts, comparisons,
/// model ranking, derived-summary checks and claims vs data.
Analysis analyze(const model::Corpus& corpus);

/// Looks a fact up by id; nullptr when absent.
const Fact* find_fact(const Analysis& analysis, std::string_view id);

}  // namespace analysis
