// Numbers stated in Markdown prose (throughput and time claims) checked against statistics of the
// raw rows whose subject the claim names. Raw data wins.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "analysis/claims.hpp"
#include "analysis/claims_prose_stats.hpp"
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

enum class Outcome { confirmed, contradicted, no_subject, no_measure, not_a_level, unidentified };

/// Everything the checker needs about one claim besides the frames.
struct ClaimCase {
    const model::Claim* claim = nullptr;
    std::vector<std::string> headings;  ///< the heading above the claim, then its parents up to the title
    bool has_sibling = false;     ///< another claim of the same quantity on the same line ("X vs Y")
    ClaimShape shape;             ///< printed digits, bounds, statistic words
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
std::vector<SubjectGroup> find_groups(const cu::SubjectIndex& index, const ClaimCase& c,
                                      const std::function<bool(const SubjectGroup&)>& accept) {
    std::vector<const std::string*> texts = {&c.claim->text};
    for (const auto& h : c.headings) texts.push_back(&h);
    for (const std::string* text : texts) {
        if (text->empty()) continue;
        auto resolution = index.resolve(*text, accept);
        if (resolution.unknown_subject) return {};
        if (!resolution.groups.empty()) return resolution.groups;
    }
    return {};
}

double tolerance(const ClaimCase& c, double raw) {
    return std::max(c.shape.half_unit_canonical, c.shape.relative_tolerance * std::fabs(raw)) * (1 + 1e-9);
}

Verdict judge(const std::vector<Frame>& frames, const cu::SubjectIndex& index, const ClaimCase& c) {
    Verdict v;
    if (c.shape.not_a_level) return Verdict{Outcome::not_a_level, {}, {}, std::nullopt};
    int kind = cu::measure_kind(*c.claim);
    if (kind == cu::kNoMeasure) return Verdict{Outcome::no_measure, {}, {}, std::nullopt};
    auto usable = [&](const SubjectGroup& g) { return cu::group_has_data(frames[g.frame], g, kind); };
    v.groups = find_groups(index, c, usable);
    if (v.groups.empty()) {
        bool named = !find_groups(index, c, [](const SubjectGroup&) { return true; }).empty();
        return Verdict{named ? Outcome::no_measure : Outcome::no_subject, {}, {}, std::nullopt};
    }
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
           " for " + subject_text(v) + " (" + quote(claim.text) + ")";
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
    fact.kind = "claim.confirmed";
    std::string s = head(c, v, fact) + "; this matches the " + m.label + " of " + calls_text(frames, g, cu::measure_kind(*c.claim), fact);
    fact.values.push_back(make_value(m.label + " in " + group_label(frames, g), m.value, c.claim->unit.quantity));
    fact.statement = s + ", " + fact.values.back().text + ".";
    add_group_sources(frames, g, fact);
}

void contradicted(const std::vector<Frame>& frames, const ClaimCase& c, const Verdict& v, Fact& fact) {
    fact.kind = "claim.contradicted";
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
    std::size_t total() const { return no_subject + no_measure + not_a_level + unidentified; }
};

void emit_unverifiable(const std::string& file, const Unverifiable& u, std::vector<Fact>& facts) {
    Fact fact;
    fact.kind = "claim.unverifiable";
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
std::vector<ClaimCase> cases_of(const model::Corpus& corpus) {
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
                                cu::shape_of(c)});
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

void add_claim_facts(const model::Corpus& corpus, const std::vector<Frame>& frames, std::vector<Fact>& facts) {
    cu::SubjectIndex index(frames, usable_frame);
    std::map<std::string, Unverifiable> unverifiable;
    std::vector<std::string> file_order;
    std::map<std::pair<std::string, long long>, int> nth;
    for (const auto& c : cases_of(corpus)) {
        const model::Claim& claim = *c.claim;
        int k = ++nth[{claim.source.file, claim.source.line}];
        Verdict v = judge(frames, index, c);
        if (v.outcome == Outcome::confirmed || v.outcome == Outcome::contradicted) {
            Fact fact;
            fact.subject = claim.source.file + ":" + std::to_string(claim.source.line);
            fact.id = "claim/" + slug(claim.source.file) + "/" + std::to_string(claim.source.line) + "/" + std::to_string(k);
            fact.sources.push_back(claim.source);
            if (v.outcome == Outcome::confirmed) confirmed(frames, c, v, fact);
            else contradicted(frames, c, v, fact);
            facts.push_back(std::move(fact));
            continue;
        }
        auto [it, inserted] = unverifiable.try_emplace(claim.source.file);
        if (inserted) file_order.push_back(claim.source.file);
        Unverifiable& u = it->second;
        u.sources.push_back(claim.source);
        if (v.outcome == Outcome::no_subject) ++u.no_subject;
        else if (v.outcome == Outcome::no_measure) ++u.no_measure;
        else if (v.outcome == Outcome::not_a_level) ++u.not_a_level;
        else ++u.unidentified;
    }
    for (const auto& file : file_order) emit_unverifiable(file, unverifiable[file], facts);
}

}  // namespace analysis
