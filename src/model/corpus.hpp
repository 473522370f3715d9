#pragma once
// The ingested benchmark folder as plain data (STYLE.md rule 2): no IO, no formatting.
// Flow: ingest fills a Corpus; analysis reads it; report renders analysis results.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/shared_path.hpp"
#include "model/units.hpp"

namespace model {

enum class FileKind { csv, json, jsonl, markdown, other };
enum class FileStatus { parsed, skipped, failed };

std::string_view file_kind_name(FileKind kind);
std::string_view file_status_name(FileStatus status);

/// Where a value came from: a file plus a 1-based line (CSV row, Markdown line) and/or a JSON path
/// such as `backends.onnx.benchmark.mean_time_ms` or `results[3].ttft_s`.
struct Source {
    SharedPath file;         ///< path relative to the ingested root, '/'-separated
    long long line = 0;      ///< 1-based physical line where the record starts; 0 when not applicable
    SharedPath json_path;    ///< empty for CSV/Markdown; shared: documents of one shape repeat their paths
    long long line_end = 0;  ///< when > line: the source is every record starting on lines line..line_end
};

/// Appends `source` to `sources`, merging it into the last entry when it continues the same
/// file's consecutive line range (rows 2, 3, 4 -> lines 2-4). Keeps row-level sources exact and small.
void add_source(std::vector<Source>& sources, const Source& source);
/// The merge rule of add_source() alone: extends the last entry when a source with these parts
/// continues its line range and returns true; otherwise leaves `sources` as it is.
bool extend_last_source(std::vector<Source>& sources, const SharedPath& file, long long line, long long line_end,
                        std::string_view json_path);

/// What a column or JSON key means. `reason` records how the decision was made (STYLE rule 10:
/// decisions are data), e.g. "suffix _s => seconds" or "temperature next to num_ctx => sampling option".
enum class Role {
    measurement,   ///< a measured number with a unit
    dimension,     ///< a configuration or grouping key (model, num_ctx, backend, prompt)
    error,         ///< an error text column/key
    success_flag,  ///< a success/ok boolean
    timestamp,     ///< a wall-clock date or epoch
    text,          ///< free text (responses, notes)
    identifier,    ///< row index, run id
};
std::string_view role_name(Role role);

struct Meaning {
    Role role = Role::text;
    Unit unit;            ///< meaningful for Role::measurement
    std::string reason;   ///< the rule that decided role and unit
};

/// One cell. `number` is set only when the whole cell parses as a number; empty cells are missing,
/// never zero.
struct Cell {
    std::string text;
    double number = std::numeric_limits<double>::quiet_NaN();
    bool is_number = false;
    bool missing() const { return text.empty(); }
};

/// A record of a table. `failed` rows stay in the model but are excluded from statistics.
struct Row {
    long long line = 0;          ///< 1-based line of the record's first physical line (CSV, Markdown)
    std::string json_path;       ///< JSON path of the record (JSON arrays of records)
    std::vector<Cell> cells;     ///< one per column; missing trailing cells are empty
    bool failed = false;
    std::string failure_reason;  ///< e.g. "error column: Failed to connect to Ollama ..."
};

/// One column's values after compaction: numbers where cells are numeric, dictionary-coded text
/// otherwise. Keeps a 1 GB folder in memory at a few bytes per cell instead of a string each.
struct ColumnValues {
    std::vector<double> numbers;       ///< per row, NaN where the cell is missing or not a number; empty if no number
    std::vector<std::uint32_t> codes;  ///< per row, index into `labels`; empty if every cell is a number/missing
    std::vector<std::string> labels;   ///< distinct non-numeric texts; labels[0] is "" (missing)
};

/// A table: CSV file, Markdown pipe table, or JSON array of records.
/// Readers fill `rows[i].cells`; ingest then calls compact(), which moves the cells into `values`
/// (columnar) and empties each Row::cells. Use the accessors, which work in both states.
struct Table {
    SharedPath file;                   ///< relative path
    std::string locator;               ///< "" (CSV), heading text (Markdown), JSON path (JSON)
    long long line = 0;                ///< where the table starts
    std::vector<std::string> columns;  ///< header names as written
    std::vector<std::string> units;    ///< unit row, when the file has one (else empty)
    std::vector<Meaning> meanings;     ///< one per column, filled by ingest::semantics
    std::vector<Row> rows;
    std::vector<std::string> warnings; ///< ragged rows and similar, "path:line: message"
    std::vector<ColumnValues> values;  ///< filled by compact(); one per column
    std::size_t failed_at_compact = 0; ///< rows failed when compact() ran (see failed_rows())

    bool compacted() const { return !values.empty() || columns.empty(); }
    /// The cell's number, or NaN when missing / not numeric.
    double number_at(std::size_t row, std::size_t column) const;
    /// The cell's text ("" when missing). Numeric cells of a compacted table print shortest round-trip.
    std::string text_at(std::size_t row, std::size_t column) const;
    bool missing_at(std::size_t row, std::size_t column) const;
    bool is_number_at(std::size_t row, std::size_t column) const;
    /// Moves cells into columnar `values` and frees them; idempotent. Also counts the failed rows,
    /// which ingest has flagged by then.
    void compact();
    /// Rows flagged failed: counted once by compact() (a 1 GB folder has 10^7 rows to scan),
    /// counted now for a table not compacted yet.
    std::size_t failed_rows() const;
};

/// A number found in a JSON document outside any table, with the dimensions that qualify it
/// (sibling/ancestor strings and keyed-object levels such as backend=onnx).
struct Scalar {
    Source source;                     ///< file + json_path
    std::string key;                   ///< last path element, e.g. "mean_time_ms"
    std::string pattern;               ///< path with dimension levels replaced by '*'
    double value = std::numeric_limits<double>::quiet_NaN();
    Meaning meaning;
    std::vector<std::pair<std::string, std::string>> dimensions;
    bool failed = false;
    std::string failure_reason;
};

/// A number with a unit stated in prose (Markdown), to be checked later against raw data.
struct Claim {
    Source source;
    std::string text;     ///< the sentence or line, trimmed
    std::string heading;  ///< nearest heading above
    double value = 0;     ///< as written
    std::string unit_text;
    Unit unit;
};

struct Heading {
    int level = 1;
    long long line = 0;
    std::string text;
};

/// One file of the folder and what became of it.
struct FileEntry {
    std::string path;                  ///< relative, '/'-separated
    FileKind kind = FileKind::other;
    std::uint64_t bytes = 0;
    long long mtime_s = 0;             ///< modification time, seconds since the Unix epoch (UTC)
    std::string hash;                  ///< 16 hex digits, content hash (util::content_hash)
    std::string encoding;              ///< "utf-8", "utf-16le", ... ("" when unread)
    FileStatus status = FileStatus::skipped;
    std::string reason;                ///< for skipped/failed: why (failed: "path:line: message")
    std::string duplicate_of;          ///< path of the first file with identical bytes, or ""
    std::vector<std::string> warnings; ///< non-fatal problems
    std::vector<Heading> headings;     ///< Markdown only
    std::size_t tables = 0, rows = 0, scalars = 0, claims = 0;
};

struct Corpus {
    std::string root;                  ///< the folder as given
    std::vector<FileEntry> files;      ///< sorted by path
    std::vector<Table> tables;         ///< in file order
    std::vector<Scalar> scalars;
    std::vector<Claim> claims;
};

}  // namespace model
