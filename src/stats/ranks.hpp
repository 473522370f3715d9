#pragma once
// Ranks of a sample with ties sharing their mean rank.
#include <vector>

namespace stats {

/// Midranks (1-based) of `x`: tied values share the mean of the ranks they span.
std::vector<double> midranks(const std::vector<double>& x);

}  // namespace stats
