// Unit tests for src/stats/mann_whitney.cpp. Expected U and p from scipy 1.10.1:
// scipy.stats.mannwhitneyu(a, b, alternative='two-sided', use_continuity=True,
// method='exact' or 'asymptotic' as named), quoted as repr of the float64 results.
// Closed forms are given where they exist.
#include "stats/mann_whitney.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool has(const std::vector<std::string>& warnings, const std::string& text) {
    return std::find(warnings.begin(), warnings.end(), text) != warnings.end();
}

std::vector<double> range(double start, int count, double step = 1.0) {
    std::vector<double> out;
    for (int i = 0; i < count; ++i) out.push_back(start + step * i);
    return out;
}

TEST(StatsMannWhitney, ThreeVersusThreeSeparated) {
    // U = 0; exact two-sided p = 2 · 1/C(6,3) = 0.1.
    const std::vector<double> a{1, 2, 3};
    const std::vector<double> b{4, 5, 6};
    const MannWhitney r = mann_whitney_u(a, b);
    EXPECT_EQ(r.u, 0.0);
    EXPECT_DOUBLE_EQ(r.p_value, 0.1);
    EXPECT_EQ(r.method, MannWhitneyMethod::exact);
    EXPECT_TRUE(has(r.warnings, "need ≥ 4 samples per side to detect a difference"));
}

TEST(StatsMannWhitney, FiveVersusFiveSeparated) {
    // p = 2/C(10,5) = 2/252 = 0.007936507936507936 (scipy exact agrees).
    const std::vector<double> a{1, 2, 3, 4, 5};
    const std::vector<double> b{6, 7, 8, 9, 10};
    const MannWhitney r = mann_whitney_u(a, b);
    EXPECT_EQ(r.u, 0.0);
    EXPECT_DOUBLE_EQ(r.p_value, 2.0 / 252.0);
    EXPECT_TRUE(r.warnings.empty());
    const MannWhitney swapped = mann_whitney_u(b, a);  // U of the other side: 25 − 0
    EXPECT_EQ(swapped.u, 25.0);
    EXPECT_DOUBLE_EQ(swapped.p_value, 2.0 / 252.0);
}

TEST(StatsMannWhitney, FourVersusFourIsTheSmallestThatCanReachFivePercent) {
    // 2/C(8,4) = 2/70 = 0.02857142857142857.
    const std::vector<double> a{1.1, 2.2, 3.3, 4.4};
    const std::vector<double> b{5.5, 6.6, 7.7, 8.8};
    const MannWhitney r = mann_whitney_u(a, b);
    EXPECT_DOUBLE_EQ(r.p_value, 2.0 / 70.0);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(StatsMannWhitney, ExactOverlappingSamples) {
    const std::vector<double> a{19, 22, 16, 29, 24};
    const std::vector<double> b{20, 11, 17, 12};
    const MannWhitney r = mann_whitney_u(a, b);
    EXPECT_EQ(r.u, 17.0);
    EXPECT_DOUBLE_EQ(r.p_value, 0.1111111111111111);  // = 14/126

    const std::vector<double> c{1, 3, 5, 7, 9, 11};
    const std::vector<double> d{2, 4, 6, 8};
    const MannWhitney r2 = mann_whitney_u(c, d);
    EXPECT_EQ(r2.u, 14.0);
    EXPECT_DOUBLE_EQ(r2.p_value, 0.7619047619047619);  // = 160/210

    const std::vector<double> e{0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    const std::vector<double> f{1.15, 0.88, 0.9, 0.74, 1.21};
    const MannWhitney r3 = mann_whitney_u(e, f);
    EXPECT_EQ(r3.u, 35.0);
    EXPECT_DOUBLE_EQ(r3.p_value, 0.2544122544122544);
    EXPECT_EQ(r3.method, MannWhitneyMethod::exact);
}

TEST(StatsMannWhitney, TwentyByTwentyIsStillExact) {
    const std::vector<double> a = range(1, 20);     // 1..20
    const std::vector<double> b = range(10.5, 20);  // 10.5..29.5
    const MannWhitney r = mann_whitney_u(a, b);
    EXPECT_EQ(r.method, MannWhitneyMethod::exact);
    EXPECT_EQ(r.u, 55.0);
    EXPECT_NEAR(r.p_value, 3.364318303622844e-05, 1e-17);
}

TEST(StatsMannWhitney, LargerSamplesUseTheNormalApproximation) {
    const std::vector<double> a = range(0, 21);    // 0..20
    const std::vector<double> b = range(5.5, 20);  // 5.5..24.5; 21 · 20 = 420 pairs > 400
    const MannWhitney r = mann_whitney_u(a, b);
    EXPECT_EQ(r.method, MannWhitneyMethod::normal_approx_tie_corrected);
    EXPECT_EQ(r.u, 120.0);
    EXPECT_NEAR(r.p_value, 0.01957785382225964, 1e-14);  // scipy asymptotic
}

TEST(StatsMannWhitney, TiesUseTheTieCorrectedNormalApproximation) {
    const std::vector<double> a{1, 2, 2, 3, 4};
    const std::vector<double> b{2, 3, 3, 5, 6, 7};
    const MannWhitney r = mann_whitney_u(a, b);
    EXPECT_EQ(r.method, MannWhitneyMethod::normal_approx_tie_corrected);
    EXPECT_EQ(r.u, 6.0);                                 // midranks: a's ties with b count ½
    EXPECT_NEAR(r.p_value, 0.11390314458853068, 1e-14);  // scipy asymptotic
    EXPECT_EQ(to_string(r.method), "normal-approx-tie-corrected");
}

TEST(StatsMannWhitney, AllValuesTiedGivePOne) {
    const std::vector<double> a{7, 7, 7};
    const std::vector<double> b{7, 7, 7};
    const MannWhitney r = mann_whitney_u(a, b);
    EXPECT_EQ(r.u, 4.5);
    EXPECT_EQ(r.p_value, 1.0);  // scipy: 1.0 for both methods
}

TEST(StatsMannWhitney, EmptySideGivesNaN) {
    const std::vector<double> a{1, 2, 3, 4};
    const MannWhitney r = mann_whitney_u(a, {});
    EXPECT_TRUE(std::isnan(r.p_value));
    EXPECT_TRUE(std::isnan(r.u));
    EXPECT_EQ(r.method, MannWhitneyMethod::none);
    EXPECT_EQ(to_string(r.method), "none");
    EXPECT_TRUE(has(r.warnings, "b: n=0: no finite values to compare"));
    EXPECT_TRUE(has(r.warnings, "need ≥ 4 samples per side to detect a difference"));
}

TEST(StatsMannWhitney, NonFiniteValuesAreExcluded) {
    const std::vector<double> a{1, 2, kNaN, 3, 4, 5};
    const std::vector<double> b{6, 7, 8, 9, std::numeric_limits<double>::infinity(), 10};
    const MannWhitney r = mann_whitney_u(a, b);
    EXPECT_EQ(r.n_a, 5U);
    EXPECT_EQ(r.n_b, 5U);
    EXPECT_DOUBLE_EQ(r.p_value, 2.0 / 252.0);
    EXPECT_TRUE(has(r.warnings, "a: excluded 1 of 6 values: not finite (NaN or ±inf)"));
    EXPECT_TRUE(has(r.warnings, "b: excluded 1 of 6 values: not finite (NaN or ±inf)"));
}

TEST(StatsMannWhitney, SingleValueAgainstMany) {
    // 1 vs 9, no ties, b all above: P(U ≥ 9) = 1/10 one-sided, two-sided 0.2.
    const std::vector<double> a{0.5};
    const std::vector<double> b = range(1, 9);
    const MannWhitney r = mann_whitney_u(a, b);
    EXPECT_EQ(r.u, 0.0);
    EXPECT_DOUBLE_EQ(r.p_value, 0.2);
    EXPECT_EQ(to_string(r.method), "exact");
}

}  // namespace
}  // namespace stats
