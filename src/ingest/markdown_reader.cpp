#include "ingest/markdown_reader.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "ingest/claim_finder.hpp"
#include "ingest/markdown_inline.hpp"
#include "ingest/markdown_tables.hpp"
#include "util/strings.hpp"

namespace ingest {

namespace {

constexpr std::size_t kMaxClaims = 100000;
constexpr std::size_t kMaxCells = 2000000;
constexpr std::size_t kMaxContext = 300;  // bytes of heading text kept in Claim::heading / locator

struct Fence {
    char marker = '`';
    std::size_t length = 0;
    long long line = 0;
};

// An opening code fence: optional indent, then 3+ '`' or '~' (a backtick fence's info string has
// no backtick, else "```x```" would be inline code).
std::optional<Fence> opening_fence(std::string_view line, long long number) {
    std::string_view t = util::trim(line);
    if (t.size() < 3 || (t[0] != '`' && t[0] != '~')) return std::nullopt;
    std::size_t run = 0;
    while (run < t.size() && t[run] == t[0]) ++run;
    if (run < 3) return std::nullopt;
    if (t[0] == '`' && t.find('`', run) != std::string_view::npos) return std::nullopt;
    return Fence{t[0], run, number};
}

bool closes_fence(std::string_view line, const Fence& fence) {
    std::string_view t = util::trim(line);
    std::size_t run = 0;
    while (run < t.size() && t[run] == fence.marker) ++run;
    return run >= fence.length && run == t.size();
}

class MarkdownReader {
public:
    MarkdownReader(std::string_view text, const std::string& file) : text_(text), file_(file), path_(file) {}
    FileContent read();

private:
    void read_line(std::string_view line, long long number, std::string_view next);
    bool read_fence(std::string_view line, long long number);
    bool continue_table(std::string_view line, long long number, std::string_view next);
    void read_text(std::string_view text, long long number, std::string_view next);
    void read_segments(std::string_view text, long long number);
    void start_table(md::HeaderMatch header, long long number);
    void add_row(const md::RowSplit& split, long long number);
    void add_heading(const md::AtxHeading& heading, long long number);
    void add_claims(std::string_view text, long long number, const std::string& heading);
    void warn(long long number, const std::string& message);
    void warn_split(long long number);

    std::string_view text_;
    const std::string& file_;
    const model::SharedPath path_;  // interned once: copied into every table and claim of the file
    FileContent out_;
    std::optional<Fence> fence_;
    model::Table* table_ = nullptr;  // the open table (points into out_.tables)
    bool header_trailing_pipe_ = false;
    bool skip_next_ = false;         // the next line is the delimiter row of a table just opened
    std::string heading_;            // nearest heading, clipped to kMaxContext
    long long split_warned_ = 0;
    std::size_t cells_ = 0;
    bool cells_full_ = false;
    bool claims_full_ = false;
};

FileContent MarkdownReader::read() {
    std::string_view rest = text_;
    long long number = 0;
    auto take_line = [](std::string_view& from) {
        const std::size_t end = from.find('\n');
        std::string_view line = from.substr(0, end);
        from = end == std::string_view::npos ? std::string_view{} : from.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        return line;
    };
    bool more = !rest.empty();
    std::string_view line = take_line(rest);
    while (more) {
        ++number;
        more = !rest.empty();
        std::string_view after = rest;
        std::string_view next = more ? take_line(after) : std::string_view{};
        read_line(line, number, next);
        line = next;
        rest = after;
    }
    if (fence_) warn(fence_->line, "code fence is never closed; the rest of the file was skipped");
    return std::move(out_);
}

void MarkdownReader::read_line(std::string_view line, long long number, std::string_view next) {
    if (skip_next_) {
        skip_next_ = false;
        return;
    }
    if (read_fence(line, number)) return;
    if (table_ && continue_table(line, number, next)) return;
    table_ = nullptr;
    read_text(line, number, next);
}

bool MarkdownReader::read_fence(std::string_view line, long long number) {
    if (fence_) {
        if (closes_fence(line, *fence_)) fence_.reset();
        return true;
    }
    fence_ = opening_fence(line, number);
    if (fence_) table_ = nullptr;
    return fence_.has_value();
}

bool MarkdownReader::continue_table(std::string_view line, long long number, std::string_view next) {
    if (util::trim(line).empty() || md::parse_atx_heading(line) || !md::has_unescaped_pipe(line)) return false;
    const std::size_t columns = table_->columns.size();
    const std::size_t next_columns = md::delimiter_columns(next);
    // A header and delimiter right under the rows start a new table rather than continuing this one.
    if (next_columns > 0) {
        auto header = md::match_header(line, next_columns, true);
        if (header && header->start == 0) return false;
    }
    md::RowSplit split = md::split_row(line, columns, header_trailing_pipe_, next_columns > 0);
    add_row(split, number);
    if (split.trailing.empty()) return true;
    warn_split(number);
    table_ = nullptr;
    read_text(split.trailing, number, next);
    return true;
}

void MarkdownReader::read_text(std::string_view text, long long number, std::string_view next) {
    if (!next.empty() && md::has_unescaped_pipe(text)) {
        if (std::size_t columns = md::delimiter_columns(next)) {
            const bool is_heading = md::parse_atx_heading(text, static_cast<std::size_t>(-1)).has_value();
            if (auto header = md::match_header(text, columns, !is_heading)) {
                if (header->start > 0) {
                    warn_split(number);
                    read_segments(text.substr(0, header->start), number);
                }
                start_table(std::move(*header), number);
                return;
            }
        }
    }
    read_segments(text, number);
}

// Splits `text` at inline headings; each piece is a heading or prose.
void MarkdownReader::read_segments(std::string_view text, long long number) {
    if (util::trim(text).empty()) return;
    const std::string masked = md::mask_code_spans(text);
    std::size_t begin = 0;
    bool first = true;
    while (begin < text.size()) {
        // Search past the piece's own leading '#' run (and indent) for the next marker.
        const std::size_t own = std::min(text.size(), text.find_first_not_of(" \t", begin));
        std::size_t end = md::find_inline_heading(masked, own + 1);
        if (end == std::string_view::npos) end = text.size();
        std::string_view piece = text.substr(begin, end - begin);
        if (!first) warn_split(number);
        // Only the start of a text obeys the 3-space indent rule; split pieces start at their '#'.
        const std::size_t indent = first ? 3 : static_cast<std::size_t>(-1);
        if (auto heading = md::parse_atx_heading(piece, indent)) add_heading(*heading, number);
        else add_claims(piece, number, heading_);
        begin = end;
        first = false;
    }
}

void MarkdownReader::start_table(md::HeaderMatch header, long long number) {
    model::Table table;
    table.file = path_;
    table.locator = heading_;
    table.line = number;
    table.columns = std::move(header.names);
    out_.tables.push_back(std::move(table));
    table_ = &out_.tables.back();
    header_trailing_pipe_ = header.trailing_pipe;
    skip_next_ = true;
}

void MarkdownReader::add_row(const md::RowSplit& split, long long number) {
    const std::size_t columns = table_->columns.size();
    if (cells_ + columns > kMaxCells) {
        if (!cells_full_) warn(number, "more than 2000000 table cells; later rows are not read");
        cells_full_ = true;
        return;
    }
    cells_ += columns;
    model::Row row;
    row.line = number;
    row.cells.reserve(columns);
    for (std::string_view raw : split.cells) row.cells.push_back(md::make_cell(raw));
    row.cells.resize(columns);
    const std::string where = file_ + ":" + std::to_string(number) + ": ";
    if (split.cells.size() < columns)
        table_->warnings.push_back(where + "row has " + std::to_string(split.cells.size()) + " cells, expected " +
                                   std::to_string(columns) + "; padded with missing cells");
    if (split.extra_cells > 0)
        table_->warnings.push_back(where + "row has " + std::to_string(split.extra_cells) +
                                   " cells more than the header; dropped");
    for (const model::Cell& cell : row.cells)
        if (cell.is_number && !std::isfinite(cell.number))
            table_->warnings.push_back(where + "non-finite number '" + cell.text + "'");
    // Key-value tables ("| **Mean Throughput** | 102.85 tokens/s |") are prose in disguise.
    if (columns == 2 && !row.cells[0].missing() && !row.cells[0].is_number && !row.cells[1].missing())
        add_claims(row.cells[0].text + ": " + row.cells[1].text, number, table_->locator);
    table_->rows.push_back(std::move(row));
}

void MarkdownReader::add_heading(const md::AtxHeading& heading, long long number) {
    out_.headings.push_back(model::Heading{heading.level, number, std::string(heading.text)});
    heading_ = std::string(md::clip_utf8(heading.text, kMaxContext));
    add_claims(heading.text, number, heading_);
}

void MarkdownReader::add_claims(std::string_view text, long long number, const std::string& heading) {
    if (claims_full_) return;
    md::ClaimSite site{path_, number, heading, kMaxClaims};
    if (!md::find_prose_claims(text, site, out_.claims)) {
        claims_full_ = true;
        warn(number, "more than 100000 claims; later claims are not read");
    }
}

void MarkdownReader::warn(long long number, const std::string& message) {
    out_.warnings.push_back(file_ + ":" + std::to_string(number) + ": " + message);
}

void MarkdownReader::warn_split(long long number) {
    if (split_warned_ == number) return;
    split_warned_ = number;
    warn(number, "heading/table run together on one line");
}

}  // namespace

util::Result<FileContent> read_markdown(std::string_view text, const std::string& file) {
    if (util::starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
    if (util::trim(text).empty()) return util::make_error(file, 0, "empty file");
    return MarkdownReader(text, file).read();
}

}  // namespace ingest
