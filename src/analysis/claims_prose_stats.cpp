#include "analysis/claims_prose_stats.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/claims_util.hpp"
#include "analysis/select.hpp"
#include "stats/ratio.hpp"
#include "stats/summary.hpp"
#include "util/strings.hpp"

namespace analysis::claims_util {

namespace {

struct Printed {
    std::size_t pos = 0, len = 0;
    double value = 0;
    int decimals = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// Numbers as printed: digits, optional ",ddd" groups and one decimal part; not inside words
// ("q4_0", "gemma3").
std::vector<Printed> numbers_in(std::string_view text) {
    std::vector<Printed> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_digit(text[i]) || (i > 0 && (is_word(text[i - 1]) || text[i - 1] == '.'))) {
            ++i;
            continue;
        }
        std::size_t start = i;
        auto thousands = [&](std::size_t k) {
            return text[k] == ',' && k + 3 < text.size() && is_digit(text[k + 1]) && is_digit(text[k + 2]) && is_digit(text[k + 3]);
        };
        while (i < text.size() && (is_digit(text[i]) || thousands(i))) ++i;
        int decimals = 0;
        if (i + 1 < text.size() && text[i] == '.' && is_digit(text[i + 1])) {
            ++i;
            while (i < text.size() && is_digit(text[i])) ++i, ++decimals;
        }
        if (auto v = util::parse_number(text.substr(start, i - start)))
            out.push_back(Printed{start, i - start, *v, decimals});
    }
    return out;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string lower = util::to_lower(text), word;
    for (char c : lower + " ") {
        if (is_word(c)) word += c;
        else if (!word.empty()) out.push_back(std::move(word)), word.clear();
    }
    return out;
}

bool has_word(const std::vector<std::string>& words, std::initializer_list<std::string_view> wanted) {
    for (const auto& w : words)
        for (auto x : wanted)
            if (w == x) return true;
    return false;
}

bool ends_with_any(std::string_view text, std::initializer_list<std::string_view> endings) {
    for (auto e : endings)
        if (util::ends_with(text, e)) return true;
    return false;
}

// "2.3-2.6 s", "0.05s–0.06s", "2 to 3 s": the text before the number ends with the start of a range.
bool ends_in_range(std::string_view before) {
    for (std::string_view dash : {"-", "\xE2\x80\x93", " to"}) {
        if (!util::ends_with(before, dash)) continue;
        std::string_view rest = util::trim(before.substr(0, before.size() - dash.size()));
        while (!rest.empty() && ((rest.back() >= 'a' && rest.back() <= 'z') || rest.back() == '/')) rest.remove_suffix(1);
        if (!rest.empty() && is_digit(rest.back())) return true;
    }
    return false;
}

bool starts_range(std::string_view after) {
    std::size_t unit = 0;
    while (unit < after.size() && ((after[unit] >= 'a' && after[unit] <= 'z') || after[unit] == '/')) ++unit;
    after.remove_prefix(unit);
    for (std::string_view dash : {"-", "\xE2\x80\x93", " - ", " to "})
        if (util::starts_with(after, dash) && after.size() > dash.size() && is_digit(after[dash.size()])) return true;
    return false;
}

// The first `n` words after a number, its unit included ("s difference" -> {"s", "difference"}).
std::vector<std::string> first_words(std::string_view after, std::size_t n) {
    auto words = words_of(after.substr(0, std::min<std::size_t>(after.size(), 40)));
    if (words.size() > n) words.resize(n);
    return words;
}

// Reads what precedes and follows the printed number: approximate markers, bounds, ranges, deltas.
void read_surroundings(std::string_view text, const Printed& p, ClaimShape& shape) {
    std::string before = util::to_lower(util::trim(text.substr(0, p.pos)));
    if (ends_with_any(before, {"~", "\xE2\x89\x88", "about", "approximately", "approx.", "approx", "around", "roughly",
                               "nearly", "almost", "circa"}))
        shape.relative_tolerance = kApproxRelative;
    bool range = ends_in_range(before) || starts_range(util::to_lower(text.substr(p.pos + p.len)));
    bool bound = ends_with_any(before, {"<", ">", "=<", ">=", "\xE2\x89\xA4", "\xE2\x89\xA5", "under", "below", "over",
                                        "above", "than", "least", "most", "up to", "within", "exceeds", "exceeding",
                                        "\xC2\xB1", "\xCE\x94", " by"});
    // A sign glued to the number is a difference ("+12 ms", "-0.3 s"), not a level; so is a number
    // followed by "difference", "faster", "slower", ... ("0.07s difference").
    bool delta = (p.pos > 0 && (text[p.pos - 1] == '+' || text[p.pos - 1] == '-') && !range) ||
                 has_word(first_words(text.substr(p.pos + p.len), 2),
                          {"difference", "faster", "slower", "more", "less", "higher", "lower", "improvement", "gain",
                           "reduction", "increase", "decrease", "delta", "penalty", "overhead", "saved", "longer", "shorter"});
    shape.not_a_level = range || bound || delta;
}

// "fastest", or "best" / "top" / "optimal" next to a word about performance ("Best Configuration",
// "top throughput"), not "best quality".
bool says_extreme(const std::vector<std::string>& words, bool best) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == (best ? "fastest" : "slowest")) return true;
        bool marker = best ? (w == "best" || w == "top" || w == "optimal") : w == "worst";
        if (!marker) continue;
        for (std::size_t j = i + 1; j < words.size() && j <= i + 2; ++j)
            for (std::string_view p : {"performance", "throughput", "config", "configuration", "configurations", "result",
                                       "results", "speed", "setting", "settings", "combination", "combinations"})
                if (words[j] == p) return true;
    }
    return false;
}

/// Statistic words, one table: each word names one statistic family.
constexpr std::pair<std::string_view, Statistic> kStatisticWords[] = {
    {"mean", kMean},     {"average", kMean},  {"avg", kMean},     {"averaged", kMean}, {"median", kMedian},
    {"p50", kMedian},    {"min", kMin},       {"minimum", kMin},  {"lowest", kMin},    {"max", kMax},
    {"maximum", kMax},   {"peak", kMax},      {"highest", kMax},  {"p95", kP95},       {"95th", kP95},
    {"p99", kOther},     {"99th", kOther},    {"p90", kOther},    {"90th", kOther},    {"p75", kOther},
    {"p25", kOther},     {"std", kOther},     {"stdev", kOther},  {"stddev", kOther},  {"sd", kOther}};

/// The statistic named by the statistic word nearest to position `pos` of `text` (a word before
/// the number wins a tie: "mean 5 s, p95 8 s" gives the 8 to p95); 0 when none is named.
unsigned nearest_statistic(std::string_view text, std::size_t pos) {
    std::string lower = util::to_lower(text);
    unsigned found = 0;
    std::size_t best_gap = std::string::npos;
    std::size_t i = 0;
    while (i < lower.size()) {
        if (!is_word(lower[i])) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < lower.size() && is_word(lower[i])) ++i;
        std::string_view word = std::string_view(lower).substr(start, i - start);
        for (const auto& [w, stat] : kStatisticWords) {
            if (word != w) continue;
            std::size_t gap = start < pos ? 2 * (pos - i) : 2 * (start - pos) + 1;  // before wins a tie
            if (gap < best_gap) best_gap = gap, found = stat;
        }
    }
    return found;
}

}  // namespace

ClaimShape shape_of(const model::Claim& claim) {
    ClaimShape shape;
    shape.canonical = claim.value * claim.unit.to_canonical;
    const Printed* best = nullptr;
    auto numbers = numbers_in(claim.text);
    for (const auto& p : numbers)
        if (!best || std::fabs(p.value - claim.value) < std::fabs(best->value - claim.value)) best = &p;
    if (best && std::fabs(best->value - claim.value) <= 1e-9 * std::max(1.0, std::fabs(claim.value))) {
        shape.printed = std::string(claim.text.substr(best->pos, best->len));
        shape.half_unit_canonical = 0.5 * std::pow(10.0, -best->decimals) * claim.unit.to_canonical;
        read_surroundings(claim.text, *best, shape);
    }
    auto words = words_of(claim.text);
    unsigned named = nearest_statistic(claim.text, best ? best->pos : claim.text.size());
    shape.names_statistic = named != 0;
    shape.statistics = named ? named : kMean;
    shape.weighted = has_word(words, {"weighted"});
    shape.best = says_extreme(words, true) || says_extreme(words_of(claim.heading), true);
    shape.worst = says_extreme(words, false) || says_extreme(words_of(claim.heading), false);
    return shape;
}

int measure_kind(const model::Claim& claim) {
    if (claim.unit.quantity == model::Quantity::throughput) return kThroughput;
    if (claim.unit.quantity != model::Quantity::time) return kNoMeasure;
    for (const std::string* text : {&claim.text, &claim.heading}) {
        std::string t = util::to_lower(*text);
        auto has = [&](std::initializer_list<std::string_view> words) {
            return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return t.find(w) != std::string::npos; });
        };
        if (has({"ttft", "first token", "first-token", "time to first"})) return kTtft;
        if (has({"load"})) return kLoad;
        if (has({"latency", "generation time", "response time", "e2e", "end-to-end", "end to end"})) return kLatency;
    }
    return kNoMeasure;
}

int measure_of(const Frame& f, int kind) {
    int m = -1;
    switch (kind) {
        case kThroughput: m = throughput_measure(f); break;
        case kTtft: m = ttft_measure(f); break;
        case kLoad: m = load_measure(f); break;
        case kLatency:
            for (std::size_t i = 0; i < f.measures.size() && m < 0; ++i) {
                std::string n = measure_key(f.measures[i]);
                if (f.measures[i].quantity != model::Quantity::time) continue;
                for (auto w : {"latency", "mean_time", "generation_time", "e2e", "response_time", "total_duration"})
                    if (n.find(w) != std::string::npos) m = static_cast<int>(i);
            }
            break;
        default: break;
    }
    if (m >= 0 && is_aggregate_name(measure_key(f.measures[static_cast<std::size_t>(m)]))) return -1;
    return m;
}

namespace {

std::vector<std::size_t> group_rows(const Frame& f, const SubjectGroup& g) {
    std::vector<std::size_t> out;
    for (std::size_t r = 0; r < f.rows.size(); ++r)
        if (g.contains(f, f.rows[r])) out.push_back(r);
    return out;
}

std::vector<double> group_values(const Frame& f, const SubjectGroup& g, int m, Rows which) {
    return measure_values(f, group_rows(f, g), m, [which](const FrameRow& row) { return row_selected(row, which); });
}

void add_summary(const std::vector<double>& values, const std::string& prefix, unsigned allowed, bool headline,
                 std::size_t group, std::vector<Candidate>& out) {
    auto s = stats::summarize(values);
    const std::pair<Statistic, std::pair<const char*, double>> all[] = {
        {kMean, {"mean", s.mean}}, {kMedian, {"median", s.median}}, {kMin, {"min", s.min}},
        {kMax, {"max", s.max}},    {kP95, {"p95", s.p95}}};
    for (const auto& [bit, named] : all)
        if ((allowed & bit) && std::isfinite(named.second))
            out.push_back(Candidate{prefix + named.first, named.second, group, headline});
}

struct ConfigMean {
    std::string key;
    double mean = 0;
};

// Per configuration of the sweep's settings, the mean of measure m over the group's rows
// (warm rows for times, as the sweep analyzer does); empty without settings or with one config.
std::vector<ConfigMean> config_means(const Frame& f, const SubjectGroup& g, int m) {
    std::vector<int> dims;
    for (std::size_t d = 0; d < f.dim_names.size(); ++d)
        if (f.dim_is_setting[d]) dims.push_back(static_cast<int>(d));
    if (dims.empty() || m < 0) return {};
    bool is_time = f.measures[static_cast<std::size_t>(m)].quantity == model::Quantity::time;
    std::map<std::string, std::vector<double>> by_key;
    for (auto r : group_rows(f, g)) {
        const FrameRow& row = f.rows[r];
        double v = f.value(row, static_cast<std::size_t>(m));
        if (row_selected(row, Rows::ok) && std::isfinite(v) && (!is_time || !row.cold)) by_key[describe_dims(f, row, dims)].push_back(v);
    }
    std::vector<ConfigMean> out;
    for (const auto& [key, values] : by_key) out.push_back(ConfigMean{key, mean_of(values)});
    if (out.size() < 2) out.clear();
    return out;
}

const ConfigMean* extreme(const std::vector<ConfigMean>& configs, bool highest) {
    const ConfigMean* best = nullptr;
    for (const auto& c : configs)
        if (!best || (highest ? c.mean > best->mean : c.mean < best->mean)) best = &c;
    return best;
}

void add_configs(const Frame& f, const SubjectGroup& g, int m, const ClaimShape& shape, std::size_t group,
                 std::vector<Candidate>& out) {
    bool is_time = f.measures[static_cast<std::size_t>(m)].quantity == model::Quantity::time;
    bool best = shape.best, worst = shape.worst;
    auto configs = config_means(f, g, m);
    if (configs.empty() || (!best && !worst)) return;
    if (best) {
        const auto* c = extreme(configs, !is_time);
        out.push_back(Candidate{"best configuration (" + code(c->key) + ") mean", c->mean, group, true});
    }
    if (worst) {
        const auto* c = extreme(configs, is_time);
        out.push_back(Candidate{"worst configuration (" + code(c->key) + ") mean", c->mean, group, true});
    }
    // "Best configuration: 102.31 tok/s @ 0.128 s TTFT": the time at the best-throughput configuration.
    int tput = throughput_measure(f);
    if (best && is_time && tput >= 0) {
        auto rates = config_means(f, g, tput);
        const auto* top = rates.empty() ? nullptr : extreme(rates, true);
        for (const auto& c : configs)
            if (top && c.key == top->key)
                out.push_back(Candidate{"mean at the best-throughput configuration (" + code(c.key) + ")", c.mean, group, true});
    }
}

void add_weighted_rate(const Frame& f, const SubjectGroup& g, std::size_t group, std::vector<Candidate>& out) {
    int tok = token_count_measure(f), dec = decode_time_measure(f);
    if (tok < 0 || dec < 0) return;
    std::vector<double> tokens, seconds;
    for (auto r : group_rows(f, g)) {
        if (!row_selected(f.rows[r], Rows::ok)) continue;
        tokens.push_back(f.value(f.rows[r], static_cast<std::size_t>(tok)));
        seconds.push_back(f.value(f.rows[r], static_cast<std::size_t>(dec)));
    }
    auto w = stats::weighted_rate(tokens, seconds);
    if (std::isfinite(w.rate)) out.push_back(Candidate{"token-weighted mean", w.rate, group, true});
}

}  // namespace

std::size_t successful_calls(const Frame& frame, const SubjectGroup& group, int kind) {
    int m = measure_of(frame, kind);
    return m < 0 ? 0 : group_values(frame, group, m, Rows::ok).size();
}

namespace {

/// Whether a measure's name already holds a statistic ("ttft_p50_ms", "p95_latency"): its rows
/// are per-step statistics, and a statistic of them (the p95 of p50s) is not like with like.
bool names_a_statistic(const Measure& m) {
    const std::string key = measure_key(m);  // outlives the views split() returns
    for (auto word : util::split(key, '_'))
        for (const auto& [w, stat] : kStatisticWords)
            if (word == w) return true;
    return false;
}

}  // namespace

std::vector<Candidate> candidates_for(const Frame& f, const SubjectGroup& g, int kind, const ClaimShape& shape,
                                      std::size_t group) {
    std::vector<Candidate> out;
    int m = measure_of(f, kind);
    if (m < 0 || names_a_statistic(f.measures[static_cast<std::size_t>(m)])) return out;
    auto ok = group_values(f, g, m, Rows::ok);
    auto warm = group_values(f, g, m, Rows::warm);
    if (ok.empty()) return out;
    if (shape.best || shape.worst) {  // the best configuration's mean of a sweep
        add_configs(f, g, m, shape, group, out);
        if (!out.empty()) return out;
        // No sweep: "best throughput with q4_0 at 76.59" names the level that was best; its own
        // statistic is compared, as for any claim.
    }
    if (kind == kThroughput && shape.weighted && (shape.statistics & kMean)) {
        add_weighted_rate(f, g, group, out);
        return out;
    }
    add_summary(ok, "", shape.statistics, true, group, out);
    // The same statistic without reloads (TTFT summaries leave cold starts out).
    if (!warm.empty() && warm.size() < ok.size()) add_summary(warm, "warm ", shape.statistics, true, group, out);
    return out;
}

bool within_range(const Frame& f, const SubjectGroup& g, int kind, double value, double tolerance) {
    int m = measure_of(f, kind);
    if (m < 0) return false;
    auto ok = group_values(f, g, m, Rows::ok);
    if (ok.empty()) return false;
    auto [lo, hi] = std::minmax_element(ok.begin(), ok.end());
    return value >= *lo - tolerance && value <= *hi + tolerance;
}

FactValue claim_value(const model::Claim& claim, const ClaimShape& shape) {
    FactValue v = make_value("claimed", shape.canonical, claim.unit.quantity);
    if (shape.printed.empty() || claim.unit_text.empty()) return v;
    v.set_text(shape.printed, claim.unit_text, util::starts_with(claim.unit_text, "%"));
    return v;
}

}  // namespace analysis::claims_util
