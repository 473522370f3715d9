#pragma once
// Facts over the design of each dataset (docs/design.md "Statistics over the design"): its design
// line, cells, factor effects, interactions, best and worst cell, noise, completeness, outliers,
// and where a path factor disagrees with the data.
#include <span>
#include <vector>

#include "analysis/dataset.hpp"
#include "analysis/fact.hpp"
#include "analysis/frame.hpp"

namespace analysis {

/// The metrics analysed over a dataset's design: throughput, TTFT, the main latency and the
/// decode time, where the frame has them (at most four).
std::vector<int> design_metrics(const Frame& frame);

/// Facts of every dataset: those measuring throughput or TTFT first, then the largest (the order
/// the report shows them in).
void add_design_facts(std::span<const Frame> frames, std::span<const Dataset> datasets, std::vector<Fact>& facts);

}  // namespace analysis
