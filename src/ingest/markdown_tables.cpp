#include "ingest/markdown_tables.hpp"

#include <utility>

#include "ingest/markdown_inline.hpp"
#include "util/strings.hpp"

namespace ingest::md {

namespace {

bool is_pipe_at(std::string_view text, std::size_t i) {
    return text[i] == '|' && (i == 0 || text[i - 1] != '\\');
}

bool ends_with_pipe(std::string_view t) { return !t.empty() && is_pipe_at(t, t.size() - 1); }

// Offsets of the first `limit` unescaped pipes; `more` tells whether there are others after them.
struct Pipes {
    std::vector<std::size_t> at;
    bool more = false;
};

Pipes collect_pipes(std::string_view text, std::size_t limit) {
    Pipes pipes;
    for (std::size_t i = text.find('|'); i != std::string_view::npos; i = text.find('|', i + 1)) {
        if (!is_pipe_at(text, i)) continue;
        if (pipes.at.size() == limit) { pipes.more = true; break; }
        pipes.at.push_back(i);
    }
    return pipes;
}

// The fields between pipes, minus the empty ones outside leading/trailing pipes.
std::vector<std::string_view> fields_of(std::string_view t, const std::vector<std::size_t>& pipes) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (std::size_t p : pipes) {
        fields.push_back(t.substr(start, p - start));
        start = p + 1;
    }
    fields.push_back(t.substr(start));
    const bool lead = !t.empty() && t.front() == '|';
    const bool trail = ends_with_pipe(t);
    if (lead && !fields.empty()) fields.erase(fields.begin());
    if (trail && !fields.empty()) fields.pop_back();
    return fields;
}

bool is_delimiter_cell(std::string_view cell) {
    cell = util::trim(cell);
    if (!cell.empty() && cell.front() == ':') cell.remove_prefix(1);
    if (!cell.empty() && cell.back() == ':') cell.remove_suffix(1);
    if (cell.empty()) return false;
    for (char c : cell)
        if (c != '-') return false;
    return true;
}

std::vector<std::string> cleaned(const std::vector<std::string_view>& fields) {
    std::vector<std::string> names;
    names.reserve(fields.size());
    for (std::string_view f : fields) names.push_back(strip_inline_markup(unescape_pipes(f)));
    return names;
}

// Counts the extra cells in text that follows a complete row ("c | d |" -> 2).
std::size_t count_cells(std::string_view extra) {
    extra = util::trim(extra);
    if (extra.empty()) return 0;
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < extra.size(); ++i) pipes += is_pipe_at(extra, i) ? 1 : 0;
    return ends_with_pipe(extra) ? pipes : pipes + 1;
}

// Cuts `cell` at an inline heading; returns the run-on text (empty when there is none).
std::string_view cut_at_heading(std::string_view& cell) {
    const std::size_t at = find_inline_heading(mask_code_spans(cell));
    if (at == std::string_view::npos) return {};
    std::string_view rest = util::trim(cell.substr(at));
    cell = cell.substr(0, at);
    return rest;
}

}  // namespace

bool has_unescaped_pipe(std::string_view line) {
    for (std::size_t i = line.find('|'); i != std::string_view::npos; i = line.find('|', i + 1))
        if (is_pipe_at(line, i)) return true;
    return false;
}

std::size_t delimiter_columns(std::string_view line) {
    std::string_view t = util::trim(line);
    if (t.empty() || (t.front() != '|' && t.front() != '-' && t.front() != ':')) return 0;
    Pipes pipes = collect_pipes(t, kMaxColumns + 2);
    if (pipes.more) return 0;
    std::vector<std::string_view> fields = fields_of(t, pipes.at);
    if (fields.empty() || fields.size() > kMaxColumns) return 0;
    if (fields.size() == 1 && pipes.at.empty()) return 0;  // "---" alone is a thematic break
    for (std::string_view f : fields)
        if (!is_delimiter_cell(f)) return 0;
    return fields.size();
}

std::optional<HeaderMatch> match_header(std::string_view line, std::size_t columns, bool allow_whole) {
    std::string_view t = util::trim(line);
    if (t.empty() || columns == 0 || columns > kMaxColumns) return std::nullopt;
    const std::size_t offset = static_cast<std::size_t>(t.data() - line.data());
    if (allow_whole) {
        Pipes pipes = collect_pipes(t, columns + 2);
        if (!pipes.more && !pipes.at.empty()) {
            std::vector<std::string_view> fields = fields_of(t, pipes.at);
            if (fields.size() == columns) return HeaderMatch{0, cleaned(fields), ends_with_pipe(t)};
        }
    }
    // Header after prose on the same line: the last `columns` cells, closed by a final pipe.
    if (t.front() == '|' || !ends_with_pipe(t)) return std::nullopt;
    std::size_t found = 0;
    std::size_t at = t.size();
    for (std::size_t i = t.size(); i-- > 0;) {
        if (!is_pipe_at(t, i)) continue;
        at = i;
        if (++found == columns + 1) break;
    }
    if (found != columns + 1 || util::trim(t.substr(0, at)).empty()) return std::nullopt;
    std::string_view header = t.substr(at);
    Pipes pipes = collect_pipes(header, columns + 1);
    return HeaderMatch{offset + at, cleaned(fields_of(header, pipes.at)), true};
}

RowSplit split_row(std::string_view line, std::size_t columns, bool header_trailing_pipe,
                   bool next_is_delimiter) {
    RowSplit out;
    std::string_view t = util::trim(line);
    if (t.empty() || columns == 0) return out;
    const bool lead = t.front() == '|';
    const std::size_t close = lead ? columns : columns - 1;  // index of the pipe closing the last column
    Pipes pipes = collect_pipes(t, close + 1);
    if (pipes.at.size() <= close) {
        // Short or unterminated row: every field is a cell; the last one may run into a heading.
        out.cells = fields_of(t, pipes.at);
        if (!ends_with_pipe(t) && !out.cells.empty()) out.trailing = cut_at_heading(out.cells.back());
        return out;
    }
    for (std::size_t c = 0; c < columns; ++c) {
        const std::size_t begin = lead ? pipes.at[c] + 1 : (c == 0 ? 0 : pipes.at[c - 1] + 1);
        const std::size_t end = pipes.at[lead ? c + 1 : c];
        out.cells.push_back(t.substr(begin, end - begin));
    }
    std::string_view excess = t.substr(pipes.at[close] + 1);
    std::string_view ex = util::trim(excess);
    if (ex.empty()) return out;
    if (header_trailing_pipe && (!ends_with_pipe(ex) || parse_atx_heading(ex) || next_is_delimiter)) {
        out.trailing = ex;
        return out;
    }
    out.trailing = cut_at_heading(excess);
    out.extra_cells = count_cells(excess);
    return out;
}

model::Cell make_cell(std::string_view raw) {
    model::Cell cell;
    cell.text = strip_inline_markup(unescape_pipes(raw));
    if (auto number = util::parse_number(cell.text)) {
        cell.number = *number;
        cell.is_number = true;
    }
    return cell;
}

}  // namespace ingest::md
