// Kruskal–Wallis H test (docs/design.md "Statistics over the design").
#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <utility>
#include <vector>

#include "stats/boost_policy.hpp"
#include "stats/design.hpp"

namespace stats {
namespace {


/// Rank sums of the pooled finite values per group, with midranks for ties.
struct GroupRanks {
    std::vector<double> rank_sum;   ///< Σ of midranks, per group with values
    std::vector<double> group_n;    ///< finite values, per group with values
    double tie_term = 0;            ///< Σ (t³ − t) over groups of t tied values
    std::size_t n = 0;              ///< all finite values
};

GroupRanks rank_groups(std::span<const std::vector<double>> groups) {
    std::vector<std::pair<double, std::size_t>> pooled;  // (value, index among groups with values)
    GroupRanks r;
    for (const std::vector<double>& group : groups) {
        const std::size_t id = r.group_n.size();
        std::size_t finite = 0;
        for (const double x : group) {
            if (!std::isfinite(x)) continue;
            pooled.emplace_back(x, id);
            ++finite;
        }
        if (finite == 0) continue;
        r.group_n.push_back(static_cast<double>(finite));
        r.rank_sum.push_back(0.0);
    }
    std::sort(pooled.begin(), pooled.end());
    r.n = pooled.size();
    for (std::size_t first = 0; first < pooled.size();) {
        std::size_t last = first;  // one past the run of values equal to pooled[first]
        while (last < pooled.size() && pooled[last].first == pooled[first].first) ++last;
        const double midrank = (static_cast<double>(first + 1) + static_cast<double>(last)) / 2;
        for (std::size_t i = first; i < last; ++i) r.rank_sum[pooled[i].second] += midrank;
        const auto t = static_cast<double>(last - first);
        r.tie_term += t * t * t - t;
        first = last;
    }
    return r;
}

}  // namespace

KruskalWallis kruskal_wallis(std::span<const std::vector<double>> groups) {
    KruskalWallis result;
    const GroupRanks ranks = rank_groups(groups);
    result.groups = ranks.group_n.size();
    result.n = ranks.n;
    if (result.groups < 2) return result;

    const auto n = static_cast<double>(ranks.n);
    const double tie_correction = 1.0 - ranks.tie_term / (n * n * n - n);
    if (!(tie_correction > 0.0)) return result;  // every value tied: no ranking at all

    double weighted = 0;  // Σ R_g² / n_g
    for (std::size_t g = 0; g < result.groups; ++g)
        weighted += ranks.rank_sum[g] * ranks.rank_sum[g] / ranks.group_n[g];
    const double h_uncorrected = 12.0 / (n * (n + 1.0)) * weighted - 3.0 * (n + 1.0);
    result.h = std::max(0.0, h_uncorrected / tie_correction);  // ≥ 0 up to rounding

    const boost::math::chi_squared_distribution<double, QuietPolicy> chi2(
        static_cast<double>(result.groups - 1));
    result.p_value = boost::math::cdf(boost::math::complement(chi2, result.h));
    return result;
}

}  // namespace stats
