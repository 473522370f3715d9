#pragma once
// A file path shared by every value that names it. A large folder yields millions of sources
// (file + line) over a few thousand files; holding the path once and copying a pointer keeps each
// source allocation-free. Equal texts are interned to one string, so equality is a pointer test.
#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

namespace model {

class SharedPath {
public:
    SharedPath() noexcept;                                      ///< the empty path
    SharedPath(std::string_view text);                          // NOLINT(google-explicit-constructor): a path is its text
    SharedPath(const std::string& text) : SharedPath(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
    SharedPath(const char* text) : SharedPath(std::string_view(text)) {}         // NOLINT(google-explicit-constructor)

    const std::string& str() const noexcept { return *text_; }
    operator const std::string&() const noexcept { return *text_; }  // NOLINT(google-explicit-constructor)
    operator std::string_view() const noexcept { return *text_; }    // NOLINT(google-explicit-constructor)
    bool empty() const noexcept { return text_->empty(); }
    std::size_t size() const noexcept { return text_->size(); }

    friend bool operator==(const SharedPath& a, const SharedPath& b) noexcept { return a.text_ == b.text_; }
    friend bool operator==(const SharedPath& a, std::string_view b) noexcept { return *a.text_ == b; }
    friend bool operator==(const SharedPath& a, const std::string& b) noexcept { return *a.text_ == b; }
    friend bool operator==(const SharedPath& a, const char* b) noexcept { return *a.text_ == b; }
    friend std::strong_ordering operator<=>(const SharedPath& a, const SharedPath& b) noexcept {
        return a.text_ == b.text_ ? std::strong_ordering::equal : *a.text_ <=> *b.text_;
    }

private:
    const std::string* text_;  ///< owned by the process-wide pool; never freed, never moved
};

/// `path` + `text`, for building messages.
inline std::string operator+(const SharedPath& path, std::string_view text) { return path.str() + std::string(text); }
inline std::string operator+(std::string_view text, const SharedPath& path) { return std::string(text) + path.str(); }

}  // namespace model
