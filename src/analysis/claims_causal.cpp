// Causal claims judged against the design (docs/design.md "Claims within their scope").
#include "analysis/claims_causal.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "analysis/claims_util.hpp"
#include "analysis/comparison.hpp"
#include "analysis/select.hpp"
#include "stats/mann_whitney.hpp"
#include "stats/summary.hpp"
#include "util/strings.hpp"

namespace analysis::claims_util {

namespace {

/// The causal vocabulary, one table: phrases (lower-case, whole words) that state a cause.
constexpr std::array kCausalPhrases = {
    "cause",       "causes",       "caused by",        "causing",        "due to",        "because",
    "leads to",    "lead to",      "led to",           "leading to",     "results in",    "result in",
    "resulted in", "resulting in", "drives",           "driven by",      "is responsible for",
    "are responsible for",         "responsible for",  "attributable to", "attributed to"};

/// Significance level and smallest side for a "supported" verdict.
constexpr double kAlpha = 0.05;
constexpr std::size_t kMinPerSide = 4;
/// Cold starts needed before a confound is read (the `cold_start.confounded` rule).
constexpr std::size_t kMinColdForConfound = 2;

bool word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

/// Tokens of a sentence for reading "name=value": lower-case, split on whitespace and
/// = : , ; ( ) [ ] ` * and quotes, with a trailing '.' or '-' dropped.
std::vector<std::string> pair_tokens(std::string_view text) {
    std::vector<std::string> out;
    std::string token;
    auto flush = [&] {
        while (!token.empty() && (token.back() == '.' || token.back() == '-')) token.pop_back();
        if (!token.empty()) out.push_back(token);
        token.clear();
    };
    for (char c : util::to_lower(text)) {
        bool sep = c == ' ' || c == '\t' || c == '=' || c == ':' || c == ',' || c == ';' || c == '(' || c == ')' ||
                   c == '[' || c == ']' || c == '`' || c == '*' || c == '"' || c == '\'';
        if (sep) flush();
        else token += c;
    }
    flush();
    return out;
}

/// "temp" names "temperature", "num_gpu" names "num_gpu" (normalised names).
bool names_dimension(const std::string& token, const std::string& dim) {
    std::string t = util::normalise_name(token);
    if (t.empty() || !std::isalpha(static_cast<unsigned char>(t[0]))) return false;
    return t == dim || (t.size() >= 4 && util::starts_with(dim, t));
}

/// Rows of `frame` at (`at` true) or away from the level, successful (warm for times), finite in m.
std::vector<double> side(const Frame& f, const NamedLevel& level, int m, bool at) {
    bool is_time = f.measures[static_cast<std::size_t>(m)].quantity == model::Quantity::time;
    std::vector<double> out;
    for (const auto& row : f.rows) {
        if (!row_selected(row, is_time ? Rows::warm : Rows::ok)) continue;
        if (same_level(f.dim(row, static_cast<std::size_t>(level.dim)), level.level) != at) continue;
        double v = f.value(row, static_cast<std::size_t>(m));
        if (std::isfinite(v)) out.push_back(v);
    }
    return out;
}

/// Cold (non-failed) rows of the frame, and how many of them sit at the level.
std::pair<std::size_t, std::size_t> cold_counts(const Frame& f, const NamedLevel& level) {
    std::size_t total = 0, at = 0;
    for (const auto& row : f.rows) {
        if (row.failed || !row.cold) continue;
        ++total;
        at += same_level(f.dim(row, static_cast<std::size_t>(level.dim)), level.level);
    }
    return {total, at};
}

std::string level_text(const Frame& f, const NamedLevel& level) {
    return code(f.dim_names[static_cast<std::size_t>(level.dim)] + "=" + level.level);
}

CausalFinding confounded(const Frame& f, const NamedLevel& level, std::size_t cold) {
    CausalFinding out;
    out.verdict = CausalVerdict::confounded;
    out.values.push_back(make_count("cold starts / reloads at the named level", static_cast<double>(cold)));
    std::string cited = "cold-start-confounded/" + f.id + "/" + slug(f.dim_names[static_cast<std::size_t>(level.dim)]);
    out.reason = "all " + out.values.back().text + " cold starts / model reloads of " + code(f.label) + " fall on " +
                 level_text(f, level) + ", so its higher times there are reload order, not an effect of the setting (" +
                 code(cited) + ")";
    for (const auto& row : f.rows)
        if (row.cold && !row.failed) add_row_source(out.sources, f, row);
    return out;
}

}  // namespace

FactKind causal_kind(CausalVerdict verdict) {
    switch (verdict) {
        case CausalVerdict::supported: return FactKind::claim_causal_supported;
        case CausalVerdict::confounded: return FactKind::claim_causal_confounded;
        case CausalVerdict::not_testable: return FactKind::claim_causal_not_testable;
    }
    return FactKind::claim_causal_not_testable;
}

bool is_causal(std::string_view text) {
    std::string lower = util::to_lower(text);
    for (std::string_view phrase : kCausalPhrases)
        for (auto at = lower.find(phrase); at != std::string::npos; at = lower.find(phrase, at + 1)) {
            bool starts = at == 0 || !word_char(lower[at - 1]);
            std::size_t end = at + phrase.size();
            bool ends = end >= lower.size() || !word_char(lower[end]);
            if (starts && ends) return true;
        }
    return false;
}

std::optional<NamedLevel> named_level(const Frame& f, std::string_view text) {
    auto tokens = pair_tokens(text);
    for (std::size_t d = 0; d < f.dim_names.size(); ++d) {
        std::string dim = util::normalise_name(f.dim_names[d]);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            bool by_name = f.dim_is_setting[d] && i + 1 < tokens.size() && names_dimension(tokens[i], dim);
            for (const auto& level : f.levels_of(d)) {
                if (by_name && same_level(tokens[i + 1], level)) return NamedLevel{static_cast<int>(d), level};
                if (!f.dim_is_setting[d] && is_subject_dimension(f.dim_names[d]) && tokens[i] == clean_level(level))
                    return NamedLevel{static_cast<int>(d), level};
            }
        }
    }
    return std::nullopt;
}

CausalFinding judge_causal(const Frame& f, const NamedLevel& level, int m) {
    CausalFinding out;
    const std::string named = level_text(f, level);
    auto [cold, cold_at] = cold_counts(f, level);
    if (cold >= kMinColdForConfound && cold_at == cold) return confounded(f, level, cold);
    auto at = side(f, level, m, true), away = side(f, level, m, false);
    const auto quantity = f.measures[static_cast<std::size_t>(m)].quantity;
    const std::string measure = code(f.measures[static_cast<std::size_t>(m)].name);
    if (at.empty() || away.empty()) {
        out.reason = "the design has no separate data to compare " + named + " with in " + code(f.label);
        return out;
    }
    out.values.push_back(make_count("calls at the named level", static_cast<double>(at.size())));
    out.values.push_back(make_count("calls at the other levels", static_cast<double>(away.size())));
    std::string counts = out.values[0].text + " calls at " + named + " vs " + out.values[1].text + " at the other levels of " + code(f.label);
    if (at.size() < kMinPerSide || away.size() < kMinPerSide) {
        out.reason = "too few calls to test an effect on " + measure + " (" + counts + ")";
        return out;
    }
    auto test = stats::mann_whitney_u(at, away);
    out.values.push_back(make_value("mean at the named level", stats::mean_of_finite(at), quantity));
    out.values.push_back(make_value("mean at the other levels", stats::mean_of_finite(away), quantity));
    out.values.push_back(make_value("Mann-Whitney p-value", test.p_value, model::Quantity::unknown));
    std::string numbers = " (" + counts + "; mean " + out.values[2].text + " vs " + out.values[3].text +
                          ", Mann-Whitney p = " + out.values[4].text + ")";
    if (std::isfinite(test.p_value) && test.p_value < kAlpha) {
        out.verdict = CausalVerdict::supported;
        out.reason = measure + " differs significantly at " + named + " with no reload confound" + numbers;
    } else {
        out.reason = "no significant difference in " + measure + " at " + named + numbers;
    }
    out.sources.clear();
    return out;
}

}  // namespace analysis::claims_util
