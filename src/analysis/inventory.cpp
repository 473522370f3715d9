#include "analysis/inventory.hpp"

#include <ctime>

namespace analysis {

Inventory summarize_inventory(const model::Corpus& corpus) {
    Inventory inv;
    for (std::size_t k = 0; k < inv.by_kind.size(); ++k) inv.by_kind[k].kind = static_cast<model::FileKind>(k);
    for (const auto& f : corpus.files) {
        auto& k = inv.by_kind[static_cast<std::size_t>(f.kind)];
        ++inv.files;
        ++k.files;
        inv.bytes += f.bytes;
        k.bytes += f.bytes;
        switch (f.status) {
            case model::FileStatus::parsed: ++inv.parsed; ++k.parsed; break;
            case model::FileStatus::skipped: ++inv.skipped; ++k.skipped; break;
            case model::FileStatus::failed: ++inv.failed; ++k.failed; break;
        }
        if (!f.duplicate_of.empty()) { ++inv.duplicates; ++k.duplicates; }
        if (f.mtime_s > k.latest_mtime_s || (f.mtime_s == k.latest_mtime_s && k.latest_path.empty())) {
            k.latest_mtime_s = f.mtime_s;
            k.latest_path = f.path;
        }
    }
    inv.tables = corpus.tables.size();
    for (const auto& t : corpus.tables) {
        inv.rows += t.rows.size();
        inv.failed_rows += t.failed_rows();
    }
    inv.scalars = corpus.scalars.size();
    for (const auto& s : corpus.scalars) inv.failed_scalars += s.failed;
    inv.claims = corpus.claims.size();
    return inv;
}

namespace {
std::string format_time(long long unix_s, const char* pattern) {
    std::time_t t = static_cast<std::time_t>(unix_s);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, pattern, &tm);
    return buffer;
}
}  // namespace

std::string format_utc(long long unix_s) { return format_time(unix_s, "%Y-%m-%d %H:%M:%S UTC"); }
std::string format_iso_utc(long long unix_s) { return format_time(unix_s, "%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace analysis
