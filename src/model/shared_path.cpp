#include "model/shared_path.hpp"

#include <iterator>
#include <mutex>

#include "util/strings.hpp"

namespace model {

namespace {

const std::string& empty_text() {
    static const std::string empty;
    return empty;
}

// Paths live as long as the process: a folder names each file once, so the pool is bounded by the
// folders read, and every SharedPath may outlive the corpus it came from. Ingest and analysis
// intern from several threads, so the pool is split in shards by hash, each with its own lock.
struct Shard {
    std::mutex mutex;
    util::StringSet paths;  // node-based: element addresses survive rehashing
};

const std::string* intern(std::string_view text) {
    if (text.empty()) return &empty_text();
    static Shard shards[64];
    const std::size_t hash = util::StringHash{}(text);
    Shard& shard = shards[(hash >> 7) % std::size(shards)];
    std::lock_guard lock(shard.mutex);
    auto it = shard.paths.find(text);
    if (it == shard.paths.end()) it = shard.paths.emplace(text).first;
    return &*it;
}

}  // namespace

SharedPath::SharedPath() noexcept : text_(&empty_text()) {}

SharedPath::SharedPath(std::string_view text) : text_(intern(text)) {}

}  // namespace model
