#pragma once
// JSON and JSON Lines readers: text in, tables and scalars out (FileContent). Pure (no IO), safe on
// arbitrary bytes (fuzzed by fuzz/json_reader_fuzz.cpp). Parsing uses simdjson's DOM with one
// parser per thread, so both functions are thread-safe and allocation-light on the hot path.
#include <string>
#include <string_view>

#include "ingest/file_content.hpp"
#include "util/result.hpp"

namespace ingest {

/// Reads one JSON document (UTF-8 text; a leading BOM is skipped). `file` goes into every
/// Source/Table and message. What the document becomes:
///
/// Tables. An array at least half of whose elements are objects is a model::Table: `locator` is the
/// array's JSON path ("" for a root array), `columns` the union of record keys in first-seen order,
/// nested objects flattened with '.' (`system.cpu_percent`), one Row per object (`json_path`
/// `results[3]`). Cells: numbers with is_number/number set (integers keep their digits, doubles use
/// util::format_double), strings as-is (also long text), booleans "true"/"false", null missing.
/// Arrays inside records are not columns: arrays of records become tables of their own, one per
/// path with indices starred (locator `metrics[*].gpu`, rows `metrics[2].gpu[0]`), and numbers in
/// arrays become scalars (below), qualified by the record's strings and a dimension
/// `<singular array key>=<index>` (`result=0`; `record` for a root array); hyperfine's `times`
/// become scalars `results[0].times[3]`. Elements that are neither objects nor arrays are skipped
/// with a table warning.
///
/// Scalars. Every other number (not a table cell) is a model::Scalar: json_path
/// `backends.onnx.benchmark.mean_time_ms`, key = last object key (`ttfts` for `ttfts[3]`), pattern =
/// json_path with dimension levels as `*` and array indices as `[*]` (`backends.*.benchmark.mean_time_ms`,
/// `ttfts[*]`), line 0. Dimensions, outermost first, a nearer one shadowing an outer one of the same
/// name, at most 64 per scalar (inner ones beyond that are dropped):
/// - keyed-object levels: an object whose values are 2+ objects (nulls aside) each sharing at least
///   half of its keys with the first gives `<singular parent key>=<entry key>` (`backend=onnx`;
///   `key` when the level is the root), and the entry is a scope of its own;
/// - strings and booleans beside a number or at its ancestors' levels, and those inside small
///   (<= 32 members) child objects of those levels (`model.device=cuda`), named by their key path
///   inside the scope (root, level entry or array element). Strings over 120 bytes, objects with
///   more than 32 such strings (config dumps like sglang's server_info), and keys with a
///   prose or diagnostic word (prompt, response, text, output, graph, preview, content, message,
///   completion, error, traceback, stdout, stderr, ...) are not dimensions.
/// Meaning fields are left default. JSON keys are joined with '.' as written (no escaping).
///
/// Failures. Inside an object, `"success": false` or a non-blank `"error"` string (or error object
/// with a "message") fails every scalar in that object and below, with a reason such as
/// `compilation.success=false: <error, whitespace collapsed, cut to 200 bytes>` (path relative to
/// the scope). For an entry of a keyed-object level, or a table record, a marker anywhere in its tree
/// of objects fails the whole entry (every scalar below it) or row.
///
/// Repairs (each adds a warning; values are kept):
/// - bare `NaN`, `Infinity`, `-Infinity` outside strings (Python's json) become NaN/±inf numbers:
///   `file: non-standard literal 'NaN' at line L` (+ " (N occurrences)");
/// - numbers beyond double range (`1e309`) become ±inf, integers beyond 64 bits become doubles
///   (`file: number '1e309' out of range at line L; read as Infinity`);
/// - several documents back to back (one per line, or pretty-printed) are read like JSON Lines
///   (read_jsonl rules), with `file: N JSON documents in one file; read as JSON Lines`.
///
/// Errors (`file:line: message`): blank input `file: empty file`; nesting over 1024 levels
/// `file: JSON nesting deeper than 1024 levels`; otherwise `file[:line]: invalid JSON: <simdjson
/// message>`, the line known only for invalid UTF-8.
///
/// Cost: one simdjson parse (~GB/s) plus a walk linear in the document, except keyed-level tests that
/// sort each object's keys. Thread-safe; reuses a thread_local parser and input buffer.
util::Result<FileContent> read_json(std::string_view text, const std::string& file);

/// Reads JSON Lines: one JSON value per non-blank line (CRLF accepted, BOM skipped). Object lines are
/// the rows of one root table (locator "", row json_path `[k]` with k counting parsed values,
/// Row::line = the line); other values are walked as in read_json under path `[k]`. Numbers in
/// arrays inside object lines are scalars with a dimension `line=<line>`; every scalar carries its
/// Source::line. Bad lines become warnings `file:LINE: invalid JSON: <message>` (the first 20, then
/// one count); the file fails only when no line parses (`file:LINE: invalid JSON: <first message>
/// (none of N lines parses)`) or has no non-blank line (`file: empty file`). Same repairs as
/// read_json, per line, reported once per kind for the file.
util::Result<FileContent> read_jsonl(std::string_view text, const std::string& file);

}  // namespace ingest
