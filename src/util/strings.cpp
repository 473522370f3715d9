#include "util/strings.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace util {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignore_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// "1,234,567.5": groups of exactly three digits after the first comma.
std::optional<std::string> strip_thousands(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) out += text[i++];
    std::size_t lead = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') { out += text[i++]; ++lead; }
    if (lead == 0 || lead > 3 || i >= text.size() || text[i] != ',') return std::nullopt;
    while (i < text.size() && text[i] == ',') {
        ++i;
        for (int k = 0; k < 3; ++k, ++i) {
            if (i >= text.size() || text[i] < '0' || text[i] > '9') return std::nullopt;
            out += text[i];
        }
    }
    if (i < text.size() && text[i] != '.') return std::nullopt;
    out.append(text.substr(i));
    return out;
}
}  // namespace

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = lower(c);
    return out;
}

bool starts_with(std::string_view text, std::string_view affix) { return text.substr(0, affix.size()) == affix; }
bool ends_with(std::string_view text, std::string_view affix) {
    return text.size() >= affix.size() && text.substr(text.size() - affix.size()) == affix;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == separator) {
            out.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

std::string normalise_name(std::string_view text) {
    std::string out;
    bool pending = false;
    for (char c : text) {
        if (is_alnum(c)) {
            if (pending && !out.empty()) out += '_';
            pending = false;
            out += lower(c);
        } else if (c == '%') {
            if (!out.empty()) out += '_';
            out += "percent";
            pending = true;
        } else {
            pending = true;
        }
    }
    return out;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && (text.front() == '-' || text.front() == '+')) return std::nullopt;
    }
    if (text.empty()) return std::nullopt;
    const bool negative = text.front() == '-';
    std::string_view body = negative ? text.substr(1) : text;
    if (body.empty() || body.front() == '-' || body.front() == '+') return std::nullopt;
    constexpr double kInf = std::numeric_limits<double>::infinity();
    if (equals_ignore_case(body, "nan")) return std::numeric_limits<double>::quiet_NaN();
    if (equals_ignore_case(body, "inf") || equals_ignore_case(body, "infinity")) return negative ? -kInf : kInf;
    double value = 0;
    const char* last = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), last, value, std::chars_format::general);
    if (ptr == last && ec == std::errc::result_out_of_range) {
        // from_chars leaves `value` untouched on overflow/underflow: decide magnitude from the exponent.
        auto e = body.find_first_of("eE");
        bool tiny = e != std::string_view::npos && e + 1 < body.size() && body[e + 1] == '-';
        if (tiny) return negative ? -0.0 : 0.0;
        return negative ? -kInf : kInf;
    }
    if (ec == std::errc() && ptr == last) return value;
    if (text.find(',') != std::string_view::npos) {
        if (auto plain = strip_thousands(text)) {
            auto [p2, e2] = std::from_chars(plain->data(), plain->data() + plain->size(), value);
            if (e2 == std::errc() && p2 == plain->data() + plain->size()) return value;
        }
    }
    return std::nullopt;
}

bool is_valid_utf8(std::string_view text, std::size_t* bad_offset) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Fast path: eight ASCII bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t word;
            __builtin_memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else { if (bad_offset) *bad_offset = i; return false; }
        if (i + len > n) { if (bad_offset) *bad_offset = i; return false; }
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) { if (bad_offset) *bad_offset = i; return false; }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            if (bad_offset) *bad_offset = i;
            return false;
        }
        i += len;
    }
    return true;
}

long long line_of(std::string_view text, std::size_t offset) {
    long long line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

std::string format_double(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
    char buffer[64];
    auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, ptr);
}

}  // namespace util
