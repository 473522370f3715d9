#pragma once
// RFC 4180 CSV reader: text in, model::Table out. Pure (no IO), safe on arbitrary bytes
// (fuzzed by fuzz/csv_reader_fuzz.cpp), single pass over std::string_view.
#include <string>
#include <string_view>
#include <vector>

#include "model/corpus.hpp"
#include "util/result.hpp"

namespace ingest {

/// Parses UTF-8 CSV text (a leading UTF-8 BOM is skipped) into a table; `file` is used in messages
/// and copied into `Table::file`.
///
/// Syntax (RFC 4180, read leniently):
/// - fields are separated by ',' and records by CRLF, LF or a lone CR; the last record may lack a
///   line end. Blank lines (empty or whitespace only) are skipped wherever they are.
/// - a field that starts with '"' (after optional spaces) is quoted: it may hold ',', line ends
///   and `""` (one quote). Text between the closing quote and the next separator is kept
///   literally, and a stray quote inside an unquoted field is an ordinary character.
/// - unquoted fields are trimmed of surrounding whitespace; quoted fields keep their exact text,
///   except that a whitespace-only cell is missing either way.
///
/// Result:
/// - `columns`: the first record, each name trimmed. Duplicate names are kept (warning).
/// - `units`: filled when the second record is a unit row (see `is_unit_row`), else empty.
/// - `rows`: one per remaining record, `line` = 1-based physical line where the record starts
///   (line ends inside quoted fields are counted). Every row has exactly `columns.size()` cells:
///   short rows are padded with missing cells, long rows are cut (warning lists the extras).
/// - cells: empty text = missing, never zero. `is_number`/`number` are set when
///   `util::parse_number` accepts the whole text, quoted or not ("77.5" is a number), including
///   NaN/inf/overflow such as "1e309", which also add a warning.
/// - `meanings` is left empty; `line` is the header's line; `locator` is "".
/// - `warnings`: `file:LINE: row has K fields, header has N` (plus the dropped extras) per ragged
///   row, `file:LINE: column 'x' holds non-finite value 'NaN'` per NaN/inf cell, and one per
///   duplicate column name. After 100 warnings of one kind, the rest are counted in one summary.
///
/// Errors (`file:line: message`): empty or whitespace/BOM-only input (`file: empty file`), an
/// unterminated quoted field (reported on the line where its quote opened), a header without any
/// non-empty name.
///
/// Cost: O(text.size() + rows * columns); the table holds rows * columns cells (48 bytes each plus
/// text longer than 15 bytes). One allocation per row, plus one per cell longer than the
/// small-string buffer and per quoted field with `""` escapes. Thread-safe (no shared state).
util::Result<model::Table> read_csv(std::string_view text, const std::string& file);

/// True when `cells` (one record, already unescaped) looks like a row of units under a header:
/// no cell is a number, every non-empty cell is a short token without spaces or a unit that
/// `parse_unit` knows, and more than half of the non-empty cells are known units or unit-like
/// tokens ("block", "warp", "register/thread", "Kbyte/block"), at least one of them longer than
/// one letter. A row of model names or of empty cells is not a unit row.
bool is_unit_row(const std::vector<std::string>& cells);

}  // namespace ingest
