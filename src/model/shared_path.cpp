#include "model/shared_path.hpp"

#include <mutex>

#include "util/strings.hpp"

namespace model {

namespace {

const std::string& empty_text() {
    static const std::string empty;
    return empty;
}

// Paths live as long as the process: a folder names each file once, so the pool is bounded by the
// folders read, and every SharedPath may outlive the corpus it came from.
const std::string* intern(std::string_view text) {
    if (text.empty()) return &empty_text();
    static std::mutex mutex;
    static util::StringSet pool;  // node-based: element addresses survive rehashing
    std::lock_guard lock(mutex);
    auto it = pool.find(text);
    if (it == pool.end()) it = pool.emplace(text).first;
    return &*it;
}

}  // namespace

SharedPath::SharedPath() noexcept : text_(&empty_text()) {}

SharedPath::SharedPath(std::string_view text) : text_(intern(text)) {}

}  // namespace model
