#pragma once
// Counts over the ingested files: per kind and per status, duplicates, latest modification time.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/corpus.hpp"

namespace analysis {

struct KindCount {
    model::FileKind kind = model::FileKind::other;
    std::size_t files = 0, parsed = 0, skipped = 0, failed = 0, duplicates = 0;
    std::uint64_t bytes = 0;
    long long latest_mtime_s = 0;  ///< 0 when no file of this kind
    std::string latest_path;       ///< the file with that time
};

struct Inventory {
    std::size_t files = 0, parsed = 0, skipped = 0, failed = 0, duplicates = 0;
    std::uint64_t bytes = 0;
    std::array<KindCount, 5> by_kind{};  ///< indexed by FileKind order: csv, json, jsonl, markdown, other
    std::size_t tables = 0, rows = 0, failed_rows = 0, scalars = 0, failed_scalars = 0, claims = 0;
};

/// Pure summary of a corpus.
Inventory summarize_inventory(const model::Corpus& corpus);

/// "2025-10-08 16:29:55 UTC" for a Unix time in seconds (the original's format).
std::string format_utc(long long unix_s);
/// "2025-10-08T16:29:55Z".
std::string format_iso_utc(long long unix_s);

}  // namespace analysis
