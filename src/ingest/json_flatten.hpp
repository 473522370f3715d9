#pragma once
// Internal to the JSON reader: walks parsed simdjson DOM values and turns them into tables
// (arrays of records) and scalars (numbers with dimensions). The rules are documented on
// ingest::read_json in json_reader.hpp; this header only exposes the walker.
#include <simdjson.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/file_content.hpp"

namespace ingest::json {

/// Prefix of the string sentinels that the reader substitutes for tokens simdjson rejects:
/// `NaN` becomes the JSON string "\u0000NaN", `Infinity` "\u0000Infinity", and a number too large
/// for a double "\u0000Infinity"/"\u0000-Infinity". The walker reads such strings back as numbers.
/// Real text never starts with NUL, so no genuine string is mistaken for a sentinel.
inline constexpr std::string_view kSentinelPrefix{"\0", 1};

/// Accumulates the tables and scalars of one file, one parsed value at a time.
/// Not thread-safe: one Flattener per file read. The DOM values passed in only need to live for
/// the duration of the call, so a parser may be reused between calls (JSON Lines).
/// Recursion is bounded by the parser's nesting limit (1024 levels).
class Flattener {
public:
    /// `file` is copied into Source::file and Table::file.
    explicit Flattener(std::string file);
    ~Flattener();
    Flattener(const Flattener&) = delete;
    Flattener& operator=(const Flattener&) = delete;

    /// Walks a whole document whose root has JSON path "". `line` (0 = unknown) is copied to every
    /// scalar, table and row produced.
    void add_document(simdjson::dom::element root, long long line = 0);

    /// Adds one value of a JSON Lines stream (or of back-to-back documents). Objects become rows
    /// of the root table (locator "", row json_path `[index]`, row line `line`); other values are
    /// walked under JSON path `[index]`. `index` counts parsed values from 0.
    void add_line(simdjson::dom::element value, std::size_t index, long long line);

    /// Number of values added with add_line that were objects (rows of the root table).
    std::size_t line_rows() const;

    /// Returns everything found (root table first, then tables in document order, then scalars).
    /// The Flattener must not be used afterwards.
    FileContent finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ingest::json
