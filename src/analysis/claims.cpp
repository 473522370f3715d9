// Shared helpers of the claim checkers; the checkers themselves live in claims_derived.cpp
// (summary files and Markdown tables vs raw frames) and claims_prose.cpp (numbers in prose).
#include <algorithm>
#include <cmath>

#include "analysis/claims_util.hpp"
#include "stats/summary.hpp"
#include "util/strings.hpp"

namespace analysis::claims_util {

std::string clean_level(std::string_view text) {
    std::string out;
    for (char c : util::trim(text))
        if (c != '`' && c != '*') out += c;
    return util::to_lower(util::trim(out));
}

bool same_level(std::string_view a, std::string_view b) {
    std::string ca = clean_level(a), cb = clean_level(b);
    auto na = util::parse_number(ca), nb = util::parse_number(cb);
    if (na && nb && std::isfinite(*na) && std::isfinite(*nb))
        return std::fabs(*na - *nb) <= 1e-9 * std::max(1.0, std::fabs(*na));
    return !ca.empty() && ca == cb;
}

std::string code(std::string_view text) {
    std::string out = "`";
    for (char c : text) out += c == '`' ? '\'' : c;
    return out + "`";
}

std::string_view folder_view(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::string stem_of(std::string_view path) {
    auto slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    auto dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    return util::to_lower(name);
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && util::to_lower(a.substr(n, 1)) == util::to_lower(b.substr(n, 1))) ++n;
    return n;
}

void append_sources(const Frame& frame, const std::vector<std::size_t>& rows, std::vector<model::Source>& out) {
    for (auto r : rows) out.push_back(frame.source(frame.rows[r]));
}

double mean_of(std::span<const double> values) {
    return values.empty() ? std::nan("") : stats::mean_of_finite(values);
}

double median_of(std::span<const double> values) {
    return values.empty() ? std::nan("") : stats::summarize(values).median;
}

}  // namespace analysis::claims_util
