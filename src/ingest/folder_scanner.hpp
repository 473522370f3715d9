#pragma once
// Walks a folder recursively and lists its regular files, without reading them.
#include <string>
#include <vector>

#include "model/corpus.hpp"
#include "util/result.hpp"

namespace ingest {

/// One entry found by the walk. Problems met on the way (unreadable folder, dangling or looping
/// symlink) become entries with `problem` set, so that every path is accounted for.
struct ScannedFile {
    std::string relative_path;   ///< '/'-separated, relative to the root
    std::string absolute_path;
    model::FileKind kind = model::FileKind::other;
    std::uint64_t bytes = 0;
    long long mtime_s = 0;
    std::string problem;         ///< non-empty: the entry cannot be read, and why
};

/// Kind by extension: .csv, .json, .jsonl/.ndjson, .md/.markdown; everything else is `other`.
model::FileKind kind_from_path(const std::string& path);

/// Lists every file under `root`, sorted by relative path. Symlinks to files are followed;
/// symlinks to directories are not (reported, which also makes symlink loops harmless).
/// Errors: root missing, not a directory, or unreadable.
util::Result<std::vector<ScannedFile>> scan_folder(const std::string& root);

}  // namespace ingest
