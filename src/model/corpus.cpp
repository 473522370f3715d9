#include "model/corpus.hpp"

namespace model {

std::string_view file_kind_name(FileKind kind) {
    switch (kind) {
        case FileKind::csv: return "csv";
        case FileKind::json: return "json";
        case FileKind::jsonl: return "jsonl";
        case FileKind::markdown: return "markdown";
        case FileKind::other: return "other";
    }
    return "other";
}

std::string_view file_status_name(FileStatus status) {
    switch (status) {
        case FileStatus::parsed: return "parsed";
        case FileStatus::skipped: return "skipped";
        case FileStatus::failed: return "failed";
    }
    return "failed";
}

bool extend_last_source(std::vector<Source>& sources, const SharedPath& file, long long line, long long line_end,
                        std::string_view json_path) {
    if (sources.empty() || line <= 0 || !json_path.empty()) return false;
    Source& last = sources.back();
    long long last_end = last.line_end > 0 ? last.line_end : last.line;
    if (!last.json_path.empty() || last.line <= 0 || line != last_end + 1 || last.file != file) return false;
    last.line_end = line_end > 0 ? line_end : line;
    return true;
}

void add_source(std::vector<Source>& sources, const Source& source) {
    if (!extend_last_source(sources, source.file, source.line, source.line_end, source.json_path)) sources.push_back(source);
}

std::string_view role_name(Role role) {
    switch (role) {
        case Role::measurement: return "measurement";
        case Role::dimension: return "dimension";
        case Role::error: return "error";
        case Role::success_flag: return "success_flag";
        case Role::timestamp: return "timestamp";
        case Role::text: return "text";
        case Role::identifier: return "identifier";
    }
    return "text";
}

}  // namespace model
