#pragma once
// Large JSON documents written as an indented head plus arrays with one compact element per line.
// Building one nlohmann tree for 10^5..10^6 elements costs more memory and time than the data it
// describes; serialising element by element on two threads keeps both linear, with the same bytes
// whatever the thread count.
#include <string>
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

/// A JSON array of `count` elements, element_json(i) each (a JSON value, or its compact text as a
/// std::string), one compact element per line.
template <typename Fn>
std::string json_lines_array(std::size_t count, const Fn& element_json) {
    std::vector<std::string> parts(count);
    auto work = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            if constexpr (std::is_same_v<decltype(element_json(i)), std::string>)
                parts[i] = element_json(i);
            else
                parts[i] = element_json(i).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    };
    if (count > 2048) {
        std::thread other(work, count / 2, count);
        work(0, count / 2);
        other.join();
    } else {
        work(0, count);
    }
    std::size_t bytes = 8;
    for (const auto& p : parts) bytes += p.size() + 6;
    std::string out;
    out.reserve(bytes);
    out += "[";
    for (std::size_t i = 0; i < count; ++i) {
        out += i ? ",\n    " : "\n    ";
        out += parts[i];
        std::string().swap(parts[i]);
    }
    out += count ? "\n  ]" : "]";
    return out;
}

}  // namespace report
