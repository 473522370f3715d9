#include "report/report_decorate.hpp"

#include <algorithm>

#include "analysis/comparison.hpp"
#include "util/strings.hpp"

namespace report {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
bool has_alpha(std::string_view s) { return std::any_of(s.begin(), s.end(), is_alpha); }
bool has_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), is_digit); }

// A label starts where the previous character cannot continue a name.
bool starts_word(std::string_view text, std::size_t pos) {
    if (pos == 0) return true;
    char c = text[pos - 1];
    return !(is_alnum(c) || c == '_' || c == '.' || c == '/' || c == '-' || c == ':' || c == '=' || c == '\\');
}

// A label ends where the next character is not part of a longer name ("a.csv." ends a sentence).
bool ends_word(std::string_view text, std::size_t end) {
    if (end >= text.size()) return true;
    char c = text[end];
    if (is_alnum(c) || c == '_') return false;
    bool joiner = c == '.' || c == '/' || c == '-' || c == ':' || c == '\\';
    return !(joiner && end + 1 < text.size() && (is_alnum(text[end + 1]) || text[end + 1] == '_'));
}

// "2025-10-02", "2025-10-02 17:25:19 UTC", "2025-10-02T21:08:57.892899+00:00": length or 0.
std::size_t timestamp_at(std::string_view t, std::size_t p) {
    auto digits = [&](std::size_t at, std::size_t n) {
        if (at + n > t.size()) return false;
        for (std::size_t k = 0; k < n; ++k)
            if (!is_digit(t[at + k])) return false;
        return true;
    };
    if (!digits(p, 4) || p + 10 > t.size() || t[p + 4] != '-' || !digits(p + 5, 2) || t[p + 7] != '-' || !digits(p + 8, 2))
        return 0;
    std::size_t e = p + 10;
    if (e + 6 <= t.size() && (t[e] == ' ' || t[e] == 'T') && digits(e + 1, 2) && t[e + 3] == ':' && digits(e + 4, 2)) {
        e += 6;
        if (e + 3 <= t.size() && t[e] == ':' && digits(e + 1, 2)) e += 3;
        if (e + 1 < t.size() && t[e] == '.' && is_digit(t[e + 1]))
            for (++e; e < t.size() && is_digit(t[e]);) ++e;
        if (e < t.size() && t[e] == 'Z') ++e;
        else if (t.substr(e, 4) == " UTC") e += 4;
        else if (e + 6 <= t.size() && (t[e] == '+' || t[e] == '-') && digits(e + 1, 2) && t[e + 3] == ':' && digits(e + 4, 2)) e += 6;
    }
    return e - p;
}

// ":12" or ":12:3" after a path (file:line[:column]).
std::size_t line_suffix(std::string_view t, std::size_t p) {
    std::size_t e = p;
    for (int part = 0; part < 2 && e + 1 < t.size() && t[e] == ':' && is_digit(t[e + 1]); ++part)
        for (++e; e < t.size() && is_digit(t[e]);) ++e;
    return e - p;
}

std::string shorten(const std::string& s, std::size_t n) { return s.size() > n ? s.substr(0, n - 3) + "..." : s; }

bool bare_value_is_label(std::string_view dim, std::string_view value) {
    if (value.size() < 2 || !has_alpha(value)) return false;
    bool tag_like = has_digit(value) || value.find(':') != std::string_view::npos || value.find('/') != std::string_view::npos;
    return tag_like || analysis::is_subject_dimension(dim);
}

bool name_is_label(std::string_view name) {
    return name.size() >= 3 && has_alpha(name) &&
           (has_digit(name) || name.find('_') != std::string_view::npos || name.find('.') != std::string_view::npos);
}

}  // namespace

std::string code(std::string_view text) {
    std::string body(text);
    std::replace(body.begin(), body.end(), '\n', ' ');
    std::replace(body.begin(), body.end(), '\r', ' ');
    std::size_t longest = 0, run = 0;
    for (char c : body) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    std::string fence(longest + 1, '`');
    bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

void Decorator::add(std::string literal) {
    if (literal.size() < 2 || !added_.insert(literal).second) return;  // one hash instead of a trie walk
    std::uint32_t node = 0;
    for (char c : literal) {
        std::uint64_t key = (static_cast<std::uint64_t>(node) << 8) | static_cast<unsigned char>(c);
        auto [it, inserted] = edges_.try_emplace(key, static_cast<std::uint32_t>(terminal_.size()));
        if (inserted) terminal_.push_back(false);
        if (node == 0) root_[static_cast<unsigned char>(c)] = it->second;
        node = it->second;
    }
    terminal_[node] = true;
}

Decorator::Decorator(const analysis::Analysis& analysis, const model::Corpus& corpus) {
    for (const auto& f : corpus.files) {
        add(f.path);
        if (!f.reason.empty()) { add(f.reason); add(shorten(f.reason, 140)); }
        for (auto slash = f.path.rfind('/'); slash != std::string::npos && slash > 0; slash = f.path.rfind('/', slash - 1)) {
            std::string folder = f.path.substr(0, slash);
            if (folder.find('/') != std::string::npos || has_digit(folder)) add(folder);
        }
    }
    for (const auto& t : corpus.tables) {
        if (!t.locator.empty()) add(t.file + " [" + t.locator + "]");
        for (const auto& r : t.rows)
            if (r.failed) add(r.failure_reason);
    }
    for (const auto& s : corpus.scalars)
        if (s.failed) { add(s.failure_reason); add(shorten(s.failure_reason, 150)); }
    for (const auto& fr : analysis.frames) {
        add(fr.label);
        for (const auto& [k, v] : fr.context) {
            add(k + "=" + v);
            if (bare_value_is_label(k, v)) add(v);
        }
        for (const auto& m : fr.measures)
            if (name_is_label(m.name)) add(m.name);
        for (std::size_t d = 0; d < fr.dim_names.size(); ++d) {
            if (name_is_label(fr.dim_names[d])) add(fr.dim_names[d]);
            for (const auto& v : fr.levels_of(d)) {
                add(fr.dim_names[d] + "=" + v);
                if (bare_value_is_label(fr.dim_names[d], v)) add(v);
            }
        }
        for (const auto& reason : fr.failure_reasons) {
            add(reason);
            add(reason.substr(0, 160));
        }
    }
    for (const auto& fact : analysis.facts) {
        if (fact.kind != analysis::FactKind::ranking_throughput) continue;
        for (const auto& v : fact.values)
            for (std::string_view suffix : {" median tokens/s", " successful calls", " token-weighted tokens/s"})
                if (util::ends_with(v.label, suffix)) add(v.label.substr(0, v.label.size() - suffix.size()));
    }
    util::StringSet().swap(added_);
}

std::size_t Decorator::match_at(std::string_view text, std::size_t pos) const {
    // The longest label starting at `pos` that ends a word, with a ":line" suffix kept in it.
    std::size_t best = 0;
    std::uint32_t node = 0;
    for (std::size_t i = pos; i < text.size(); ++i) {
        if (node == 0) {
            node = root_[static_cast<unsigned char>(text[i])];
            if (node == 0) break;
        } else {
            auto it = edges_.find((static_cast<std::uint64_t>(node) << 8) | static_cast<unsigned char>(text[i]));
            if (it == edges_.end()) break;
            node = it->second;
        }
        if (!terminal_[node]) continue;
        std::size_t length = i + 1 - pos;
        std::size_t n = length + line_suffix(text, pos + length);  // "path:12" stays one label
        if (ends_word(text, pos + n)) best = n;
    }
    return best;
}

std::string Decorator::operator()(std::string_view text) const {
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == '`') {  // keep an existing code span whole
            std::size_t run = text.find_first_not_of('`', i);
            run = (run == std::string_view::npos ? text.size() : run) - i;
            std::size_t close = text.find(std::string(run, '`'), i + run);
            std::size_t end = close == std::string_view::npos ? i + run : close + run;
            std::size_t suffix = close == std::string_view::npos ? 0 : line_suffix(text, end);
            if (suffix > 0 && run == 1) {  // "`file`:12" -> "`file:12`": the line is part of the label
                out += code(std::string(text.substr(i + 1, close - i - 1)) + std::string(text.substr(end, suffix)));
                i = end + suffix;
                continue;
            }
            out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        if (starts_word(text, i)) {
            std::size_t n = match_at(text, i);
            if (n == 0) n = timestamp_at(text, i);
            if (n > 0) {
                out += code(text.substr(i, n));
                i += n;
                continue;
            }
        }
        if (c == '"') {
            std::size_t close = text.find('"', i + 1);
            if (close != std::string_view::npos && close > i + 1) {
                out += code(text.substr(i + 1, close - i - 1));
                i = close + 1;
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out;
}

std::string Decorator::statement(const analysis::Fact& fact, std::string_view text) const {
    std::string s(text);
    for (const auto& v : fact.values) {
        auto eq = v.label.find('=');
        if (eq == std::string::npos || v.label.find(' ') != std::string::npos) continue;
        std::string level = v.label.substr(eq + 1);
        std::string plain = level + ": " + v.text;
        for (auto pos = s.find(plain); pos != std::string::npos; pos = s.find(plain, pos + 1)) {
            if (!starts_word(s, pos)) continue;
            std::string marked = code(level) + ": " + v.text;
            s.replace(pos, plain.size(), marked);
            pos += marked.size() - 1;
        }
    }
    return (*this)(s);
}

}  // namespace report
