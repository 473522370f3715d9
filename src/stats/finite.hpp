#pragma once
// Separating finite samples from NaN / ±inf, the first step of every stats:: function.
#include <cstddef>
#include <span>
#include <vector>

namespace stats {

/// The finite values of an input, plus how many were dropped.
struct FiniteSample {
    std::vector<double> values;  ///< same unit as the input; order documented per function
    std::size_t excluded = 0;    ///< count of NaN, +inf and -inf values left out
};

/// Copies the finite values of `values` in input order. Empty input gives an empty sample.
/// Pure and thread-safe.
FiniteSample finite_values(std::span<const double> values);

/// Like finite_values, sorted ascending (what percentile() expects). Pure and thread-safe.
FiniteSample sorted_finite_values(std::span<const double> values);

}  // namespace stats
