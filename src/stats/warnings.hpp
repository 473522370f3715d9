#pragma once
// Wording of the statistical caveats that stats:: results carry as data (STYLE.md rule 10).
// One place for the text, so reports can de-duplicate footnotes by string equality and the
// wording required by docs/METRICS.md stays exact.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stats {

/// Below this many samples no confidence interval is trusted (METRICS.md; benchstat's rule).
inline constexpr std::size_t kMinSamplesForCi = 6;

/// Below this many samples on a side a two-sided Mann–Whitney test cannot reach p < 0.05:
/// with 3 + 3 samples the smallest exact two-sided p-value is 2/20 = 0.1.
inline constexpr std::size_t kMinSamplesPerSide = 4;

/// "n=1: no spread can be computed".
inline constexpr std::string_view kNoSpreadWarning = "n=1: no spread can be computed";

/// "n=0: no finite values".
inline constexpr std::string_view kNoValuesWarning = "n=0: no finite values";

/// "need ≥ 4 samples per side to detect a difference" (METRICS.md wording).
inline constexpr std::string_view kNeedSamplesPerSideWarning =
    "need ≥ 4 samples per side to detect a difference";

/// "need ≥ 6 samples for a 95 % CI" (METRICS.md wording); the level comes from `confidence`
/// (a fraction: 0.9 gives "90 %").
std::string need_samples_for_ci_warning(double confidence);

/// "excluded 2 of 10 values: not finite (NaN or ±inf)". `excluded` > 0 expected.
std::string non_finite_warning(std::size_t excluded, std::size_t total);

/// `confidence` as a percent label without trailing zeros: 0.95 -> "95", 0.975 -> "97.5".
std::string percent_label(double fraction);

/// Appends `message` unless `warnings` already holds it (footnotes are shown once).
void add_warning(std::vector<std::string>& warnings, std::string_view message);

/// Appends each of `more` with add_warning, keeping order.
void merge_warnings(std::vector<std::string>& warnings, const std::vector<std::string>& more);

}  // namespace stats
