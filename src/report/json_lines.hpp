#pragma once
// Large JSON documents written as an indented head plus arrays with one compact element per line.
// Building one nlohmann tree (or one string) for 10^5..10^6 elements costs more memory and time
// than the data it describes; serialising chunk by chunk on two threads straight to the output
// keeps both linear and bounded, with the same bytes whatever the thread count.
#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

namespace report {

/// A number as JSON, or null when it is NaN or infinite (JSON has neither).
inline nlohmann::ordered_json number_or_null(double v) {
    return v == v && v - v == 0 ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

/// `head` dumped with two-space indentation, without its closing brace, ready for
/// `,\n  "key": <array>` parts; close the document with "\n}\n".
inline std::string open_document(const nlohmann::ordered_json& head) {
    std::string out = head.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out.pop_back();  // the closing brace
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

/// Produces a JSON array of `count` elements, element_json(i) each (a JSON value, or its compact
/// text as a std::string), one compact element per line, and hands it to sink(std::string_view)
/// piece by piece. Elements are rendered in chunks on two threads, so memory stays bounded by one
/// chunk whatever the count, and the bytes are the same whatever the thread count.
template <typename Fn, typename Sink>
void emit_json_lines_array(std::size_t count, const Fn& element_json, const Sink& sink) {
    constexpr std::size_t kChunk = 8192;
    std::vector<std::string> parts;
    auto render = [&](std::size_t base, std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            if constexpr (std::is_same_v<decltype(element_json(i)), std::string>)
                parts[i - base] = element_json(i);
            else
                parts[i - base] = element_json(i).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        }
    };
    sink("[");
    std::string buffer;
    for (std::size_t base = 0; base < count; base += kChunk) {
        const std::size_t end = std::min(count, base + kChunk), n = end - base;
        parts.assign(n, std::string());
        if (n > 2048) {
            std::thread other(render, base, base + n / 2, end);
            render(base, base, base + n / 2);
            other.join();
        } else {
            render(base, base, end);
        }
        buffer.clear();
        for (std::size_t i = 0; i < n; ++i) {
            buffer += base + i ? ",\n    " : "\n    ";
            buffer += parts[i];
        }
        sink(std::string_view(buffer));
    }
    sink(count ? "\n  ]" : "]");
}

/// The same array as one string.
template <typename Fn>
std::string json_lines_array(std::size_t count, const Fn& element_json) {
    std::string out;
    emit_json_lines_array(count, element_json, [&](std::string_view piece) { out.append(piece); });
    return out;
}

/// The same array written to a stream.
template <typename Fn>
void write_json_lines_array(std::ostream& out, std::size_t count, const Fn& element_json) {
    emit_json_lines_array(count, element_json,
                          [&](std::string_view piece) { out.write(piece.data(), static_cast<std::streamsize>(piece.size())); });
}

}  // namespace report
