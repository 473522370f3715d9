#include "ingest/folder_scanner.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>

#include "util/strings.hpp"

namespace ingest {

namespace fs = std::filesystem;

namespace {

long long to_unix_seconds(fs::file_time_type t) {
    // GCC 12 lacks clock_cast; file_clock::to_sys is its libstdc++ equivalent.
    auto sys = fs::file_time_type::clock::to_sys(t);
    return std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
}

std::string relative_to(const fs::path& path, const fs::path& root) {
    return path.lexically_relative(root).generic_string();
}

void add_problem(std::vector<ScannedFile>& out, const fs::path& path, const fs::path& root, std::string problem) {
    ScannedFile f;
    f.relative_path = relative_to(path, root);
    f.absolute_path = path.string();
    f.kind = kind_from_path(f.relative_path);
    f.problem = std::move(problem);
    out.push_back(std::move(f));
}

void walk(const fs::path& dir, const fs::path& root, std::vector<ScannedFile>& out) {
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
        add_problem(out, dir, root, "cannot open folder: " + ec.message());
        return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        entries.push_back(*it);
    }
    if (ec) add_problem(out, dir, root, "cannot list folder: " + ec.message());
    for (const auto& entry : entries) {
        const fs::path& path = entry.path();
        std::error_code e1;
        bool is_link = entry.is_symlink(e1);
        fs::file_status st = fs::status(path, e1);  // follows symlinks
        if (is_link && e1) {
            add_problem(out, path, root,
                        e1 == std::errc::too_many_symbolic_link_levels ? "symlink loop" : "dangling symlink: " + e1.message());
            continue;
        }
        if (e1) {
            add_problem(out, path, root, "cannot stat: " + e1.message());
            continue;
        }
        if (fs::is_directory(st)) {
            if (is_link) add_problem(out, path, root, "symlink to a folder, not followed (avoids loops)");
            else walk(path, root, out);
            continue;
        }
        if (!fs::is_regular_file(st)) {
            add_problem(out, path, root, "not a regular file");
            continue;
        }
        ScannedFile f;
        f.relative_path = relative_to(path, root);
        f.absolute_path = path.string();
        f.kind = kind_from_path(f.relative_path);
        f.bytes = fs::file_size(path, e1);
        auto mtime = fs::last_write_time(path, e1);
        if (!e1) f.mtime_s = to_unix_seconds(mtime);
        out.push_back(std::move(f));
    }
}

}  // namespace

model::FileKind kind_from_path(const std::string& path) {
    std::string ext = util::to_lower(fs::path(path).extension().string());
    if (ext == ".csv") return model::FileKind::csv;
    if (ext == ".json") return model::FileKind::json;
    if (ext == ".jsonl" || ext == ".ndjson") return model::FileKind::jsonl;
    if (ext == ".md" || ext == ".markdown") return model::FileKind::markdown;
    return model::FileKind::other;
}

util::Result<std::vector<ScannedFile>> scan_folder(const std::string& root) {
    std::error_code ec;
    fs::path root_path(root);
    auto st = fs::status(root_path, ec);
    if (ec || !fs::exists(st)) return util::Error{root + ": no such folder"};
    if (!fs::is_directory(st)) return util::Error{root + ": not a folder (give the folder that holds the benchmark files)"};
    fs::directory_iterator probe(root_path, ec);
    if (ec) return util::Error{root + ": cannot read folder: " + ec.message()};
    std::vector<ScannedFile> out;
    walk(root_path, root_path, out);
    std::sort(out.begin(), out.end(),
              [](const ScannedFile& a, const ScannedFile& b) { return a.relative_path < b.relative_path; });
    return out;
}

}  // namespace ingest
