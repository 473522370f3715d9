#include "stats/mann_whitney.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "stats/finite.hpp"
#include "stats/warnings.hpp"

namespace stats {
namespace {

struct RankSums {
    double rank_sum_a = 0;  // Σ of the (mid)ranks of a's values in the pooled sample
    double tie_term = 0;    // Σ (t³ − t) over groups of t tied values
    bool has_ties = false;
};

RankSums rank_sums(std::span<const double> a, std::span<const double> b) {
    std::vector<std::pair<double, bool>> pooled;  // (value, comes from a)
    pooled.reserve(a.size() + b.size());
    for (const double x : a) pooled.emplace_back(x, true);
    for (const double x : b) pooled.emplace_back(x, false);
    std::sort(pooled.begin(), pooled.end());

    RankSums sums;
    for (std::size_t first = 0; first < pooled.size();) {
        std::size_t last = first;  // one past the group of values equal to pooled[first]
        std::size_t from_a = 0;
        while (last < pooled.size() && pooled[last].first == pooled[first].first) {
            from_a += pooled[last].second ? 1 : 0;
            ++last;
        }
        const auto t = static_cast<double>(last - first);
        const double midrank = (static_cast<double>(first + 1) + static_cast<double>(last)) / 2;
        sums.rank_sum_a += midrank * static_cast<double>(from_a);
        sums.tie_term += t * t * t - t;
        sums.has_ties = sums.has_ties || last - first > 1;
        first = last;
    }
    return sums;
}

// P(U ≥ u) for sample sizes m and n under H0, by counting arrangements. rows[i][v] holds the
// number of orderings of i a-values and the current number of b-values with U = v: the largest
// pooled value is either an a (beating every b: U − n on the rest) or a b (adding nothing).
double exact_upper_tail(std::size_t u, std::size_t m, std::size_t n) {
    const std::size_t max_u = m * n;
    std::vector<std::vector<double>> rows(m + 1, std::vector<double>(max_u + 1, 0.0));
    for (auto& row : rows) row[0] = 1.0;  // no b-values yet: one ordering, U = 0
    for (std::size_t nb = 1; nb <= n; ++nb) {
        for (std::size_t i = 1; i <= m; ++i) {
            for (std::size_t v = i * nb; v >= nb; --v) rows[i][v] += rows[i - 1][v - nb];
        }
    }
    const std::vector<double>& counts = rows[m];
    double total = 0;
    double tail = 0;
    for (std::size_t v = 0; v <= max_u; ++v) {
        total += counts[v];
        if (v >= u) tail += counts[v];
    }
    return tail / total;
}

double normal_two_sided_p(double u_max, std::size_t m, std::size_t n, double tie_term) {
    const auto nm = static_cast<double>(m);
    const auto nn = static_cast<double>(n);
    const double big_n = nm + nn;
    const double variance = nm * nn / 12.0 * ((big_n + 1.0) - tie_term / (big_n * (big_n - 1.0)));
    if (!(variance > 0.0)) return 1.0;  // every value tied: no evidence of any difference
    const double z = (u_max - nm * nn / 2.0 - 0.5) / std::sqrt(variance);
    return std::min(1.0, std::erfc(z / std::sqrt(2.0)));  // 2·(1 − Φ(z))
}

}  // namespace

std::string_view to_string(MannWhitneyMethod method) {
    switch (method) {
        case MannWhitneyMethod::exact:
            return "exact";
        case MannWhitneyMethod::normal_approx_tie_corrected:
            return "normal-approx-tie-corrected";
        case MannWhitneyMethod::none:
            break;
    }
    return "none";
}

MannWhitney mann_whitney_u(std::span<const double> a, std::span<const double> b) {
    MannWhitney r;
    const FiniteSample sa = finite_values(a);
    const FiniteSample sb = finite_values(b);
    r.n_a = sa.values.size();
    r.n_b = sb.values.size();
    if (sa.excluded > 0) add_warning(r.warnings, "a: " + non_finite_warning(sa.excluded, a.size()));
    if (sb.excluded > 0) add_warning(r.warnings, "b: " + non_finite_warning(sb.excluded, b.size()));
    if (std::min(r.n_a, r.n_b) < kMinSamplesPerSide)
        add_warning(r.warnings, kNeedSamplesPerSideWarning);
    if (r.n_a == 0) add_warning(r.warnings, "a: n=0: no finite values to compare");
    if (r.n_b == 0) add_warning(r.warnings, "b: n=0: no finite values to compare");
    if (r.n_a == 0 || r.n_b == 0) return r;

    const RankSums sums = rank_sums(sa.values, sb.values);
    const auto na = static_cast<double>(r.n_a);
    const double pairs = na * static_cast<double>(r.n_b);
    r.u = sums.rank_sum_a - na * (na + 1.0) / 2.0;
    const double u_max = std::max(r.u, pairs - r.u);
    if (!sums.has_ties && r.n_a * r.n_b <= kMannWhitneyExactMaxPairs) {
        r.method = MannWhitneyMethod::exact;
        const auto u_int = static_cast<std::size_t>(std::llround(u_max));
        r.p_value = std::min(1.0, 2.0 * exact_upper_tail(u_int, r.n_a, r.n_b));
    } else {
        r.method = MannWhitneyMethod::normal_approx_tie_corrected;
        r.p_value = normal_two_sided_p(u_max, r.n_a, r.n_b, sums.tie_term);
    }
    return r;
}

}  // namespace stats
