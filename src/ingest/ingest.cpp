#include "ingest/ingest.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <thread>
#include <vector>

#include "ingest/csv_reader.hpp"
#include "ingest/encoding.hpp"
#include "ingest/failures.hpp"
#include "ingest/folder_scanner.hpp"
#include "ingest/json_reader.hpp"
#include "ingest/markdown_reader.hpp"
#include "ingest/semantics.hpp"
#include "util/hash.hpp"

namespace ingest {

namespace {

using model::FileKind;
using model::FileStatus;

struct FileResult {
    model::FileEntry entry;
    FileContent content;
};

util::Result<std::string> read_all(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return util::Error{std::strerror(errno)};
    struct stat st {};
    std::string data;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) data.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string message = std::strerror(errno);
            ::close(fd);
            return util::Error{message};
        }
        if (n == 0) break;
        data.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return data;
}

void finish_content(FileContent& content) {
    for (auto& table : content.tables) {
        annotate_table(table);
        flag_failed_rows(table);
        table.compact();
    }
    annotate_scalars(content.scalars);
    describe_failed_scalars(content.scalars);
}

FileResult process(const ScannedFile& file) {
    FileResult r;
    auto& e = r.entry;
    e.path = file.relative_path;
    e.kind = file.kind;
    e.bytes = file.bytes;
    e.mtime_s = file.mtime_s;
    if (!file.problem.empty()) {
        e.status = FileStatus::failed;
        e.reason = file.relative_path + ": " + file.problem;
        return r;
    }
    auto bytes = read_all(file.absolute_path);
    if (!bytes) {
        e.status = FileStatus::failed;
        e.reason = file.relative_path + ": cannot read: " + bytes.error().message;
        return r;
    }
    e.bytes = bytes->size();
    e.hash = util::hash_hex(util::content_hash(*bytes));
    if (bytes->empty()) {
        e.status = FileStatus::skipped;
        e.reason = "empty file (0 bytes)";
        return r;
    }
    if (file.kind == FileKind::other) {
        e.status = FileStatus::skipped;
        auto dot = file.relative_path.find_last_of('.');
        auto slash = file.relative_path.find_last_of('/');
        std::string ext = (dot == std::string::npos || (slash != std::string::npos && dot < slash))
                              ? "no extension" : file.relative_path.substr(dot);
        e.reason = "not a benchmark data format (" + ext + "); CSV, JSON, JSONL and Markdown are read";
        return r;
    }
    auto decoded = decode_owned_text(std::move(*bytes), file.relative_path);
    if (!decoded) {
        e.status = FileStatus::skipped;
        e.reason = decoded.error().message;
        return r;
    }
    e.encoding = decoded->encoding;
    e.warnings = std::move(decoded->warnings);
    auto parsed = parse_file(file.kind, decoded->text, file.relative_path);
    if (!parsed) {
        e.status = FileStatus::failed;
        e.reason = parsed.error().message;
        return r;
    }
    r.content = std::move(*parsed);
    e.status = FileStatus::parsed;
    e.headings = std::move(r.content.headings);
    for (auto& w : r.content.warnings) e.warnings.push_back(std::move(w));
    for (const auto& t : r.content.tables) {
        e.rows += t.rows.size();
        for (const auto& w : t.warnings) e.warnings.push_back(w);
    }
    e.tables = r.content.tables.size();
    e.scalars = r.content.scalars.size();
    e.claims = r.content.claims.size();
    return r;
}

// Byte-for-byte confirmation for files whose hashes match.
bool same_bytes(const std::string& a, const std::string& b) {
    auto x = read_all(a);
    auto y = read_all(b);
    return x && y && *x == *y;
}

void mark_duplicates(std::vector<FileResult>& results, const std::vector<ScannedFile>& files) {
    std::map<std::pair<std::string, std::uint64_t>, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto& e = results[i].entry;
        if (!e.hash.empty() && e.bytes > 0) groups[{e.hash, e.bytes}].push_back(i);
    }
    for (const auto& [key, members] : groups) {
        for (std::size_t k = 1; k < members.size(); ++k) {
            // Paths are sorted, so the first member is the canonical copy.
            if (same_bytes(files[members[0]].absolute_path, files[members[k]].absolute_path))
                results[members[k]].entry.duplicate_of = results[members[0]].entry.path;
        }
    }
}

}  // namespace

util::Result<FileContent> parse_file(model::FileKind kind, std::string_view text, const std::string& path) {
    util::Result<FileContent> content = util::Error{path + ": unsupported kind"};
    switch (kind) {
        case FileKind::csv: {
            auto table = read_csv(text, path);
            if (!table) return table.error();
            FileContent c;
            c.tables.push_back(std::move(*table));
            content = std::move(c);
            break;
        }
        case FileKind::json: content = read_json(text, path); break;
        case FileKind::jsonl: content = read_jsonl(text, path); break;
        case FileKind::markdown: content = read_markdown(text, path); break;
        case FileKind::other: break;
    }
    if (content) finish_content(*content);
    return content;
}

util::Result<model::Corpus> ingest_folder(const std::string& root, const IngestOptions& options) {
    auto scanned = scan_folder(root);
    if (!scanned) return scanned.error();
    const auto& files = *scanned;
    if (files.empty()) return util::Error{root + ": the folder holds no files: nothing to ingest"};

    std::vector<FileResult> results(files.size());
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<std::uint64_t> bytes_done{0};
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, files.size()));
    auto worker = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            results[i] = process(files[i]);
            bytes_done += files[i].bytes;
            ++done;
        }
    };
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    if (options.on_progress) {
        std::uint64_t bytes_total = 0;
        for (const auto& f : files) bytes_total += f.bytes;
        std::thread reporter_side(worker);
        while (done.load() < files.size()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            options.on_progress(Progress{done.load(), files.size(), bytes_done.load(), bytes_total, elapsed});
        }
        reporter_side.join();
    } else {
        worker();
    }
    for (auto& t : pool) t.join();

    mark_duplicates(results, files);
    model::Corpus corpus;
    corpus.root = root;
    corpus.files.reserve(results.size());
    for (auto& r : results) {
        corpus.files.push_back(std::move(r.entry));
        for (auto& t : r.content.tables) corpus.tables.push_back(std::move(t));
        for (auto& s : r.content.scalars) corpus.scalars.push_back(std::move(s));
        for (auto& c : r.content.claims) corpus.claims.push_back(std::move(c));
    }
    return corpus;
}

}  // namespace ingest
