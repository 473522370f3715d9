#pragma once
// Ingest a benchmark folder: scan, read every file on a pool of threads, decode, parse by kind,
// annotate meanings and failures, find duplicates. The only ingest entry point the CLI needs.
#include <cstdint>
#include <functional>
#include <string>

#include "ingest/file_content.hpp"
#include "model/corpus.hpp"
#include "util/result.hpp"

namespace ingest {

struct Progress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;
    double elapsed_s = 0;
};

struct IngestOptions {
    unsigned threads = 0;  ///< 0 = one per hardware thread
    /// Called about ten times a second from the calling thread while files are read; may be empty.
    std::function<void(const Progress&)> on_progress;
};

/// Parses one file's decoded text by kind, then fills meanings and failure flags. Pure.
/// Returns an Error ("path:line: message") when the file cannot be parsed at all.
util::Result<FileContent> parse_file(model::FileKind kind, std::string_view text, const std::string& path);

/// Reads every file under `root`. Errors (exit 1 material): root missing or unreadable, or a
/// folder with no files at all. Per-file problems never fail the whole ingest: they are recorded
/// on the FileEntry (status failed/skipped with the reason) and the rest is still read.
util::Result<model::Corpus> ingest_folder(const std::string& root, const IngestOptions& options = {});

}  // namespace ingest
