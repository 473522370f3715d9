// Numbers stated in Markdown prose (throughput and time claims) checked against statistics of the
// raw rows whose subject the claim names, within the claim's scope: its run folder first, then its
// dataset, then its experiment, never another experiment unless the claim names it
// (docs/design.md "Claims within their scope"). Causal claims are judged against the design
// instead (claims_causal.hpp). Raw data wins.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "analysis/claims.hpp"
#include "analysis/claims_causal.hpp"
#include "analysis/claims_prose_stats.hpp"
#include "analysis/claims_scope.hpp"
#include "analysis/claims_subject.hpp"
#include "analysis/claims_util.hpp"
#include "util/strings.hpp"

namespace analysis {

namespace {

namespace cu = claims_util;
using cu::Candidate;
using cu::ClaimShape;
using cu::SubjectGroup;

constexpr std::size_t kMaxGroupsListed = 4;
constexpr std::size_t kMaxQuote = 160;

constexpr std::size_t kMaxImplicitFrames = 4;

/// What became of a claim. out_of_scope: the data it names lies only in another experiment
/// ("not checkable", never "contradicted").
enum class Outcome { confirmed, contradicted, no_subject, no_measure, not_a_level, unidentified, out_of_scope };

/// Everything the checker needs about one claim besides the frames.
struct ClaimCase {
    const model::Claim* claim = nullptr;
    std::vector<std::string> headings;  ///< the heading above the claim, then its parents up to the title
    bool has_sibling = false;     ///< another claim of the same quantity on the same line ("X vs Y")
    ClaimShape shape;             ///< printed digits, bounds, statistic words
    cu::ClaimScope scope;         ///< run folder, dataset, experiment of the claim's file
    std::vector<std::string> tokens;  ///< claim_tokens() of the text, for naming data outright
};

/// Everything judge() reads besides the claim: frames, the subject index, the folder tree, and
/// the usable frames by folder and by the names a claim may call them (file name, stem,
/// experiment folder).
struct Context {
    const std::vector<Frame>& frames;
    const cu::SubjectIndex& index;
    const cu::ScopeTree& tree;
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_folder;
    std::unordered_map<std::string, std::vector<std::size_t>> by_name;
    /// Byte-identical copies of a data file elsewhere (frames are built from the first copy
    /// only): a copy in the claim's own folder makes the data the claim's own.
    std::unordered_map<std::string_view, std::vector<std::string_view>> copies;
};

struct Verdict {
    Outcome outcome = Outcome::no_subject;
    std::vector<SubjectGroup> groups;
    std::vector<std::vector<Candidate>> candidates;  ///< per group
    std::optional<Candidate> match;                  ///< the agreeing (confirmed) or closest candidate
};

std::string quote(const std::string& text) {
    if (text.size() <= kMaxQuote) return cu::code(text);
    std::size_t cut = kMaxQuote;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    return cu::code(text.substr(0, cut) + "...");
}

std::string group_label(const std::vector<Frame>& frames, const SubjectGroup& g) {
    const Frame& f = frames[g.frame];
    if (g.dim < 0) return f.label;
    return f.label + " [" + f.dim_names[static_cast<std::size_t>(g.dim)] + "=" + g.level + "]";
}

/// The groups the claim names: tokens of its text, else of its heading, else of the parent
/// headings up to the document title. A text that names a subject the data does not hold stops
/// the search (a parent heading must not stand in for it).
cu::Resolution resolve_claim(const cu::SubjectIndex& index, const ClaimCase& c,
                             const std::function<bool(const SubjectGroup&)>& accept) {
    std::vector<const std::string*> texts = {&c.claim->text};
    for (const auto& h : c.headings) texts.push_back(&h);
    for (const std::string* text : texts) {
        if (text->empty()) continue;
        auto resolution = index.resolve(*text, accept);
        if (resolution.unknown_subject || !resolution.groups.empty()) return resolution;
    }
    return {};
}

std::vector<SubjectGroup> find_groups(const cu::SubjectIndex& index, const ClaimCase& c,
                                      const std::function<bool(const SubjectGroup&)>& accept) {
    return resolve_claim(index, c, accept).groups;
}

/// How near frame `f` lies to the claim (docs/design.md "Claims within their scope"); data the
/// claim names outright (its file, its experiment folder) counts as the claim's own run.
cu::ScopeRank rank_of(const Context& x, const ClaimCase& c, std::size_t f) {
    const std::string& file = x.frames[f].file;
    auto rank = cu::scope_rank(c.scope, file, x.tree);
    if (auto it = x.copies.find(std::string_view(file)); it != x.copies.end())
        for (auto copy : it->second) rank = std::min(rank, cu::scope_rank(c.scope, copy, x.tree));
    if (rank != cu::ScopeRank::run && cu::names_data(c.tokens, file, x.tree)) return cu::ScopeRank::run;
    return rank;
}

/// Settings the claim writes as name=value ("num_gpu=40"), normalised names.
std::vector<std::string> written_settings(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t eq = text.find('='); eq != std::string::npos; eq = text.find('=', eq + 1)) {
        std::size_t start = eq;
        while (start > 0 && (std::isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '_')) --start;
        bool value = eq + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[eq + 1]));
        if (start < eq && value) out.push_back(util::normalise_name(text.substr(start, eq - start)));
    }
    return out;
}

/// Whether frame `f` records every setting the claim writes as name=value (as a dimension or a
/// context value): a claim about "num_gpu=40" is not about a table without num_gpu.
bool records_settings(const Frame& f, const std::vector<std::string>& settings) {
    auto named = [](const std::string& want, const std::string& have) {
        std::string h = util::normalise_name(have);
        return h == want || (want.size() >= 4 && util::starts_with(h, want));
    };
    for (const auto& want : settings) {
        bool found = std::any_of(f.dim_names.begin(), f.dim_names.end(), [&](const std::string& d) { return named(want, d); }) ||
                     std::any_of(f.context.begin(), f.context.end(), [&](const auto& kv) { return named(want, kv.first); });
        if (!found) return false;
    }
    return true;
}

/// Keeps the groups of the nearest scope only: a run's own data hides its dataset's, which hides
/// the rest of the experiment.
void keep_nearest(const Context& x, const ClaimCase& c, std::vector<SubjectGroup>& groups) {
    auto nearest = cu::ScopeRank::outside;
    for (const auto& g : groups) nearest = std::min(nearest, rank_of(x, c, g.frame));
    std::erase_if(groups, [&](const SubjectGroup& g) { return rank_of(x, c, g.frame) != nearest; });
}

SubjectGroup whole_frame(const Frame& f, std::size_t i) {
    SubjectGroup g;
    g.frame = i;
    g.tokens = {std::string(cu::folder_view(f.file).empty() ? std::string_view(f.file) : std::string_view(f.file).substr(cu::folder_view(f.file).size() + 1))};
    g.consistent = true;
    return g;
}

/// The data a claim that names no subject speaks of: the frames it names outright (a file or
/// an experiment folder), else the frames of its own folder that share its file's stem
/// ("07-office.md" speaks of "07-office.json", not of the folder's other tests). At most
/// kMaxImplicitFrames.
std::vector<SubjectGroup> implicit_groups(const Context& x, const ClaimCase& c, int kind) {
    auto has_data = [&](std::size_t f) { return cu::group_has_data(x.frames[f], whole_frame(x.frames[f], f), kind); };
    std::vector<SubjectGroup> out;
    std::set<std::size_t> seen;
    for (const auto& t : c.tokens)
        if (auto it = x.by_name.find(t); it != x.by_name.end())
            for (auto f : it->second)
                if (has_data(f) && seen.insert(f).second) out.push_back(whole_frame(x.frames[f], f));
    if (!out.empty()) return out.size() <= kMaxImplicitFrames ? out : std::vector<SubjectGroup>{};
    auto it = x.by_folder.find(std::string_view(c.scope.run));
    if (it == x.by_folder.end()) return out;
    const std::string stem = cu::stem_of(c.claim->source.file);
    for (auto f : it->second)
        if (has_data(f) && cu::stem_of(x.frames[f].file) == stem) out.push_back(whole_frame(x.frames[f], f));
    return out.size() <= kMaxImplicitFrames ? out : std::vector<SubjectGroup>{};
}

double tolerance(const ClaimCase& c, double raw) {
    return std::max(c.shape.half_unit_canonical, c.shape.relative_tolerance * std::fabs(raw)) * (1 + 1e-9);
}

/// The groups a claim is checked against: the subjects it names within its scope, nearest scope
/// only; else (naming no subject) its implicit data. Sets `outcome` when there are none.
std::vector<SubjectGroup> groups_in_scope(const Context& x, const ClaimCase& c, int kind, Outcome& outcome) {
    const auto settings = written_settings(c.claim->text);
    auto usable = [&](const SubjectGroup& g) {
        return records_settings(x.frames[g.frame], settings) && cu::group_has_data(x.frames[g.frame], g, kind);
    };
    auto in_scope = [&](const SubjectGroup& g) { return usable(g) && rank_of(x, c, g.frame) != cu::ScopeRank::outside; };
    auto groups = find_groups(x.index, c, in_scope);
    keep_nearest(x, c, groups);
    if (!groups.empty()) return groups;
    if (!find_groups(x.index, c, usable).empty()) {
        outcome = Outcome::out_of_scope;  // named data exists, but only in another experiment
        return {};
    }
    auto named = resolve_claim(x.index, c, [](const SubjectGroup&) { return true; });
    if (!named.unknown_subject && named.groups.empty()) groups = implicit_groups(x, c, kind);
    if (groups.empty()) outcome = named.groups.empty() ? Outcome::no_subject : Outcome::no_measure;
    return groups;
}

Verdict judge(const Context& x, const ClaimCase& c) {
    const std::vector<Frame>& frames = x.frames;
    Verdict v;
    if (c.shape.not_a_level) return Verdict{Outcome::not_a_level, {}, {}, std::nullopt};
    int kind = cu::measure_kind(*c.claim);
    if (kind == cu::kNoMeasure) return Verdict{Outcome::no_measure, {}, {}, std::nullopt};
    Outcome none = Outcome::no_subject;
    v.groups = groups_in_scope(x, c, kind, none);
    if (v.groups.empty()) return Verdict{none, {}, {}, std::nullopt};
    for (std::size_t g = 0; g < v.groups.size(); ++g)
        v.candidates.push_back(cu::candidates_for(frames[v.groups[g].frame], v.groups[g], kind, c.shape, g));
    double best_gap = INFINITY;
    bool agreed = false;
    for (const auto& list : v.candidates)
        for (const auto& cand : list) {
            double gap = std::fabs(cand.value - c.shape.canonical);
            bool ok = gap <= tolerance(c, cand.value);
            if ((ok && !agreed) || (ok == agreed && gap < best_gap)) {
                best_gap = gap;
                v.match = cand;
                agreed = agreed || ok;
            }
        }
    if (agreed) v.outcome = Outcome::confirmed;
    else if (c.has_sibling) v.outcome = Outcome::unidentified;
    else if (!c.shape.names_statistic && !c.shape.best && !c.shape.worst &&
             std::any_of(v.groups.begin(), v.groups.end(), [&](const SubjectGroup& g) {
                 return cu::within_range(frames[g.frame], g, kind, c.shape.canonical, tolerance(c, c.shape.canonical));
             }))
        v.outcome = Outcome::unidentified;  // could be any one call or configuration
    else v.outcome = v.match ? Outcome::contradicted : Outcome::no_measure;
    return v;
}

std::string subject_text(const Verdict& v) {
    std::vector<std::string> tokens;
    for (const auto& g : v.groups)
        for (const auto& t : g.tokens)
            if (std::find(tokens.begin(), tokens.end(), t) == tokens.end()) tokens.push_back(t);
    std::string out;
    for (const auto& t : tokens) out += (out.empty() ? "" : ", ") + t;
    return cu::code(out);
}

std::string head(const ClaimCase& c, const Verdict& v, Fact& fact) {
    const model::Claim& claim = *c.claim;
    fact.values.push_back(cu::claim_value(claim, c.shape));
    return cu::code(claim.source.file + ":" + std::to_string(claim.source.line)) + " claims " + fact.values.back().text +
           " for " + subject_text(v) + " (" + quote(claim.text) + ")" +
           (c.shape.names_statistic || c.shape.best || c.shape.worst || c.shape.weighted ? "" : ", compared with the mean as it names no statistic");
}

void add_group_sources(const std::vector<Frame>& frames, const SubjectGroup& g, Fact& fact) {
    const Frame& f = frames[g.frame];
    for (const auto& row : f.rows)
        if (g.contains(f, row)) add_row_source(fact.sources, f, row);
}

std::string calls_text(const std::vector<Frame>& frames, const SubjectGroup& g, int kind, Fact& fact) {
    fact.values.push_back(make_count("successful calls in " + group_label(frames, g),
                                     static_cast<double>(cu::successful_calls(frames[g.frame], g, kind))));
    return cu::code(group_label(frames, g)) + " (" + fact.values.back().text + " successful calls)";
}

void confirmed(const std::vector<Frame>& frames, const ClaimCase& c, const Verdict& v, Fact& fact) {
    const Candidate& m = *v.match;
    const SubjectGroup& g = v.groups[m.group];
    fact.kind = FactKind::claim_confirmed;
    std::string s = head(c, v, fact) + "; this matches the " + m.label + " of " + calls_text(frames, g, cu::measure_kind(*c.claim), fact);
    fact.values.push_back(make_value(m.label + " in " + group_label(frames, g), m.value, c.claim->unit.quantity));
    fact.statement = s + ", " + fact.values.back().text + ".";
    add_group_sources(frames, g, fact);
}

void contradicted(const std::vector<Frame>& frames, const ClaimCase& c, const Verdict& v, Fact& fact) {
    fact.kind = FactKind::claim_contradicted;
    fact.severity = Severity::warning;
    int kind = cu::measure_kind(*c.claim);
    std::string s = head(c, v, fact) + ", but the raw data gives: ";
    for (std::size_t g = 0; g < v.groups.size() && g < kMaxGroupsListed; ++g) {
        s += (g ? "; " : "") + calls_text(frames, v.groups[g], kind, fact);
        std::size_t shown = 0;
        for (const auto& cand : v.candidates[g]) {
            if (!cand.headline || shown == 3) continue;
            fact.values.push_back(make_value(cand.label + " in " + group_label(frames, v.groups[g]), cand.value, c.claim->unit.quantity));
            s += (shown++ ? ", " : " ") + cand.label + " " + fact.values.back().text;
        }
        add_group_sources(frames, v.groups[g], fact);
    }
    if (v.groups.size() > kMaxGroupsListed) {
        fact.values.push_back(make_count("raw tables not listed", static_cast<double>(v.groups.size() - kMaxGroupsListed)));
        s += "; and " + fact.values.back().text + " more raw tables";
    }
    fact.values.push_back(make_value("closest " + v.match->label, v.match->value, c.claim->unit.quantity));
    s += "; closest: " + v.match->label + " " + fact.values.back().text + " in " +
         cu::code(group_label(frames, v.groups[v.match->group])) + "; raw data wins.";
    fact.statement = std::move(s);
}

/// Per file, the claims that could not be checked, by reason.
struct Unverifiable {
    std::size_t no_subject = 0, no_measure = 0, not_a_level = 0, unidentified = 0;
    std::vector<model::Source> sources;
    std::size_t out_of_scope = 0;               ///< "not checkable": reported in a fact of its own
    std::vector<model::Source> out_of_scope_sources;
    std::size_t total() const { return no_subject + no_measure + not_a_level + unidentified; }
};

/// Claims of one file whose data lies only outside their scope: "not checkable" (info).
void emit_not_checkable(const std::string& file, const Unverifiable& u, std::vector<Fact>& facts) {
    Fact fact;
    fact.kind = FactKind::claim_not_checkable;
    fact.subject = file;
    fact.id = "claim-not-checkable/" + slug(file);
    fact.values.push_back(make_count("claims not checkable within their scope", static_cast<double>(u.out_of_scope)));
    fact.statement = cu::code(file) + ": " + fact.values[0].text +
                     " throughput and time claims are not checkable: the data they name lies only in another "
                     "experiment, and they do not name that experiment's folder or file.";
    fact.sources = u.out_of_scope_sources;
    facts.push_back(std::move(fact));
}

void emit_unverifiable(const std::string& file, const Unverifiable& u, std::vector<Fact>& facts) {
    if (u.out_of_scope > 0) emit_not_checkable(file, u, facts);
    if (u.total() == 0) return;
    Fact fact;
    fact.kind = FactKind::claim_unverifiable;
    fact.subject = file;
    fact.id = "claim-unverifiable/" + slug(file);
    fact.values.push_back(make_count("unverifiable claims", static_cast<double>(u.total())));
    std::string s = cu::code(file) + ": " + fact.values[0].text +
                    " throughput and time claims cannot be checked against the raw data";
    std::string parts;
    auto part = [&](std::size_t n, const std::string& label) {
        if (n == 0) return;
        fact.values.push_back(make_count(label, static_cast<double>(n)));
        parts += (parts.empty() ? " (" : "; ") + label + ": " + fact.values.back().text;
    };
    part(u.no_subject, "no model, tag, backend or file of the raw data named");
    part(u.no_measure, "a time other than TTFT, load or latency, or no raw data of that kind for the subject");
    part(u.not_a_level, "bounds, ranges or differences rather than levels");
    part(u.unidentified, "matching no statistic, so possibly one call, one configuration or one side of a comparison");
    if (!parts.empty()) parts += ")";
    fact.statement = s + parts + ".";
    fact.sources = u.sources;
    facts.push_back(std::move(fact));
}

/// The heading chain above a claim: its nearest heading, then each enclosing heading of a higher
/// level, up to the title.
std::vector<std::string> headings_of(const model::FileEntry* file, const model::Claim& claim) {
    std::vector<std::string> chain;
    if (file) {
        int level = 1 << 20;
        for (auto it = file->headings.rbegin(); it != file->headings.rend(); ++it)
            if (it->line <= claim.source.line && it->level < level) {
                chain.push_back(it->text);
                level = it->level;
            }
    }
    if (chain.empty() || chain.front() != claim.heading) chain.insert(chain.begin(), claim.heading);
    return chain;
}

bool checkable(const model::Claim& claim) {
    return claim.unit.quantity == model::Quantity::throughput || claim.unit.quantity == model::Quantity::time;
}

/// Claims to check, with their titles and whether another claim of the same quantity shares the line.
std::vector<ClaimCase> cases_of(const model::Corpus& corpus, const cu::ScopeTree& tree) {
    std::unordered_map<std::string_view, const model::FileEntry*> by_path;
    std::unordered_set<std::string_view> skip;
    for (const auto& f : corpus.files) {
        by_path.emplace(f.path, &f);
        if (f.status != model::FileStatus::parsed || !f.duplicate_of.empty()) skip.insert(f.path);
    }
    std::map<std::tuple<model::SharedPath, long long, model::Quantity>, std::size_t> per_line;
    for (const auto& c : corpus.claims) ++per_line[{c.source.file, c.source.line, c.unit.quantity}];
    std::vector<ClaimCase> out;
    for (const auto& c : corpus.claims) {
        if (!checkable(c) || skip.count(c.source.file)) continue;
        auto file = by_path.find(c.source.file);
        out.push_back(ClaimCase{&c, headings_of(file == by_path.end() ? nullptr : file->second, c), per_line[{c.source.file, c.source.line, c.unit.quantity}] > 1,
                                cu::shape_of(c), tree.scope_of(c.source.file), cu::claim_tokens(c.text)});
    }
    return out;
}

bool usable_frame(const Frame& f) {
    if (f.derived) return false;
    for (int kind : {cu::kThroughput, cu::kTtft, cu::kLoad, cu::kLatency})
        if (cu::measure_of(f, kind) >= 0) return true;
    return false;
}

}  // namespace

namespace {

/// The folder tree of every file the claims and frames come from.
cu::ScopeTree tree_of(const model::Corpus& corpus, const std::vector<Frame>& frames) {
    std::vector<std::string_view> paths;
    for (const auto& f : corpus.files) paths.push_back(f.path);
    for (const auto& f : frames) paths.push_back(f.file);
    for (const auto& c : corpus.claims) paths.push_back(c.source.file);
    std::vector<std::string_view> data;
    for (const auto& f : frames)
        if (!f.narrative) data.push_back(f.file);
    return cu::ScopeTree(paths, data);
}

/// Frames in scope for a causal claim, nearest first (run, dataset, experiment; named data
/// counts as the run's own).
std::vector<std::size_t> frames_in_scope(const Context& x, const ClaimCase& c) {
    std::vector<std::pair<cu::ScopeRank, std::size_t>> ranked;
    for (std::size_t f = 0; f < x.frames.size(); ++f) {
        if (!usable_frame(x.frames[f])) continue;
        auto rank = rank_of(x, c, f);
        if (rank != cu::ScopeRank::outside) ranked.emplace_back(rank, f);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::size_t> out;
    for (const auto& r : ranked) out.push_back(r.second);
    return out;
}

std::string_view verdict_words(cu::CausalVerdict v) {
    switch (v) {
        case cu::CausalVerdict::supported: return "supported";
        case cu::CausalVerdict::confounded: return "confounded";
        case cu::CausalVerdict::not_testable: return "not testable";
    }
    return "not testable";
}

/// A causal claim judged against the design of the nearest frame in scope that holds the factor
/// level it names; never confirmed by a matching number.
void causal(const Context& x, const ClaimCase& c, Fact& fact) {
    const model::Claim& claim = *c.claim;
    fact.values.push_back(cu::claim_value(claim, c.shape));
    std::string s = cu::code(claim.source.file + ":" + std::to_string(claim.source.line)) + " states a cause (" +
                    quote(claim.text) + ")";
    cu::CausalFinding finding;
    finding.reason = "no data in its scope holds the factor level it names as a separate level";
    int kind = cu::measure_kind(claim);
    for (auto f : frames_in_scope(x, c)) {
        const Frame& frame = x.frames[f];
        auto level = cu::named_level(frame, claim.text);
        if (!level) continue;
        int m = cu::measure_of(frame, kind);
        if (m < 0) {
            finding.reason = cu::code(frame.label) + " has no raw measure of what the claim says it affects";
            break;
        }
        finding = cu::judge_causal(frame, *level, m);
        break;
    }
    fact.kind = cu::causal_kind(finding.verdict);
    fact.severity = finding.verdict == cu::CausalVerdict::confounded ? Severity::warning : Severity::info;
    for (auto& v : finding.values) fact.values.push_back(std::move(v));
    for (auto& src : finding.sources) fact.sources.push_back(std::move(src));
    fact.statement = s + "; a matching number does not test a cause; against the design it is " +
                     std::string(verdict_words(finding.verdict)) + ": " + finding.reason + ".";
}

void count_unverifiable(const model::Claim& claim, Outcome outcome, Unverifiable& u) {
    if (outcome == Outcome::out_of_scope) {
        ++u.out_of_scope;
        u.out_of_scope_sources.push_back(claim.source);
        return;
    }
    u.sources.push_back(claim.source);
    if (outcome == Outcome::no_subject) ++u.no_subject;
    else if (outcome == Outcome::no_measure) ++u.no_measure;
    else if (outcome == Outcome::not_a_level) ++u.not_a_level;
    else ++u.unidentified;
}

}  // namespace

void add_claim_facts(const model::Corpus& corpus, const std::vector<Frame>& frames, std::vector<Fact>& facts) {
    cu::SubjectIndex index(frames, usable_frame);
    const cu::ScopeTree tree = tree_of(corpus, frames);
    Context x{frames, index, tree, {}, {}, {}};
    for (const auto& file : corpus.files)
        if (!file.duplicate_of.empty()) x.copies[std::string_view(file.duplicate_of)].push_back(std::string_view(file.path));
    for (std::size_t f = 0; f < frames.size(); ++f) {
        if (!usable_frame(frames[f])) continue;
        x.by_folder[cu::folder_view(frames[f].file)].push_back(f);
        for (auto& name : cu::data_names(frames[f].file, tree)) x.by_name[name].push_back(f);
    }
    std::map<std::string, Unverifiable> unverifiable;
    std::vector<std::string> file_order;
    std::map<std::pair<std::string, long long>, int> nth;
    for (const auto& c : cases_of(corpus, tree)) {
        const model::Claim& claim = *c.claim;
        int k = ++nth[{claim.source.file, claim.source.line}];
        auto new_fact = [&] {
            Fact fact;
            fact.subject = claim.source.file + ":" + std::to_string(claim.source.line);
            fact.id = "claim/" + slug(claim.source.file) + "/" + std::to_string(claim.source.line) + "/" + std::to_string(k);
            fact.sources.push_back(claim.source);
            return fact;
        };
        if (cu::is_causal(claim.text)) {
            Fact fact = new_fact();
            causal(x, c, fact);
            facts.push_back(std::move(fact));
            continue;
        }
        Verdict v = judge(x, c);
        if (v.outcome == Outcome::confirmed || v.outcome == Outcome::contradicted) {
            Fact fact = new_fact();
            if (v.outcome == Outcome::confirmed) confirmed(frames, c, v, fact);
            else contradicted(frames, c, v, fact);
            facts.push_back(std::move(fact));
            continue;
        }
        auto [it, inserted] = unverifiable.try_emplace(claim.source.file);
        if (inserted) file_order.push_back(claim.source.file);
        count_unverifiable(claim, v.outcome, it->second);
    }
    for (const auto& file : file_order) emit_unverifiable(file, unverifiable[file], facts);
}

}  // namespace analysis
