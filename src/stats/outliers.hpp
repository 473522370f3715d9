#pragma once
// Outlier runs inside one cell of a design (docs/design.md "Statistics over the design").
#include <cstddef>
#include <span>
#include <vector>

namespace stats {

/// Ascending positions in `x` of its outliers: with n ≥ 4, values outside
/// [Q1 − 3·IQR, Q3 + 3·IQR] (numpy-linear quartiles); with n = 3, the value farther than 50 % from
/// the median of the other two while those two agree (at most one, the farthest); none below 3.
std::vector<std::size_t> outlier_positions(std::span<const double> x);

}  // namespace stats
