#pragma once
// Ratios and token-weighted rates (METRICS.md "Aggregate throughput", "Workflow and concurrency").
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace stats {

/// numerator / denominator, or NaN when the denominator is 0 (never ±inf). NaN inputs give NaN;
/// a finite numerator over ±inf gives 0, per IEEE 754. Unit: numerator unit per denominator unit.
/// Pure, thread-safe, no warnings: callers that need to explain a NaN check the inputs themselves.
double ratio(double numerator, double denominator);

/// speedup = sequential_s / concurrent_s (METRICS.md); unitless; NaN when concurrent_s is 0.
/// Both times in the same unit (seconds by convention). Pure and thread-safe.
double speedup(double sequential_s, double concurrent_s);

/// efficiency = speedup / n_agents (METRICS.md); unitless fraction; NaN when n_agents is 0.
/// Pure and thread-safe.
double efficiency(double speedup_value, std::size_t n_agents);

/// Σ numerators / Σ denominators over usable pairs, with the bookkeeping a report needs.
struct WeightedRate {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    double rate = kNaN;          ///< numerator_sum / denominator_sum; NaN when nothing usable
    double numerator_sum = 0;    ///< over used pairs; numerator unit (e.g. tokens)
    double denominator_sum = 0;  ///< over used pairs; denominator unit (e.g. seconds)
    std::size_t used = 0;        ///< pairs summed
    std::size_t ignored = 0;     ///< pairs left out: a non-finite value or a denominator ≤ 0
    std::vector<std::string> warnings;  ///< caveats for the reader; render them, never drop them
};

/// Token-weighted throughput and similar aggregate rates: Σ num_i / Σ den_i, e.g.
/// Σ output_tokens / Σ decode seconds = tokens/s, never the mean of per-call rates (METRICS.md).
/// Pair i is ignored (and counted, with a warning) when num_i or den_i is not finite or
/// den_i ≤ 0. Edge cases: empty input or no usable pair → rate NaN plus a warning; spans of
/// different lengths → nothing summed, rate NaN plus a warning (a caller bug, reported as data).
/// Pure and thread-safe; O(n).
WeightedRate weighted_rate(std::span<const double> numerators,
                           std::span<const double> denominators);

/// weighted_rate() fed one pair at a time, for callers that would otherwise keep millions of
/// pairs only to sum them: add() in the same order gives the same sums, bit for bit.
class WeightedRateSum {
public:
    void add(double numerator, double denominator);
    std::size_t pairs() const { return r_.used + r_.ignored; }
    /// The rate and warnings of the pairs added so far, as weighted_rate() of them would report.
    WeightedRate result() const;

private:
    WeightedRate r_;
};

}  // namespace stats
