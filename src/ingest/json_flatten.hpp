#pragma once
// Internal to the JSON reader: walks parsed simdjson DOM values and turns them into tables
// (arrays of records) and scalars (numbers with dimensions). The rules are documented on
// ingest::read_json in json_reader.hpp; the per-value decisions are in json_rules.hpp.
#include <simdjson.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/file_content.hpp"

namespace ingest::json {

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

    /// Returns everything found: tables in order of first appearance (arrays at the same path with
    /// indices starred, `metrics[*].gpu`, share one table), then scalars in document order.
    /// The Flattener must not be used afterwards.
    FileContent finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ingest::json
