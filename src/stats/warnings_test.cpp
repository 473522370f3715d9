// Unit tests for src/stats/warnings.cpp.
#include "stats/warnings.hpp"

#include <gtest/gtest.h>

namespace stats {
namespace {

TEST(StatsWarnings, CiWarningUsesMetricsWording) {
    // docs/METRICS.md: Below 6 samples say "need ≥ 6 samples for a 95 % CI".
    EXPECT_EQ(need_samples_for_ci_warning(0.95), "need ≥ 6 samples for a 95 % CI");
    EXPECT_EQ(need_samples_for_ci_warning(0.9), "need ≥ 6 samples for a 90 % CI");
    EXPECT_EQ(need_samples_for_ci_warning(0.975), "need ≥ 6 samples for a 97.5 % CI");
}

TEST(StatsWarnings, PerSideWarningUsesMetricsWording) {
    EXPECT_EQ(kNeedSamplesPerSideWarning, "need ≥ 4 samples per side to detect a difference");
}

TEST(StatsWarnings, PercentLabel) {
    EXPECT_EQ(percent_label(0.99), "99");
    EXPECT_EQ(percent_label(0.5), "50");
    EXPECT_EQ(percent_label(0.999), "99.9");
}

TEST(StatsWarnings, NonFiniteWarningCountsBoth) {
    EXPECT_EQ(non_finite_warning(2, 10), "excluded 2 of 10 values: not finite (NaN or ±inf)");
}

TEST(StatsWarnings, AddWarningDeduplicatesAndKeepsOrder) {
    std::vector<std::string> w;
    add_warning(w, "b");
    add_warning(w, "a");
    add_warning(w, "b");
    merge_warnings(w, {"c", "a"});
    EXPECT_EQ(w, (std::vector<std::string>{"b", "a", "c"}));
}

}  // namespace
}  // namespace stats
