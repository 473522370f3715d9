#pragma once
// Line-oriented Markdown reader: headings, pipe tables and claims ("numbers with units in prose"),
// each with its 1-based physical line. Pure (no IO), safe on arbitrary bytes (fuzzed by
// fuzz/markdown_reader_fuzz.cpp), linear in the input size.
#include <string>
#include <string_view>

#include "ingest/file_content.hpp"
#include "util/result.hpp"

namespace ingest {

/// Reads Markdown (UTF-8): headings, pipe tables (locator = nearest heading text) and claims.
/// `file` is used in messages and copied into every Table::file and Claim::source.file.
///
/// Blocks:
/// - ATX headings (`#`..`######`, up to 3 spaces of indent) give model::Heading{level, line, text};
///   the closing `#` run is dropped. Setext headings and indented code blocks are not recognised
///   (indentation is too common in nested lists to mean code).
/// - Fenced code blocks (``` or ~~~, any indent, closed by a run of the same character at least
///   as long) are skipped entirely: no headings, tables or claims. An unclosed fence runs to the
///   end of the file and adds a warning.
/// - Pipe tables (GFM): a header row, a delimiter row (`| --- | :---: |`) with the same number of
///   cells, then rows until a blank line, a heading, a fence or a line without an unescaped `|`.
///   Outer pipes are optional, `\|` is a literal pipe, cells are trimmed, and `**`/backticks and
///   emphasis wrapping the whole cell are removed from Cell::text. Cell::number/is_number are set
///   when util::parse_number accepts the whole cleaned cell (NaN/inf also add a warning).
///   Short rows are padded with missing cells; extra cells are dropped (Table::warnings).
///   Table::line = header line, Row::line = its line, Table::locator = nearest heading above.
///
/// Squashed files (newlines lost, as produced by some report generators):
/// - a physical line is split at inline headings: a run of 2-6 `#` preceded by whitespace and
///   followed by a space and text, outside code spans (a single `#` mid-line is left alone: it is
///   too often a comment or "issue # 5");
/// - a table header may start mid-line ("prose | a | b |") when the next line is a delimiter row
///   whose cell count matches the trailing cells; the prose before it is read as text;
/// - a row whose header ended with `|` ends at the pipe closing its last column; text after it
///   (" ## Next section", " Artifacts:") is read as heading/prose; an unterminated last cell is
///   cut at an inline heading.
/// Every piece keeps the physical line number; each such line adds the FileContent warning
/// `file:LINE: heading/table run together on one line`.
///
/// Claims (model::Claim), found with ingest::find_numbers_with_units in headings, paragraphs,
/// list items and blockquotes (not in code spans, code blocks or tables):
/// - text = the sentence holding the number, list/quote markers removed, at most 300 bytes (a
///   window around the number when longer); heading = nearest heading (a heading's own claims
///   use that heading); value and unit as written.
/// - "102.85 vs 76.59 tok/s", "46.5 -> 65.1 ms": a bare number joined by "vs"/"vs."/"versus"/
///   "->"/"→" to a number with a unit gets that unit too (both are claimed; chains of up to 8).
/// - "4 x 256", "(2×87)": a ratio unit `x`/`×` followed by a number is a multiplication, not claimed.
/// - "Tokens per second: 7.90", "Latency (ms): 12": a segment "label: number" whose label ends in
///   a unit that ingest::parse_unit knows (last 1-4 words; single-letter words not counted)
///   gives one claim with that unit.
/// - Key-value tables (exactly 2 columns, first cell text and not a number) are prose in
///   disguise: each row is read as the sentence "label: value" (heading = Table::locator).
///
/// Limits (each adds one warning when hit): 100,000 claims and 2,000,000 table cells per file;
/// tables wider than 512 columns are not tables. Claim::heading and Table::locator are clipped
/// to 300 bytes (Heading::text keeps the whole text). A UTF-8 BOM and CR before LF are ignored.
///
/// Errors: empty or whitespace-only input → `file: empty file`. Otherwise Markdown never fails.
/// Cost: O(text.size()). Thread-safe (no shared state).
util::Result<FileContent> read_markdown(std::string_view text, const std::string& file);

}  // namespace ingest
