#pragma once
// GFM pipe-table rows for the Markdown reader (markdown_reader.cpp): delimiter rows, header rows
// (also when they start mid-line after prose), data rows (also when text runs on after the last
// column). Pure, O(line size), safe on any bytes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/corpus.hpp"

namespace ingest::md {

/// Tables wider than this are not read as tables (keeps memory linear on lines of only `|`).
inline constexpr std::size_t kMaxColumns = 512;

/// Number of cells when `line` is a delimiter row (each cell `:?-+:?`, at least one cell, and a
/// `|` somewhere when there is only one), else 0. Also 0 beyond kMaxColumns.
std::size_t delimiter_columns(std::string_view line);

/// A header row found in a line, for a delimiter row of `columns` cells.
struct HeaderMatch {
    std::size_t start = 0;            ///< offset where the header begins (> 0: prose before it)
    std::vector<std::string> names;   ///< cleaned cell texts, exactly `columns`
    bool trailing_pipe = false;       ///< the header ends with `|`
};

/// Matches `line` as the header of a table whose delimiter row has `columns` cells: either the whole
/// line (GFM: same cell count; only when `allow_whole`), or, when the line does not start with `|`
/// but ends with one, its last `columns` cells ("prose | a | b |"). nullopt when neither fits.
std::optional<HeaderMatch> match_header(std::string_view line, std::size_t columns, bool allow_whole);

/// A data row of a table with `columns` columns.
struct RowSplit {
    std::vector<std::string_view> cells;  ///< raw cells (untrimmed, escapes kept), at most `columns`
    std::size_t extra_cells = 0;          ///< cells beyond `columns` that were dropped
    std::string_view trailing;            ///< text that ran on after the row (heading/prose), or empty
};

/// Splits a data row. `header_trailing_pipe`: the table's header ended with `|`, so text after the
/// pipe that closes the last column is run-on text when it does not itself end with `|`, starts a
/// heading, or `next_is_delimiter` (it may start the next table). Independently, an unterminated
/// last cell (or the extra text) is cut at an inline heading (see find_inline_heading).
RowSplit split_row(std::string_view line, std::size_t columns, bool header_trailing_pipe,
                   bool next_is_delimiter);

/// True when `line` holds at least one `|` not escaped by a backslash.
bool has_unescaped_pipe(std::string_view line);

/// A cell from raw row text: `\|` unescaped, markup stripped (strip_inline_markup), number parsed.
model::Cell make_cell(std::string_view raw);

}  // namespace ingest::md
