#pragma once
// Two-sided Mann–Whitney U (Wilcoxon rank-sum) test, as benchstat uses for A/B comparisons.
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stats {

/// How a Mann–Whitney p-value was obtained.
enum class MannWhitneyMethod {
    none,                         ///< not computed (a side had no finite values)
    exact,                        ///< exact null distribution of U, no ties
    normal_approx_tie_corrected,  ///< normal approximation, tie-corrected variance, continuity 0.5
};

/// "none", "exact" or "normal-approx-tie-corrected", for reports.
std::string_view to_string(MannWhitneyMethod method);

/// Largest n_a · n_b for which the exact distribution is used. Every permutation count is then
/// below C(40, 20) ≈ 1.4e11, an integer that a double holds exactly.
inline constexpr std::size_t kMannWhitneyExactMaxPairs = 400;

/// Result of mann_whitney_u.
struct MannWhitney {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    /// U of sample a: #(a_i > b_j) + ½·#(a_i = b_j); a unitless count in [0, n_a·n_b].
    double u = kNaN;
    double p_value = kNaN;  ///< two-sided p-value in [0, 1]
    MannWhitneyMethod method = MannWhitneyMethod::none;
    std::size_t n_a = 0;                ///< finite values of a used
    std::size_t n_b = 0;                ///< finite values of b used
    std::vector<std::string> warnings;  ///< caveats for the reader; render them, never drop them
};

/// Two-sided Mann–Whitney U test of a against b (Mann & Whitney 1947), matching
/// scipy.stats.mannwhitneyu(a, b, alternative='two-sided', use_continuity=True) with the method
/// chosen here:
/// - exact (no ties and n_a·n_b ≤ 400): p = 2·P(U ≥ max(U_a, U_b)) under the exact null
///   distribution, whose frequencies are counted with the recurrence
///   f(u; m, n) = f(u − n; m − 1, n) + f(u; m, n − 1) (Mann & Whitney 1947), capped at 1;
///   scipy method='exact'.
/// - otherwise the normal approximation with midranks, tie-corrected variance
///   σ² = n_a·n_b/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))) (Lehmann 1975, ch. 1 §4) and continuity
///   correction 0.5: z = (max(U_a, U_b) − n_a·n_b/2 − 0.5)/σ, p = 2·(1 − Φ(z)) capped at 1;
///   scipy method='asymptotic'. All values tied (σ = 0) gives p = 1, as scipy does.
/// Non-finite values are excluded with a warning. A side with no finite values gives u and
/// p_value NaN, method none and a warning. min(n_a, n_b) < 4 adds
/// "need ≥ 4 samples per side to detect a difference" (p is still computed).
/// Pure and thread-safe; O(N log N) plus O((n_a·n_b)²) for the exact distribution.
MannWhitney mann_whitney_u(std::span<const double> a, std::span<const double> b);

}  // namespace stats
