// Derived summaries (aggregate CSV/JSON files and tables inside Markdown) checked row by row
// against the raw frame they summarise. Raw data wins.
#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>

#include "analysis/claims.hpp"
#include "analysis/claims_util.hpp"
#include "analysis/select.hpp"
#include "util/strings.hpp"

namespace analysis {

namespace {

namespace cu = claims_util;
using util::normalise_name;

// A summary value D agrees with a raw statistic R when |D − R| ≤ max(0.5 % of |R|, 0.0005 in D's
// own unit). Frames hold canonical numbers, not D's printed text, so half a unit of D's last
// printed decimal cannot be recovered: 0.0005 is half a unit of the third decimal (the finest
// precision summaries print), and 0.5 % covers coarser printing (77.29 for 77.2913...).
constexpr double kRelativeTolerance = 0.005;
constexpr double kAbsoluteTolerance = 0.0005;
constexpr std::size_t kMaxUnmatchedListed = 12;

enum class Verdict { agree, agree_with_cold, failed_averaged_in, disagree };

/// How one D dimension (or D context value, or a D setting the ingest read as a measure) selects
/// rows of R: R's dimension `r_dim` must equal the D value, or R's context value must.
struct Constraint {
    std::string name;       ///< D's name for it, for statements
    int r_dim = -1;         ///< R dimension compared per row; -1 when R holds it as context
    std::string r_context;  ///< R's context value when r_dim < 0
    int d_dim = -1;         ///< D dimension supplying the value per row
    int d_measure = -1;     ///< D measure supplying the value per row ("temp")
    std::string fixed;      ///< the value when it comes from D's context
};

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

// "config" names "config_name", "temp" names "temperature", "prompt" names "prompt_text".
bool names_match(const std::string& a, const std::string& b) {
    if (a == b) return true;
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    return shorter.size() >= 4 && util::starts_with(longer, shorter);
}

bool shares_word(const std::string& a, const std::string& b) {
    for (auto wa : util::split(a, '_'))
        for (auto wb : util::split(b, '_'))
            if (!wa.empty() && wa == wb) return true;
    return false;
}

std::vector<std::string> levels_of(const Frame& f, std::size_t d) {
    std::vector<std::string> out;
    for (const auto& row : f.rows)
        if (!row.dims[d].empty() && std::find(out.begin(), out.end(), row.dims[d]) == out.end()) out.push_back(row.dims[d]);
    return out;
}

// At least half of D's levels occur among R's values (a column named differently, "Model Tag").
bool mostly_present(const std::vector<std::string>& levels, const std::vector<std::string>& raw_levels) {
    std::size_t found = 0;
    for (const auto& l : levels)
        for (const auto& r : raw_levels)
            if (cu::same_level(l, r)) {
                ++found;
                break;
            }
    return !levels.empty() && found * 2 >= levels.size();
}

std::optional<Constraint> link_name(const std::string& n, const Frame& r, const std::vector<std::string>& levels,
                                    std::vector<bool>& used) {
    for (std::size_t k = 0; k < r.dim_names.size(); ++k)
        if (!used[k] && names_match(n, normalise_name(r.dim_names[k]))) {
            used[k] = true;
            return Constraint{"", static_cast<int>(k), "", -1, -1, ""};
        }
    for (const auto& [key, value] : r.context)
        if (names_match(n, normalise_name(key))) return Constraint{"", -1, value, -1, -1, ""};
    for (std::size_t k = 0; k < r.dim_names.size(); ++k)
        if (!used[k] && shares_word(n, normalise_name(r.dim_names[k])) && mostly_present(levels, levels_of(r, k))) {
            used[k] = true;
            return Constraint{"", static_cast<int>(k), "", -1, -1, ""};
        }
    for (const auto& [key, value] : r.context)
        if (shares_word(n, normalise_name(key)) && mostly_present(levels, {value})) return Constraint{"", -1, value, -1, -1, ""};
    return std::nullopt;
}

/// How D's rows select R's rows, or nullopt when some D dimension is not a dimension or context
/// key of R (then R is not what D summarises).
std::optional<std::vector<Constraint>> link(const Frame& d, const Frame& r) {
    std::vector<Constraint> out;
    std::vector<bool> used(r.dim_names.size(), false);
    for (std::size_t i = 0; i < d.dim_names.size(); ++i) {
        auto c = link_name(normalise_name(d.dim_names[i]), r, levels_of(d, i), used);
        if (!c) return std::nullopt;
        c->name = d.dim_names[i];
        c->d_dim = static_cast<int>(i);
        out.push_back(*c);
    }
    for (const auto& [key, value] : d.context) {
        auto c = link_name(normalise_name(key), r, {}, used);
        if (!c) continue;  // a constant of D that R does not record says nothing about R's rows
        if (c->r_dim < 0 && !cu::same_level(c->r_context, value)) return std::nullopt;
        c->name = key;
        c->fixed = value;
        if (c->r_dim >= 0) out.push_back(*c);
    }
    // A numeric setting the ingest took for a measure ("temp" next to num_ctx) still selects rows.
    for (std::size_t m = 0; m < d.measures.size(); ++m) {
        std::string n = normalise_name(d.measures[m].name);
        for (std::size_t k = 0; k < r.dim_names.size(); ++k) {
            std::string rn = normalise_name(r.dim_names[k]);
            if (used[k] || !r.dim_is_setting[k] || !(n == rn || (n.size() >= 4 && util::starts_with(rn, n)))) continue;
            used[k] = true;
            out.push_back(Constraint{d.measures[m].name, static_cast<int>(k), "", -1, static_cast<int>(m), ""});
            break;
        }
    }
    return out;
}

std::string constraint_value(const FrameRow& row, const Constraint& c) {
    if (c.d_dim >= 0) return row.dims[static_cast<std::size_t>(c.d_dim)];
    if (c.d_measure >= 0) {
        double v = row.values[static_cast<std::size_t>(c.d_measure)];
        return std::isfinite(v) ? util::format_double(v) : "";
    }
    return c.fixed;
}

bool agrees(double summary, double raw, double floor) {
    // The 1e-9 slack keeps exact half-unit ties (0.086 vs 0.0865) on the agreeing side despite binary rounding.
    double tolerance = std::max(kRelativeTolerance * std::fabs(raw), floor) * (1 + 1e-9);
    return std::isfinite(raw) && std::fabs(summary - raw) <= tolerance;
}

std::optional<RowCheck> check_row(const Frame& d, std::size_t i, int dm, const Frame& r, int rm,
                                  const std::vector<Constraint>& cs, bool median) {
    const FrameRow& row = d.rows[i];
    double dv = row.values[static_cast<std::size_t>(dm)];
    if (row.failed || !std::isfinite(dv)) return std::nullopt;
    RowCheck rc;
    rc.d_row = i;
    rc.d_value = dv;
    std::vector<std::string> wanted;
    for (const auto& c : cs) wanted.push_back(constraint_value(row, c));
    for (std::size_t k = 0; k < r.rows.size(); ++k) {
        bool fits = true;
        for (std::size_t j = 0; j < cs.size() && fits; ++j) {
            const auto& c = cs[j];
            fits = cu::same_level(c.r_dim >= 0 ? r.rows[k].dims[static_cast<std::size_t>(c.r_dim)] : c.r_context, wanted[j]);
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
    double floor = kAbsoluteTolerance * unit_scale(d.measures[static_cast<std::size_t>(dm)]);
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
    p.same_folder = cu::folder_of(d.file) == cu::folder_of(r.file);
    p.prefix = cu::common_prefix(cu::stem_of(d.file), cu::stem_of(r.file));
    for (std::size_t i = 0; i < d.rows.size(); ++i)
        if (auto rc = check_row(d, i, dm, r, rm, cs, median)) p.rows.push_back(std::move(*rc));
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

// Words of `part` all occur in `whole` (both normalised); the count of extra words, or -1.
int extra_words(const std::string& part, const std::string& whole) {
    auto want = util::split(part, '_');
    auto have = util::split(whole, '_');
    if (want.size() < 2) return -1;  // one word ("tokens") is too weak to pair columns by
    for (auto w : want)
        if (std::find(have.begin(), have.end(), w) == have.end()) return -1;
    return static_cast<int>(have.size() - want.size());
}

/// R's measure for D's `name` (normalised) / `base` (aggregate stripped): the same name, else the
/// measure of the same quantity whose name holds all of D's words with the fewest extra words
/// ("Mean (ms)" -> "benchmark.mean_time_ms", "Compile Time (s)" -> "compilation.compile_time_s").
int raw_measure(const Frame& r, const std::string& name, const std::string& base, model::Quantity q) {
    int best = -1, best_extra = 1 << 20;
    for (std::size_t i = 0; i < r.measures.size(); ++i) {
        const auto& m = r.measures[i];
        std::string rn = normalise_name(m.name);
        bool same_quantity = m.quantity == q || m.quantity == model::Quantity::unknown || q == model::Quantity::unknown;
        if (same_quantity && rn == base) return static_cast<int>(i);
        if (m.quantity != q || q == model::Quantity::unknown) continue;
        for (const auto* words : {&name, &base}) {
            int extra = extra_words(*words, rn);
            if (extra >= 0 && extra < best_extra) {
                best = static_cast<int>(i);
                best_extra = extra;
            }
        }
    }
    return best;
}

/// Frames that may hold someone's aggregates: derived ones, files named *summary*, and frames
/// with mean_/median_ measures (JSON summaries whose counts and options outnumber the means).
bool is_summary(const Frame& f) {
    if (f.derived || cu::stem_of(f.file).find("summary") != std::string::npos) return true;
    for (const auto& m : f.measures)
        if (is_aggregate_name(normalise_name(m.name))) return true;
    return false;
}

bool checks_measure(const Frame& f, const Measure& m) {
    return f.derived || cu::stem_of(f.file).find("summary") != std::string::npos ||
           is_aggregate_name(normalise_name(m.name));
}

std::string describe_row(const Frame& d, const FrameRow& row, const std::vector<Constraint>& cs) {
    std::string out;
    for (const auto& c : cs) out += (out.empty() ? "" : ", ") + c.name + "=" + cu::clean_level(constraint_value(row, c));
    return out.empty() ? "the only row of " + d.label : out;
}

const RowCheck* pick_example(const PairCheck& p) {
    const RowCheck* example = nullptr;
    double worst = -1;
    for (const auto& rc : p.rows) {
        if (rc.verdict != Verdict::disagree && rc.verdict != Verdict::failed_averaged_in) continue;
        // A plain disagreement makes the clearer example.
        double rank = relative_error(rc) + (rc.verdict == Verdict::disagree ? 1e6 : 0);
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
    fact.kind = "derived.check";
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
        fact.sources.push_back(d.rows[rc.d_row].source);
        cu::append_sources(*p.raw, rc.r_rows, fact.sources);
    }
    facts.push_back(std::move(fact));
}

/// Checks every measure of summary frame `d`; returns whether some measure found its raw frame.
bool check_frame(const Frame& d, const std::vector<Frame>& frames, std::vector<Fact>& facts) {
    if (d.dim_names.empty() && d.rows.size() > 1) return false;  // rows cannot be told apart
    bool matched = false;
    for (std::size_t m = 0; m < d.measures.size(); ++m) {
        if (!checks_measure(d, d.measures[m])) continue;
        std::string n = normalise_name(d.measures[m].name);
        std::string base = strip_aggregate(n);
        bool median = util::starts_with(n, "median_") || util::ends_with(n, "_median");
        std::optional<PairCheck> best;
        for (const auto& r : frames) {
            if (r.derived || &r == &d || is_summary(r)) continue;
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
    fact.kind = "derived.unmatched";
    fact.subject = "folder";
    fact.id = "derived/unmatched";
    fact.values.push_back(make_count("derived tables without raw data", static_cast<double>(unmatched.size())));
    std::string list;
    for (std::size_t i = 0; i < unmatched.size() && i < kMaxUnmatchedListed; ++i) {
        list += (list.empty() ? "" : ", ") + cu::code(unmatched[i]->label);
        fact.sources.push_back(model::Source{unmatched[i]->file, unmatched[i]->rows.front().source.line, ""});
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
    std::vector<const Frame*> unmatched;
    for (const auto& d : frames) {
        if (!is_summary(d)) continue;
        bool matched = check_frame(d, frames, facts);
        if (!matched && d.derived) unmatched.push_back(&d);
    }
    emit_unmatched(unmatched, facts);
}

}  // namespace analysis
