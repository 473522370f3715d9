#pragma once
// Summary statistics of every measurement per measured group.
#include <span>
#include <vector>

#include "analysis/fact.hpp"
#include "analysis/frame.hpp"

namespace analysis {

/// Per raw frame, per group (the levels of its subject dimension, e.g. each model or backend; the
/// whole frame when it has none) and per measurement with a known quantity: n, mean, median, p95,
/// sd, CV, min and max over successful rows (time-to-first-token over warm rows), plus the
/// token-weighted decode rate where token counts and decode times are recorded.
void add_summary_facts(std::span<const Frame> frames, std::vector<Fact>& facts);

}  // namespace analysis
