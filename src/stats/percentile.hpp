#pragma once
// Percentiles by linear interpolation between order statistics.
#include <span>

namespace stats {

/// Percentile of `sorted` at fraction `p` (0.9 for p90): linear interpolation between order
/// statistics, Hyndman & Fan (1996) definition 7, exactly numpy's default
/// (`numpy.percentile(x, 100 * p)`, `numpy.quantile(x, p)`, method='linear'):
/// h = (n − 1)·p, result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]), evaluated in the same
/// floating-point order as numpy's `_lerp` so results agree to the last bit.
///
/// `sorted` must be ascending and finite (see sorted_finite_values). Result is in the same unit as
/// the input. Edge cases: empty input → NaN; n = 1 → that value; p = 0 → min; p = 1 → max;
/// p outside [0, 1] or NaN → NaN. Pure and thread-safe; O(1).
double percentile(std::span<const double> sorted, double p);

/// Moves the value of rank k (0-based) to values[k], with no larger value before it and no smaller
/// one after it, like std::nth_element (same postcondition, found faster on small samples; O(n)
/// expected, O(n log n) worst case). `values` must be free of NaN and k < values.size().
void select_nth(std::span<double> values, std::size_t k);

/// percentile() of unsorted values, by selection instead of a full sort (O(n)); reorders `values`.
/// Same result as sorting and calling percentile().
double percentile_unsorted(std::span<double> values, double p);

/// Several percentiles of unsorted values at once: out[i] = percentile_unsorted(values, ps[i]).
/// With `ps` ascending each selection works on the part above the previous one, so four
/// percentiles of n values cost about 2n comparisons instead of a sort's n log n. Reorders
/// `values`; `out` has ps.size() elements. Same results as sorting and calling percentile().
void percentiles_unsorted(std::span<double> values, std::span<const double> ps, std::span<double> out);

/// Median of `sorted`: percentile(sorted, 0.5), i.e. the mean of the two middle values when n is
/// even. Same unit as the input; empty → NaN. Pure and thread-safe.
double median_of_sorted(std::span<const double> sorted);

/// numpy's `_lerp(a, b, t)`: a + (b − a)·t for t < 0.5, b − (b − a)·(1 − t) otherwise, which is
/// exact at both ends. Exposed for the bootstrap, which interpolates the same way.
double lerp_numpy(double a, double b, double t);

}  // namespace stats
