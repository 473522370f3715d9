#pragma once
// The same run exported twice (CSV and JSON, or a copy under another name): later frames whose
// measurements repeat an earlier raw frame value for value are marked, so statistics count it once.
#include <vector>

#include "analysis/frame.hpp"

namespace analysis {

/// Marks raw frames whose measurements repeat an earlier raw frame value for value (the same run
/// exported as CSV and JSON): sets same_data_as and derived, so statistics count the data once.
/// Equal measures are the same run only when the two frames share an identifying value (a
/// context or dimension named id / run / timestamp / date, or a timestamp of 8+ digits in the
/// file name), or some quantified measure is informative (two distinct finite values): failed
/// runs whose rows are all zero or all missing never match each other on measures alone.
void mark_same_data(std::vector<Frame>& frames);

}  // namespace analysis
