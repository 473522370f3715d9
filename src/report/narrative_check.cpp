#include "report/narrative_check.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <set>
#include <unordered_set>

#include "util/parallel.hpp"
#include "util/strings.hpp"

namespace report {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Characters that hold a word together: names such as `gemma3:1b-it-qat`, `tok/s` or `q4_0` stay
// one word, so the digits inside them are never read as quantities.
bool is_word_char(char c) {
    return is_digit(c) || is_alpha(c) || c == '_' || c == '.' || c == ':' || c == '/' || c == '\\' || c == '-' ||
           c == '+' || c == '%';
}

// Suffixes that make a digit-led word a quantity ("12ms", "1.72x") rather than a name ("7b").
constexpr std::array<std::string_view, 27> kUnits = {"x",   "ms",  "s",   "us",  "ns",  "min", "h",   "tok", "tokens",
                                                     "tok/s", "/s", "B",  "KiB", "MiB", "GiB", "TiB", "KB",  "MB",
                                                     "GB",  "W",   "Hz",  "kHz", "MHz", "GHz", "C",   "%",   "k"};

struct Allowed {
    util::StringSet texts;
    std::unordered_set<double> numbers;
    std::vector<std::string> warnings;  ///< verbatim caveats, longest first

    void add(std::string_view text) {
        text = util::trim(text);
        if (text.empty()) return;
        if (text.front() == '-' || text.front() == '+') text.remove_prefix(1);
        texts.insert(std::string(text));
        if (auto v = util::parse_number(text); v && std::isfinite(*v)) numbers.insert(*v);
    }
    bool contains(std::string_view token) const {
        if (!token.empty() && (token.front() == '-' || token.front() == '+')) token.remove_prefix(1);
        if (texts.find(token) != texts.end()) return true;
        auto v = util::parse_number(token);
        return v && numbers.count(*v) > 0;
    }
};

Allowed allowed_of(const analysis::Analysis& a) {
    Allowed out;
    std::set<std::string> warnings;
    for (const auto& f : a.facts) {
        for (const auto& v : f.values) {
            out.add(v.number());
            out.add(std::string_view(v.text).substr(0, v.text.size() - v.unit().size()));
        }
        for (const auto& w : f.warnings)
            if (!w.empty()) warnings.insert(w);
    }
    out.warnings.assign(warnings.begin(), warnings.end());
    std::stable_sort(out.warnings.begin(), out.warnings.end(),
                     [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
    return out;
}

void blank(std::string& line, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < line.size(); ++i) line[i] = ' ';
}

// Code spans per CommonMark: a run of N backticks closes at the next run of exactly N.
void blank_code_spans(std::string& line) {
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] != '`') { ++i; continue; }
        std::size_t run = 0;
        while (i + run < line.size() && line[i + run] == '`') ++run;
        std::size_t j = i + run, close = std::string::npos;
        while (j < line.size()) {
            if (line[j] != '`') { ++j; continue; }
            std::size_t r = 0;
            while (j + r < line.size() && line[j + r] == '`') ++r;
            if (r == run) { close = j + r; break; }
            j += r;
        }
        std::size_t end = close == std::string::npos ? i + run : close;
        blank(line, i, end);
        i = end;
    }
}

bool is_delimiter_row(std::string_view line) {
    line = util::trim(line);
    if (line.empty() || line.find('-') == std::string_view::npos) return false;
    return std::all_of(line.begin(), line.end(), [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; });
}

// "## 5. Recommendations" and "1. text": the leading numbering is structure, not data.
void blank_structural_numbers(std::string& line) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t hashes = i;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes > i && hashes < line.size() && line[hashes] == ' ') i = hashes + 1;
    std::size_t j = i;
    while (j < line.size() && (is_digit(line[j]) || line[j] == '.')) ++j;
    if (j > i && line[j - 1] == '.' && (j == line.size() || line[j] == ' ')) blank(line, i, j);
}

bool is_unit(std::string_view suffix) { return std::find(kUnits.begin(), kUnits.end(), suffix) != kUnits.end(); }

// Length of the numeric prefix of `w` ([+-]digits[.digits][e[+-]digits]), 0 when none.
std::size_t numeric_prefix(std::string_view w) {
    std::size_t i = (w[0] == '-' || w[0] == '+') ? 1 : 0, start = i;
    while (i < w.size() && is_digit(w[i])) ++i;
    if (i == start) return 0;
    if (i + 1 < w.size() && w[i] == '.' && is_digit(w[i + 1])) {
        ++i;
        while (i < w.size() && is_digit(w[i])) ++i;
    }
    if (i + 1 < w.size() && (w[i] == 'e' || w[i] == 'E')) {
        std::size_t k = i + 1;
        if (k < w.size() && (w[k] == '-' || w[k] == '+')) ++k;
        if (k < w.size() && is_digit(w[k])) {
            while (k < w.size() && is_digit(w[k])) ++k;
            i = k;
        }
    }
    return i;
}

// An integer followed by ". " right after ": " or "; " numbers a list inside a sentence.
bool is_inline_ordinal(const std::string& line, std::size_t begin, std::string_view number, bool had_dot) {
    if (!had_dot || number.find_first_not_of("0123456789") != std::string_view::npos) return false;
    std::size_t p = begin;
    while (p > 0 && line[p - 1] == ' ') --p;
    return p == 0 || line[p - 1] == ':' || line[p - 1] == ';';
}

std::string context_of(std::string_view original, std::size_t begin, std::size_t end) {
    std::size_t from = begin > 40 ? begin - 40 : 0;
    std::size_t to = std::min(original.size(), end + 40);
    return std::string(from > 0 ? "..." : "") + std::string(original.substr(from, to - from)) + (to < original.size() ? "..." : "");
}

void check_line(std::string_view original, long long line_no, const Allowed& allowed, std::vector<std::string>& out) {
    std::string line(original);
    for (const auto& w : allowed.warnings)
        for (auto pos = line.find(w); pos != std::string::npos; pos = line.find(w, pos + w.size())) blank(line, pos, pos + w.size());
    blank_code_spans(line);
    blank_structural_numbers(line);
    std::size_t i = 0;
    while (i < line.size()) {
        if (!is_word_char(line[i])) { ++i; continue; }
        std::size_t begin = i;
        while (i < line.size() && is_word_char(line[i])) ++i;
        std::string_view word(line.data() + begin, i - begin);
        bool had_dot = false;
        while (!word.empty() && (word.back() == '.' || word.back() == ':' || word.back() == ',' || word.back() == ';')) {
            had_dot = word.back() == '.';
            word.remove_suffix(1);
        }
        if (word.empty() || word.find_first_of("0123456789") == std::string_view::npos) continue;
        if (is_alpha(word[0]) || word[0] == '_') continue;  // a name such as p95 or x5
        std::size_t n = numeric_prefix(word);
        std::string_view suffix = word.substr(n);
        bool has_letter = std::any_of(suffix.begin(), suffix.end(), [](char c) { return is_alpha(c); });
        bool quantity = n > 0 && (suffix.empty() || is_unit(suffix));
        if (!quantity && has_letter) continue;  // a name such as 7b or 1b-it-qat
        std::string_view number = word.substr(0, n);
        if (quantity && is_inline_ordinal(line, begin, number, had_dot && suffix.empty())) continue;
        if (quantity && allowed.contains(number)) continue;
        std::string shown(quantity ? number : word);
        out.push_back(shown + " (line " + std::to_string(line_no) + "): " + context_of(original, begin, i));
    }
}

}  // namespace

std::vector<std::string> untraceable_numbers(std::string_view markdown, const analysis::Analysis& analysis) {
    Allowed allowed = allowed_of(analysis);
    // Which lines to check is a cheap sequential pass (fences span lines); the checks themselves
    // run on two threads over the two halves of the lines, findings kept in line order.
    const auto lines = util::split(markdown, '\n');
    std::vector<char> check(lines.size(), 0);
    bool fenced = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view trimmed = util::trim(lines[i]);
        if (util::starts_with(trimmed, "```") || util::starts_with(trimmed, "~~~")) {
            fenced = !fenced;
            continue;
        }
        check[i] = !(fenced || util::starts_with(trimmed, "**Date:**") ||
                     trimmed.find("Execution time:") != std::string_view::npos || is_delimiter_row(trimmed));
    }
    std::vector<std::string> halves[2];
    util::for_halves(lines.size(), 4096, [&](std::size_t from, std::size_t to) {
        auto& found = halves[from == 0 ? 0 : 1];
        for (std::size_t i = from; i < to; ++i)
            if (check[i]) check_line(lines[i], static_cast<long long>(i) + 1, allowed, found);
    });
    std::vector<std::string> out = std::move(halves[0]);
    out.insert(out.end(), std::make_move_iterator(halves[1].begin()), std::make_move_iterator(halves[1].end()));
    return out;
}

}  // namespace report
