#pragma once
// Internal helpers shared by the two claim checkers (claims_derived.cpp, claims_prose.cpp).
// Not part of the analysis interface: include only from src/analysis/claims*.cpp.
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/frame.hpp"

namespace analysis::claims_util {

/// A level as people write it: trimmed, lower-case, without Markdown emphasis or code markers.
std::string clean_level(std::string_view text);

/// True when two dimension values name the same level: numerically equal when both parse as
/// numbers ("40.00" == "40", within 1e-9 relative), else equal after clean_level().
bool same_level(std::string_view a, std::string_view b);

/// Wraps text in backticks for a statement (the number checker skips code spans); backticks
/// inside are replaced by quotes so the span cannot end early.
std::string code(std::string_view text);

/// "a/b/c.csv" -> "a/b" ("" at the root), as a view of `path` (which must outlive it).
std::string_view folder_view(std::string_view path);
/// "a/b/c_d.csv" -> "c_d" (lower-case).
std::string stem_of(std::string_view path);
/// Length of the longest common prefix, ignoring ASCII case.
std::size_t common_prefix(std::string_view a, std::string_view b);

/// Finite values of measure `m` over `rows` of `frame` that pass `keep`; in row order.
template <typename Keep>
std::vector<double> measure_values(const Frame& frame, const std::vector<std::size_t>& rows, int m, Keep keep) {
    std::vector<double> out;
    for (auto r : rows) {
        const FrameRow& row = frame.rows[r];
        double v = frame.value(row, static_cast<std::size_t>(m));
        if (keep(row) && std::isfinite(v)) out.push_back(v);
    }
    return out;
}

/// Sources of `rows` of `frame` appended to `out`.
void append_sources(const Frame& frame, const std::vector<std::size_t>& rows, std::vector<model::Source>& out);

/// Mean of the finite values (NaN when none); median likewise (numpy linear).
double mean_of(std::span<const double> values);
double median_of(std::span<const double> values);

}  // namespace analysis::claims_util
