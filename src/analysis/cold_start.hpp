#pragma once
// Cold starts and reloads: calls whose time to first token is dominated by loading the model.
#include <span>
#include <vector>

#include "analysis/fact.hpp"
#include "analysis/frame.hpp"

namespace analysis {

/// Flags rows of frames with a TTFT measure as cold when TTFT is at least 5x the frame's lower-quartile
/// TTFT (and 0.2 s above it) and either the load time is at least half of it or it is the
/// frame's first call. Reasons say which, and name the settings that changed just before.
void mark_cold_starts(Frame& frame);

/// Facts: per frame, the cold calls with TTFT and load, warm TTFT statistics without them, and
/// whether a dimension's apparent TTFT effect coincides with reload order (confounded).
void add_cold_start_facts(std::span<const Frame> frames, std::vector<Fact>& facts);

}  // namespace analysis
