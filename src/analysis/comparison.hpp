#pragma once
// Comparisons between levels of a grouping dimension (models, quantization tags, backends) and a
// folder-wide throughput ranking of models.
#include <span>
#include <vector>

#include "analysis/fact.hpp"
#include "analysis/frame.hpp"

namespace analysis {

/// Per raw frame and subject dimension (model, tag, backend, quant, engine, device, ...): each
/// level's median of the main measure, its ratio to the reference level (eager/baseline/default,
/// else the first level), failed levels named as failed and never ranked.
void add_level_comparison_facts(std::span<const Frame> frames, std::vector<Fact>& facts);

/// Across all raw frames: models ranked by median tokens/s of successful calls, with the
/// token-weighted rate (sum of tokens / sum of decode seconds) where both are recorded.
void add_model_ranking_facts(const std::vector<Frame>& frames, std::vector<Fact>& facts);

/// True for dimension names that name what is being compared (model, tag, backend, ...).
bool is_subject_dimension(std::string_view name);

}  // namespace analysis
