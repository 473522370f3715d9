#pragma once
// Configuration sweeps: frames whose rows vary numeric settings (num_gpu, num_ctx, temperature).
#include <span>
#include <vector>

#include "analysis/fact.hpp"
#include "analysis/frame.hpp"

namespace analysis {

/// For each raw sweep frame with at least three configurations: the best and worst configuration
/// by throughput (or by its main time measure), the spread between them, the main effect of each
/// setting (mean by level), and whether the spread exceeds run-to-run noise — or a plain statement
/// that one run per configuration cannot separate effect from noise.
void add_sweep_facts(std::span<const Frame> frames, std::vector<Fact>& facts);

}  // namespace analysis
