#pragma once
// Result<T>: an expected value or an Error, shaped like std::expected so it can be swapped later
// (GCC 12 has no <expected>). Used for failures that input can cause; bugs use assertions.
#include <string>
#include <utility>
#include <variant>

namespace util {

/// An expected failure. `message` is complete and user-facing, normally `path:line: what`.
struct Error {
    std::string message;
};

template <typename T>
class Result {
public:
    Result(T value) : data_(std::move(value)) {}            // NOLINT: implicit by design
    Result(Error error) : data_(std::move(error)) {}        // NOLINT: implicit by design

    bool has_value() const { return data_.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & { return std::get<0>(data_); }
    const T& value() const& { return std::get<0>(data_); }
    T&& value() && { return std::get<0>(std::move(data_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(data_); }

private:
    std::variant<T, Error> data_;
};

/// Builds an Error from a path, a 1-based line (0 = no line) and a message: `path:line: message`.
inline Error make_error(const std::string& path, long long line, const std::string& message) {
    std::string out = path;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": " + message;
    return Error{std::move(out)};
}

}  // namespace util
