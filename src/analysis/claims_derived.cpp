// Derived summaries (aggregate CSV/JSON files and tables inside Markdown) checked row by row
// against the raw frame they summarise. Raw data wins.
#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <functional>

#include "analysis/claims.hpp"
#include "analysis/claims_link.hpp"
#include "analysis/claims_util.hpp"
#include "analysis/select.hpp"
#include "util/parallel.hpp"
#include "util/strings.hpp"

namespace analysis {

namespace {

namespace cu = claims_util;
using cu::Constraint;
using cu::constraint_value;
using cu::link;
using cu::raw_measure;
using util::normalise_name;

// A summary value D agrees with a raw statistic R when |D − R| ≤ max(0.5 % of |R|, half a unit of
// the last decimal D printed). Frames hold numbers, not D's text, so the printed precision is read
// back from the column: the most decimals any of its values needs in D's own unit (0.06, 0.05 ->
// 2 decimals -> ±0.005; a column of full-precision floats -> negligible). Trailing zeros are
// lost that way ("0.10" reads as 1 decimal) unless another value of the column keeps them.
constexpr double kRelativeTolerance = 0.005;
constexpr int kMaxDecimals = 9;
constexpr std::size_t kMaxUnmatchedListed = 12;

enum class Verdict { agree, agree_with_cold, failed_averaged_in, disagree };

struct RowCheck {
    std::size_t d_row = 0;
    double d_value = 0;
    std::vector<std::size_t> r_rows;
    double primary = 0;         ///< raw statistic over successful calls (warm ones when there are any)
    bool excludes_cold = false; ///< `primary` left cold starts out
    double with_cold = 0;       ///< over all successful calls
    double with_failed = 0;     ///< over every row, failed ones' values included
    Verdict verdict = Verdict::disagree;
};

struct PairCheck {
    const Frame* raw = nullptr;
    std::vector<Constraint> constraints;
    std::vector<RowCheck> rows;
    std::size_t agreeing = 0;
    double error = 0;  ///< mean relative deviation, a tie-breaker
    bool same_folder = false;
    std::size_t prefix = 0;
};

/// Canonical size of one original unit (ms -> 0.001 s): the absolute floor is in D's unit.
double unit_scale(const Measure& m) {
    if (m.quantity != model::Quantity::time) return 1.0;
    std::string u = util::to_lower(m.original_unit);
    if (util::starts_with(u, "ms") || util::starts_with(u, "milli")) return 1e-3;
    if (util::starts_with(u, "us") || util::starts_with(u, "\xC2\xB5s") || util::starts_with(u, "micro")) return 1e-6;
    if (util::starts_with(u, "ns") || util::starts_with(u, "nano")) return 1e-9;
    return 1.0;
}

/// Half a unit of the last decimal the column of D measure `dm` was printed with, canonical unit.
double half_unit(const Frame& d, int dm) {
    double scale = unit_scale(d.measures[static_cast<std::size_t>(dm)]);
    int decimals = 0;
    for (const auto& row : d.rows) {
        double v = d.value(row, static_cast<std::size_t>(dm)) / scale;
        if (!std::isfinite(v)) continue;
        int k = 0;
        for (double p = 1; k < kMaxDecimals; ++k, p *= 10)
            if (std::fabs(v * p - std::round(v * p)) <= 1e-6 * std::max(1.0, std::fabs(v * p))) break;
        decimals = std::max(decimals, k);
    }
    return 0.5 * std::pow(10.0, -decimals) * scale;
}

bool agrees(double summary, double raw, double floor) {
    // The 1e-9 slack keeps exact half-unit ties (0.086 vs 0.0865) on the agreeing side despite binary rounding.
    double tolerance = std::max(kRelativeTolerance * std::fabs(raw), floor) * (1 + 1e-9);
    return std::isfinite(raw) && std::fabs(summary - raw) <= tolerance;
}

std::optional<RowCheck> check_row(const Frame& d, std::size_t i, int dm, const Frame& r, int rm,
                                  const std::vector<Constraint>& cs, bool median, double floor) {
    const FrameRow& row = d.rows[i];
    double dv = d.value(row, static_cast<std::size_t>(dm));
    if (row.failed || !std::isfinite(dv)) return std::nullopt;
    RowCheck rc;
    rc.d_row = i;
    rc.d_value = dv;
    std::vector<std::string> wanted;
    for (const auto& c : cs) wanted.push_back(constraint_value(d, row, c));
    for (std::size_t k = 0; k < r.rows.size(); ++k) {
        bool fits = true;
        for (std::size_t j = 0; j < cs.size() && fits; ++j) {
            const auto& c = cs[j];
            fits = cu::same_level(c.r_dim >= 0 ? r.dim(r.rows[k], static_cast<std::size_t>(c.r_dim)) : c.r_context, wanted[j]);
        }
        if (fits) rc.r_rows.push_back(k);
    }
    auto warm = cu::measure_values(r, rc.r_rows, rm, [](const FrameRow& x) { return row_selected(x, Rows::warm); });
    auto ok = cu::measure_values(r, rc.r_rows, rm, [](const FrameRow& x) { return row_selected(x, Rows::ok); });
    auto all = cu::measure_values(r, rc.r_rows, rm, [](const FrameRow&) { return true; });
    if (all.empty()) return std::nullopt;
    auto stat = [median](const std::vector<double>& v) { return median ? cu::median_of(v) : cu::mean_of(v); };
    rc.excludes_cold = !warm.empty() && warm.size() < ok.size();
    rc.with_cold = stat(ok);
    rc.primary = warm.empty() ? rc.with_cold : stat(warm);
    rc.with_failed = stat(all);
    if (agrees(dv, rc.primary, floor)) rc.verdict = Verdict::agree;
    else if (rc.excludes_cold && agrees(dv, rc.with_cold, floor)) rc.verdict = Verdict::agree_with_cold;
    else if (all.size() > ok.size() && agrees(dv, rc.with_failed, floor)) rc.verdict = Verdict::failed_averaged_in;
    else rc.verdict = Verdict::disagree;
    return rc;
}

double relative_error(const RowCheck& rc) {
    double ref = std::isfinite(rc.primary) ? rc.primary : rc.with_failed;
    return std::fabs(rc.d_value - ref) / std::max(std::fabs(ref), 1e-12);
}

PairCheck evaluate(const Frame& d, int dm, const Frame& r, int rm, std::vector<Constraint> cs, bool median) {
    PairCheck p;
    p.raw = &r;
    p.same_folder = cu::folder_view(d.file) == cu::folder_view(r.file);  // views of interned paths
    p.prefix = cu::common_prefix(cu::stem_of(d.file), cu::stem_of(r.file));
    double floor = half_unit(d, dm);
    for (std::size_t i = 0; i < d.rows.size(); ++i)
        if (auto rc = check_row(d, i, dm, r, rm, cs, median, floor)) p.rows.push_back(std::move(*rc));
    for (const auto& rc : p.rows) {
        p.agreeing += rc.verdict == Verdict::agree || rc.verdict == Verdict::agree_with_cold;
        p.error += std::min(relative_error(rc), 10.0) / static_cast<double>(p.rows.size());
    }
    p.constraints = std::move(cs);
    return p;
}

// Same folder first, then the longest common file-stem prefix, then the best agreement.
bool better(const PairCheck& a, const PairCheck& b) {
    return std::make_tuple(a.same_folder, a.prefix, a.agreeing, a.rows.size(), -a.error) >
           std::make_tuple(b.same_folder, b.prefix, b.agreeing, b.rows.size(), -b.error);
}

/// Frames that may hold someone's aggregates: derived ones, files named *summary*, and frames
/// with mean_/median_ measures (JSON summaries whose counts and options outnumber the means).
bool is_summary(const Frame& f) {
    if (f.derived || cu::stem_of(f.file).find("summary") != std::string::npos) return true;
    std::string scratch;
    for (const auto& m : f.measures)
        if (is_aggregate_name(measure_key(m, scratch))) return true;
    return false;
}

bool checks_measure(const Frame& f, const Measure& m) {
    std::string scratch;
    return f.derived || cu::stem_of(f.file).find("summary") != std::string::npos ||
           is_aggregate_name(measure_key(m, scratch));
}

std::string describe_row(const Frame& d, const FrameRow& row, const std::vector<Constraint>& cs) {
    std::string out;
    for (const auto& c : cs) out += (out.empty() ? "" : ", ") + c.name + "=" + cu::clean_level(constraint_value(d, row, c));
    return out.empty() ? "the only row of " + d.label : out;
}

const RowCheck* pick_example(const PairCheck& p) {
    const RowCheck* example = nullptr;
    double worst = -1;
    for (const auto& rc : p.rows) {
        if (rc.verdict != Verdict::disagree && rc.verdict != Verdict::failed_averaged_in) continue;
        // A plain disagreement with a successful raw value makes the clearest example.
        double rank = std::min(relative_error(rc), 10.0) + (rc.verdict == Verdict::disagree ? 1e6 : 0) +
                      (std::isfinite(rc.primary) ? 1e3 : 0);
        if (rank > worst) {
            worst = rank;
            example = &rc;
        }
    }
    return example;
}

/// "mean" / "median", or "value" when every D row stands for exactly one raw row.
std::string stat_word(const PairCheck& p, bool median) {
    bool single = std::all_of(p.rows.begin(), p.rows.end(), [](const RowCheck& rc) { return rc.r_rows.size() == 1; });
    return single ? "value" : median ? "median" : "mean";
}

std::string example_text(const Frame& d, int dm, const PairCheck& p, const RowCheck& rc, bool median, Fact& fact) {
    const Measure& measure = d.measures[static_cast<std::size_t>(dm)];
    auto add = [&](const std::string& label, double v) {
        fact.values.push_back(make_value(label, v, measure.quantity));
        return fact.values.back().text;
    };
    std::string stat = stat_word(p, median);
    std::string out = "e.g. " + cu::code(describe_row(d, d.rows[rc.d_row], p.constraints)) + ": summary " +
                      add("summary " + measure.name, rc.d_value);
    if (!std::isfinite(rc.primary)) {
        out += ", but the raw data has no successful call there";
    } else {
        out += ", raw " + stat + " " + add("raw " + stat + " " + measure.name, rc.primary);
        if (rc.excludes_cold) out += " over warm calls (" + add("raw " + stat + " with cold starts", rc.with_cold) + " with cold starts)";
    }
    if (rc.verdict == Verdict::failed_averaged_in)
        out += ", which is the " + stat + " with the failed runs averaged in (" + add("raw " + stat + " with failed runs", rc.with_failed) + ")";
    return out;
}

void emit_check(const Frame& d, int dm, const PairCheck& p, bool median, std::vector<Fact>& facts) {
    const Measure& measure = d.measures[static_cast<std::size_t>(dm)];
    std::size_t n = p.rows.size(), bad = 0, cold = 0, failed_in = 0;
    for (const auto& rc : p.rows) {
        cold += rc.verdict == Verdict::agree_with_cold;
        failed_in += rc.verdict == Verdict::failed_averaged_in;
        bad += rc.verdict == Verdict::disagree || rc.verdict == Verdict::failed_averaged_in;
    }
    Fact fact;
    fact.kind = FactKind::derived_check;
    fact.subject = d.label;
    fact.id = "derived/" + d.id + "/" + slug(measure.name);
    fact.severity = bad > 0 ? Severity::warning : cold > 0 ? Severity::notice : Severity::info;
    std::string stat = stat_word(p, median);
    std::string s = cu::code(d.label) + " (derived) vs raw " + cu::code(p.raw->label) + ": ";
    fact.values.push_back(make_count("values compared", static_cast<double>(n)));
    if (bad == 0) {
        s += n == 1 ? "the " + cu::code(measure.name) + " value agrees with the raw " + stat
                    : "all " + fact.values[0].text + " " + cu::code(measure.name) + " values agree with the raw " + stat +
                          (stat == "value" ? "s" : "s of the matching rows");
    } else {
        fact.values.push_back(make_count("values that disagree", static_cast<double>(bad)));
        s += fact.values[1].text + " of " + fact.values[0].text + " " + cu::code(measure.name) +
             " values disagree with the raw data, " + example_text(d, dm, p, *pick_example(p), median, fact) + "; raw data wins";
    }
    s += ".";
    if (failed_in > 0) {
        fact.values.push_back(make_count("values with failed runs averaged in", static_cast<double>(failed_in)));
        s += " Matching only the " + stat + " with failed runs' values included: " + fact.values.back().text +
             " (the summary averaged failed runs in).";
    }
    if (cold > 0) {
        fact.values.push_back(make_count("values that include cold starts", static_cast<double>(cold)));
        s += " Matching only when cold starts are counted: " + fact.values.back().text + " (the summary includes cold starts).";
    }
    fact.statement = std::move(s);
    for (const auto& rc : p.rows) {
        fact.sources.push_back(d.source(d.rows[rc.d_row]));
        cu::append_sources(*p.raw, rc.r_rows, fact.sources);
    }
    facts.push_back(std::move(fact));
}

/// Raw frames indexed so that each summary is compared with a bounded number of candidates:
/// without it a folder of 100,000 files costs summaries x raw frames link attempts.
struct RawIndex {
    using Lists = std::unordered_map<std::string, std::vector<const Frame*>, util::StringHash, std::equal_to<>>;
    Lists by_measure;         ///< normalised measure name
    Lists by_folder_measure;  ///< folder + '\n' + name
    Lists by_folder;
    const Frame* first = nullptr;     ///< frames.data(): a frame's index is its pointer minus this
    std::vector<std::string> stems;   ///< by frame index: lower-case file stem of each raw frame
    const std::string& stem(const Frame* r) const { return stems[static_cast<std::size_t>(r - first)]; }
};

constexpr std::size_t kMaxCandidates = 16;
constexpr std::size_t kMaxGlobalCandidates = 1024;

// The list under `key`, created empty on first use (the key is copied only then).
std::vector<const Frame*>& list_for(RawIndex::Lists& lists, std::string_view key) {
    auto it = lists.find(key);
    if (it == lists.end()) it = lists.emplace(std::string(key), std::vector<const Frame*>{}).first;
    return it->second;
}

RawIndex index_raw(const std::vector<Frame>& frames, const std::vector<char>& summary) {
    RawIndex index;
    index.first = frames.data();
    index.stems.resize(frames.size());
    std::string key, scratch;
    std::vector<std::string_view> seen;
    for (const auto& r : frames) {
        if (r.derived || summary[static_cast<std::size_t>(&r - frames.data())]) continue;
        const std::string_view folder = cu::folder_view(r.file);  // a view of the interned path
        list_for(index.by_folder, folder).push_back(&r);
        index.stems[static_cast<std::size_t>(&r - index.first)] = cu::stem_of(r.file);
        seen.clear();
        std::vector<std::string> keys;  // owns keys of hand-built frames (no Measure::key)
        keys.reserve(r.measures.size());
        for (const auto& m : r.measures) {
            std::string_view n = measure_key(m, scratch);
            if (m.key.empty()) n = keys.emplace_back(n);
            if (std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
            seen.push_back(n);
            list_for(index.by_measure, n).push_back(&r);
            key.assign(folder).append(1, '\n').append(n);
            list_for(index.by_folder_measure, key).push_back(&r);
        }
    }
    return index;
}

std::size_t common_prefix(const std::string& a, const std::string& b) {
    std::size_t k = 0;
    while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
    return k;
}

// The first `cap` frames of the union of two frame lists, `a` first, without repeats. Each list is
// in frame order and frames sit in one vector, so pointers ascend: membership in `a` is a binary search.
std::vector<const Frame*> merged(const std::vector<const Frame*>* a, const std::vector<const Frame*>* b, std::size_t cap) {
    std::vector<const Frame*> out;
    if (a) out.assign(a->begin(), a->begin() + static_cast<std::ptrdiff_t>(std::min(cap, a->size())));
    if (!b || b == a) return out;
    for (const auto* r : *b) {
        if (out.size() >= cap) break;
        if (!a || !std::binary_search(a->begin(), a->end(), r, std::less<const Frame*>())) out.push_back(r);
    }
    return out;
}

/// Raw frames that hold the measure by name — in the summary's own folder when there are any, else
/// anywhere — falling back to the folder's frames, where names may pair by shared words. Nearest
/// first (longest common file-stem prefix), at most kMaxCandidates.
std::vector<const Frame*> candidates(const Frame& d, const std::string& n, const std::string& base, const RawIndex& index) {
    const std::string folder(cu::folder_view(d.file)), stem = cu::stem_of(d.file);
    auto find = [](const auto& map, const std::string& key) -> const std::vector<const Frame*>* {
        auto it = map.find(key);
        return it == map.end() ? nullptr : &it->second;
    };
    std::vector<const Frame*> out = merged(find(index.by_folder_measure, folder + '\n' + n),
                                           find(index.by_folder_measure, folder + '\n' + base), kMaxGlobalCandidates);
    if (out.empty()) out = merged(find(index.by_measure, n), find(index.by_measure, base), kMaxGlobalCandidates);
    if (out.empty()) out = merged(find(index.by_folder, folder), nullptr, kMaxGlobalCandidates);
    std::vector<std::pair<std::size_t, std::size_t>> ranked;  // (-prefix, position) sorts nearest first, stably
    ranked.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        ranked.emplace_back(static_cast<std::size_t>(-1) - common_prefix(index.stem(out[i]), stem), i);
    std::size_t keep = std::min(kMaxCandidates, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end());
    std::vector<const Frame*> best;
    for (std::size_t i = 0; i < keep; ++i) best.push_back(out[ranked[i].second]);
    return best;
}

/// Checks every measure of summary frame `d`; returns whether some measure found its raw frame.
bool check_frame(const Frame& d, const RawIndex& index, std::vector<Fact>& facts) {
    if (d.dim_names.empty() && d.rows.size() > 1) return false;  // rows cannot be told apart
    bool matched = false;
    for (std::size_t m = 0; m < d.measures.size(); ++m) {
        if (!checks_measure(d, d.measures[m])) continue;
        std::string n = measure_key(d.measures[m]);
        std::string base = strip_aggregate(n);
        bool median = util::starts_with(n, "median_") || util::ends_with(n, "_median");
        std::optional<PairCheck> best;
        for (const auto* rp : candidates(d, n, base, index)) {
            const Frame& r = *rp;
            if (&r == &d) continue;
            int rm = raw_measure(r, n, base, d.measures[m].quantity);
            if (rm < 0) continue;
            auto cs = link(d, r);
            if (!cs) continue;
            PairCheck p = evaluate(d, static_cast<int>(m), r, rm, std::move(*cs), median);
            if (p.rows.empty()) continue;
            if (!best || better(p, *best)) best = std::move(p);
        }
        if (!best) continue;
        matched = true;
        emit_check(d, static_cast<int>(m), *best, median, facts);
    }
    return matched;
}

void emit_unmatched(const std::vector<const Frame*>& unmatched, std::vector<Fact>& facts) {
    if (unmatched.empty()) return;
    Fact fact;
    fact.kind = FactKind::derived_unmatched;
    fact.subject = "folder";
    fact.id = "derived/unmatched";
    fact.values.push_back(make_count("derived tables without raw data", static_cast<double>(unmatched.size())));
    std::string list;
    for (std::size_t i = 0; i < unmatched.size() && i < kMaxUnmatchedListed; ++i) {
        list += (list.empty() ? "" : ", ") + cu::code(unmatched[i]->label);
        fact.sources.push_back(model::Source{unmatched[i]->file, unmatched[i]->rows.front().line, ""});
    }
    if (unmatched.size() > kMaxUnmatchedListed) {
        fact.values.push_back(make_count("not listed", static_cast<double>(unmatched.size() - kMaxUnmatchedListed)));
        list += " and " + fact.values.back().text + " more";
    }
    fact.statement = fact.values[0].text + " derived tables have no raw frame with the same measure and dimensions to check "
                     "them against: " + list + ".";
    facts.push_back(std::move(fact));
}

}  // namespace

void add_derived_check_facts(const std::vector<Frame>& frames, std::vector<Fact>& facts) {
    std::vector<char> summary(frames.size());  // is_summary() of each frame, found once
    util::for_halves(frames.size(), 256, [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) summary[i] = is_summary(frames[i]);
    });
    const RawIndex index = index_raw(frames, summary);
    std::vector<const Frame*> summaries;
    for (std::size_t i = 0; i < frames.size(); ++i)
        if (summary[i]) summaries.push_back(&frames[i]);
    // Each summary is checked on its own: two threads, facts kept in frame order.
    std::vector<std::vector<Fact>> found(summaries.size());
    std::vector<char> matched(summaries.size(), 0);
    auto work = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) matched[i] = check_frame(*summaries[i], index, found[i]);
    };
    util::for_halves(summaries.size(), 64, work);
    std::vector<const Frame*> unmatched;
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        for (auto& f : found[i]) facts.push_back(std::move(f));
        if (!matched[i] && summaries[i]->derived) unmatched.push_back(summaries[i]);
    }
    emit_unmatched(unmatched, facts);
}

}  // namespace analysis
