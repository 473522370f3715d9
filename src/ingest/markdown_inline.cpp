#include "ingest/markdown_inline.hpp"

#include <unordered_map>
#include <utility>
#include <vector>

#include "util/strings.hpp"

namespace ingest::md {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Run {
    std::size_t pos = 0;
    std::size_t len = 0;
};

std::vector<Run> backtick_runs(std::string_view text) {
    std::vector<Run> runs;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '`') { ++i; continue; }
        std::size_t j = i;
        while (j < text.size() && text[j] == '`') ++j;
        runs.push_back({i, j - i});
        i = j;
    }
    return runs;
}

}  // namespace

std::string mask_code_spans(std::string_view text) {
    std::string masked(text);
    if (text.find('`') == std::string_view::npos) return masked;
    const std::vector<Run> runs = backtick_runs(text);
    // For each run length, the indices of the runs of that length, in order, and a cursor that only
    // moves forward: finding the closing run is amortised O(1), so the whole pass stays linear even
    // for lines full of unmatched backticks.
    std::unordered_map<std::size_t, std::vector<std::size_t>> by_length;
    for (std::size_t k = 0; k < runs.size(); ++k) by_length[runs[k].len].push_back(k);
    std::unordered_map<std::size_t, std::size_t> cursor;
    std::size_t k = 0;
    while (k < runs.size()) {
        const auto& same = by_length[runs[k].len];
        std::size_t& c = cursor[runs[k].len];
        while (c < same.size() && same[c] <= k) ++c;
        if (c == same.size()) { ++k; continue; }
        const std::size_t close = same[c];
        const std::size_t end = runs[close].pos + runs[close].len;
        for (std::size_t i = runs[k].pos; i < end; ++i) masked[i] = ' ';
        k = close + 1;
    }
    return masked;
}

std::optional<AtxHeading> parse_atx_heading(std::string_view line, std::size_t max_indent) {
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ' && i <= max_indent) ++i;
    if (i > max_indent) return std::nullopt;
    std::size_t level = 0;
    while (i + level < line.size() && line[i + level] == '#') ++level;
    if (level == 0 || level > 6) return std::nullopt;
    i += level;
    if (i < line.size() && line[i] != ' ' && line[i] != '\t') return std::nullopt;
    std::string_view text = util::trim(line.substr(i));
    // Closing sequence: a run of '#' that is the whole text or is preceded by whitespace.
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == '#') --end;
    if (end == 0) text = {};
    else if (end < text.size() && is_blank(text[end - 1])) text = util::trim(text.substr(0, end));
    return AtxHeading{static_cast<int>(level), text};
}

std::size_t find_inline_heading(std::string_view masked, std::size_t from) {
    std::size_t i = from;
    while (i < masked.size()) {
        i = masked.find('#', i);
        if (i == std::string_view::npos) return i;
        std::size_t j = i;
        while (j < masked.size() && masked[j] == '#') ++j;
        const std::size_t run = j - i;
        if (run >= 2 && run <= 6 && i > 0 && is_blank(masked[i - 1]) && j < masked.size() &&
            is_blank(masked[j])) {
            std::size_t k = j;
            while (k < masked.size() && is_blank(masked[k])) ++k;
            if (k < masked.size() && masked[k] != '#') return i;
        }
        i = j;
    }
    return std::string_view::npos;
}

std::string strip_inline_markup(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '`') continue;
        if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '*') { ++i; continue; }
        out += text[i];
    }
    std::string_view view = util::trim(out);
    for (std::string_view wrap : {"__", "*", "_"}) {
        if (view.size() > 2 * wrap.size() && util::starts_with(view, wrap) && util::ends_with(view, wrap)) {
            view = util::trim(view.substr(wrap.size(), view.size() - 2 * wrap.size()));
            break;
        }
    }
    return std::string(view);
}

std::string unescape_pipes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '|') continue;
        out += text[i];
    }
    return out;
}

std::size_t utf8_floor(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return text.size();
    // At most 3 continuation bytes belong to one sequence; stop there on invalid input.
    for (int step = 0; step < 3 && offset > 0; ++step) {
        if ((static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) break;
        --offset;
    }
    return offset;
}

std::string_view clip_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    return text.substr(0, utf8_floor(text, max_bytes));
}

std::string_view strip_block_markers(std::string_view line) {
    line = util::trim(line);
    while (!line.empty() && line.front() == '>') line = util::trim(line.substr(1));
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && is_blank(line[1]))
        return util::trim(line.substr(1));
    std::size_t digits = 0;
    while (digits < line.size() && digits < 9 && is_digit(line[digits])) ++digits;
    if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        is_blank(line[digits + 1]))
        return util::trim(line.substr(digits + 1));
    return line;
}

}  // namespace ingest::md
