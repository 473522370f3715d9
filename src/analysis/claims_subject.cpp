#include "analysis/claims_subject.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>

#include "analysis/claims_util.hpp"
#include "analysis/comparison.hpp"
#include "util/strings.hpp"

namespace analysis::claims_util {

namespace {

// Stem words that name the kind of file, not what was measured: a claim saying "baseline" or
// "summary" must not pick a file by them.
constexpr std::array kGenericWords = {
    "analysis", "ascii",  "baseline", "baselines", "bench",   "benchmark", "benchmarks", "chimera", "comprehensive",
    "cpu",      "csv",    "cuda",     "data",      "demo",    "diagnostics", "fixed",    "gpu",     "healing",
    "inference", "json",  "kernel",   "lessons",   "md",      "metrics",   "ml",         "ollama",  "param",
    "params",   "performance", "profiling", "prompt", "quant", "quantization", "raw",    "report",  "reports",
    "result",   "results", "run",     "runs",      "self",    "suite",     "summary",    "sweep",   "system",
    "test",     "tests",  "the",      "tuning"};

bool has_alpha(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}
bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool distinctive_part(std::string_view part) {
    if (!has_alpha(part)) return false;
    if (part.size() < 3 && !has_digit(part)) return false;
    return std::find(kGenericWords.begin(), kGenericWords.end(), part) == kGenericWords.end();
}

// "llama3.1:8b-instruct-q4_0" -> "llama3.1", "8b-instruct-q4_0", "8b", "q4_0": pieces that mix
// letters and digits (version and size tags), never plain words such as "latest" or "instruct".
std::vector<std::string> value_parts(const std::string& level) {
    std::vector<std::string> out;
    auto keep = [&](std::string_view p) {
        if (p.size() >= 2 && p != level && has_alpha(p) && has_digit(p) && std::find(out.begin(), out.end(), p) == out.end())
            out.emplace_back(p);
    };
    for (auto piece : util::split(level, ':')) {
        keep(piece);
        for (auto sub : util::split(piece, '-')) keep(sub);
    }
    return out;
}

// Dimensions that name what a sentence is about. Device, precision and dtype values ("cuda",
// "float32") are too common in prose to pick rows by.
bool names_subject(std::string_view name) {
    std::string n = util::normalise_name(name);
    for (std::string_view generic : {"device", "precision", "dtype"})
        if (util::ends_with(n, generic)) return false;
    return is_subject_dimension(name);
}

bool is_separator(char c) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return !alnum && c != ':' && c != '.' && c != '_' && c != '-';
}

std::string_view trim_punct(std::string_view t) {
    auto punct = [](char c) { return c == ':' || c == '.' || c == '_' || c == '-'; };
    while (!t.empty() && punct(t.front())) t.remove_prefix(1);
    while (!t.empty() && punct(t.back())) t.remove_suffix(1);
    return t;
}

}  // namespace

bool SubjectGroup::contains(const Frame& frame, const FrameRow& row) const {
    return dim < 0 || clean_level(frame.dim(row, static_cast<std::size_t>(dim))) == level;
}

std::vector<std::string> claim_tokens(std::string_view text) {
    std::vector<std::string> out;
    auto push = [&](std::string_view t) {
        t = trim_punct(t);
        if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.emplace_back(t);
    };
    std::string lower = util::to_lower(text);
    std::size_t i = 0;
    while (i < lower.size()) {
        while (i < lower.size() && is_separator(lower[i])) ++i;
        std::size_t start = i;
        while (i < lower.size() && !is_separator(lower[i])) ++i;
        std::string_view token = trim_punct(std::string_view(lower).substr(start, i - start));
        if (token.empty()) continue;
        push(token);
        for (std::string_view ext : {".csv", ".json", ".jsonl", ".md"})
            if (util::ends_with(token, ext)) push(token.substr(0, token.size() - ext.size()));
    }
    return out;
}

constexpr std::size_t kMaxFramesPerToken = 512;

SubjectIndex::SubjectIndex(const std::vector<Frame>& frames, const std::function<bool(const Frame&)>& usable)
    : frames_(frames), distinctive_(frames.size()) {
    for (std::size_t f = 0; f < frames.size(); ++f)
        if (usable(frames[f])) index_frame(f);
}

void SubjectIndex::add(const std::string& token, std::size_t frame, int dim, const std::string& level, int weight) {
    if (token.empty()) return;
    auto& keys = keys_[token];
    // Frames are indexed in order, so a repeat can only be among this frame's trailing keys:
    // scanning back over them keeps indexing linear when a token (a model tag) names 10^5 frames.
    for (auto k = keys.rbegin(); k != keys.rend() && k->frame == frame; ++k)
        if (k->dim == dim && k->level == level) {
            k->weight = std::max(k->weight, weight);
            return;
        }
    keys.push_back(Key{frame, dim, level, weight});
}

void SubjectIndex::index_frame(std::size_t f) {
    const Frame& frame = frames_[f];
    std::string stem = stem_of(frame.file);
    add(stem, f, -1, "", 3);
    for (auto part : util::split(stem, '_'))
        if (distinctive_part(part)) {
            add(std::string(part), f, -1, "", 1);
            distinctive_[f].emplace_back(part);
        }
    for (std::size_t d = 0; d < frame.dim_names.size(); ++d) {
        if (frame.dim_is_setting[d] || !names_subject(frame.dim_names[d])) continue;
        // The distinct texts of the dimension's rows, cleaned: each code once, not each row.
        std::vector<char> used(frame.dim_values[d].size(), 0);
        for (const auto& row : frame.rows) used[frame.code(row, d)] = 1;
        std::set<std::string> levels;
        for (std::size_t code = 0; code < used.size(); ++code)
            if (used[code]) levels.insert(clean_level(frame.dim_values[d][code]));
        for (const auto& level : levels) {
            add(level, f, static_cast<int>(d), level, 2);
            for (const auto& part : value_parts(level)) add(part, f, static_cast<int>(d), level, 1);
        }
    }
    for (const auto& [key, value] : frame.context) {
        if (!names_subject(key)) continue;
        std::string level = clean_level(value);
        add(level, f, -1, "", 2);
        for (const auto& part : value_parts(level)) add(part, f, -1, "", 1);
    }
}

std::vector<SubjectIndex::Hit> SubjectIndex::hits_of(const std::string& token) const {
    std::vector<Hit> hits;
    // A token that names more than kMaxFramesPerToken frames does not single out what a sentence
    // is about (and would make every claim cost a pass over the whole folder): it is not a subject.
    if (auto it = keys_.find(token); it != keys_.end() && it->second.size() <= kMaxFramesPerToken)
        for (const auto& k : it->second) hits.push_back(Hit{&k, token});
    // "transformer_cuda_triton2508_summary" names the file transformer_cuda_triton2508.json.
    for (auto p = token.find('_'); p != std::string::npos; p = token.find('_', p + 1))
        if (auto it = keys_.find(std::string_view(token).substr(0, p)); it != keys_.end() && it->second.size() <= kMaxFramesPerToken)
            for (const auto& k : it->second)
                if (k.weight == 3) hits.push_back(Hit{&k, token});
    return hits;
}

bool SubjectIndex::collect_hits(const std::vector<std::string>& tokens, std::vector<Hit>& hits) const {
    for (const auto& t : tokens) {
        auto whole = hits_of(t);
        hits.insert(hits.end(), whole.begin(), whole.end());
        if (t.find(':') == std::string::npos) continue;
        // "gemma3:270m" also names "gemma3" and "270m". When nothing matches the whole, a versioned
        // part nothing matches ("1b-qat" in "gemma3:1b-qat") names a variant the data does not
        // hold: the subject is unknown, and "gemma3" alone must not stand in for it.
        for (auto piece : util::split(t, ':')) {
            auto found = hits_of(std::string(piece));
            if (whole.empty() && found.empty() && has_digit(piece) && has_alpha(piece)) return false;
            hits.insert(hits.end(), found.begin(), found.end());
        }
    }
    return true;
}

Resolution SubjectIndex::resolve(std::string_view text, const std::function<bool(const SubjectGroup&)>& accept) const {
    Resolution out;
    auto tokens = claim_tokens(text);
    std::vector<Hit> hits;
    if (!collect_hits(tokens, hits)) {
        out.unknown_subject = true;
        return out;
    }
    std::map<std::tuple<std::size_t, int, std::string>, SubjectGroup> groups;
    for (const auto& h : hits) {
        groups.try_emplace({h.key->frame, -1, ""}, SubjectGroup{h.key->frame, -1, "", 0, {}, false});
        if (h.key->dim >= 0)
            groups.try_emplace({h.key->frame, h.key->dim, h.key->level},
                               SubjectGroup{h.key->frame, h.key->dim, h.key->level, 0, {}, false});
    }
    auto cover = subject_words(tokens);
    std::vector<SubjectGroup> scored;
    for (auto& [id, g] : groups) {
        score(g, hits, cover, tokens);
        if (!g.tokens.empty() && accept(g)) scored.push_back(g);
    }
    // Per frame its most specific groups (a level beats the whole frame at equal score); then the
    // best-scoring groups consistent with the text, else the best-scoring ones.
    std::map<std::size_t, std::pair<double, bool>> frame_best;
    for (const auto& g : scored) {
        auto& b = frame_best.try_emplace(g.frame, g.score, g.dim >= 0).first->second;
        b = std::max(b, std::make_pair(g.score, g.dim >= 0));
    }
    bool any_consistent = false;
    double best = -1e9, best_consistent = -1e9;
    std::vector<SubjectGroup> kept;
    for (const auto& g : scored)
        if (std::make_pair(g.score, g.dim >= 0) == frame_best[g.frame]) {
            kept.push_back(g);
            best = std::max(best, g.score);
            if (g.consistent) best_consistent = std::max(best_consistent, g.score), any_consistent = true;
        }
    for (const auto& g : kept)
        if (any_consistent ? (g.consistent && g.score == best_consistent) : g.score == best) out.groups.push_back(g);
    return out;
}

// The words a claim uses to name subjects, per token: a compound "gemma3:1b-it-qat" stands for its
// versioned parts ("gemma3", "1b-it-qat"; "latest" names nothing), any other token for itself. A
// hit on the whole compound covers all of its parts.
std::map<std::string, std::vector<std::string>> SubjectIndex::subject_words(const std::vector<std::string>& tokens) {
    std::map<std::string, std::vector<std::string>> cover;
    for (const auto& t : tokens) {
        if (t.find(':') == std::string::npos) {
            cover[t] = {t};
            continue;
        }
        std::vector<std::string> parts;
        for (auto piece : util::split(t, ':'))
            if (has_digit(piece) && has_alpha(piece)) {
                parts.emplace_back(piece);
                cover.try_emplace(std::string(piece), std::vector<std::string>{std::string(piece)});
            }
        cover[t] = parts.empty() ? std::vector<std::string>{t} : parts;
    }
    return cover;
}

void SubjectIndex::score(SubjectGroup& g, const std::vector<Hit>& hits,
                         const std::map<std::string, std::vector<std::string>>& cover,
                         const std::vector<std::string>& tokens) const {
    std::set<std::string> covered;
    for (const auto& h : hits) {
        const Key& k = *h.key;
        if (k.frame != g.frame || (k.dim >= 0 && (k.dim != g.dim || k.level != g.level))) continue;
        if (std::find(g.tokens.begin(), g.tokens.end(), h.token) == g.tokens.end()) g.tokens.push_back(h.token);
        if (auto it = cover.find(h.token); it != cover.end()) covered.insert(it->second.begin(), it->second.end());
    }
    g.score = static_cast<double>(covered.size());
    g.consistent = !covered.empty();
    for (const auto& part : distinctive_[g.frame]) {
        bool named = covered.count(part) || std::find(tokens.begin(), tokens.end(), part) != tokens.end();
        if (!named) {
            g.score -= 0.5;
            g.consistent = false;
        }
    }
}

}  // namespace analysis::claims_util
