#include "stats/warnings.hpp"

#include <algorithm>
#include <cstdio>

namespace stats {

std::string percent_label(double fraction) {
    char buffer[32];
    // %g drops trailing zeros and hides the binary residue of 0.95 * 100 (94.99999999999999).
    std::snprintf(buffer, sizeof buffer, "%.10g", fraction * 100.0);
    return buffer;
}

std::string need_samples_for_ci_warning(double confidence) {
    return "need ≥ " + std::to_string(kMinSamplesForCi) + " samples for a " +
           percent_label(confidence) + " % CI";
}

std::string non_finite_warning(std::size_t excluded, std::size_t total) {
    return "excluded " + std::to_string(excluded) + " of " + std::to_string(total) +
           " values: not finite (NaN or ±inf)";
}

void add_warning(std::vector<std::string>& warnings, std::string_view message) {
    if (std::find(warnings.begin(), warnings.end(), message) == warnings.end()) {
        warnings.emplace_back(message);
    }
}

void merge_warnings(std::vector<std::string>& warnings, const std::vector<std::string>& more) {
    for (const auto& message : more) add_warning(warnings, message);
}

}  // namespace stats
