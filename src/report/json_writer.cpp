#include "report/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "util/strings.hpp"

namespace report {

namespace {

// nlohmann's number layout for the shortest digits d1..dk of a value d1.d2..dk x 10^(n-1):
// plain decimals for -4 < n <= 15 (integral values end in ".0"), otherwise d1.d2..e+NN.
void append_layout(std::string& out, std::string_view digits, int n) {
    const int k = static_cast<int>(digits.size());
    if (k <= n && n <= 15) {
        out.append(digits);
        out.append(static_cast<std::size_t>(n - k), '0');
        out += ".0";
    } else if (0 < n && n <= 15) {
        out.append(digits.substr(0, static_cast<std::size_t>(n)));
        out += '.';
        out.append(digits.substr(static_cast<std::size_t>(n)));
    } else if (-4 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out.append(digits);
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits.substr(1));
        }
        int e = n - 1;
        out += 'e';
        out += e < 0 ? '-' : '+';
        e = std::abs(e);
        char buffer[8];
        int len = std::snprintf(buffer, sizeof buffer, "%02d", e);
        out.append(buffer, static_cast<std::size_t>(len));
    }
}

}  // namespace

void append_json_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    if (value == 0) {
        out += std::signbit(value) ? "-0.0" : "0.0";
        return;
    }
    if (value < 0) {
        out += '-';
        value = -value;
    }
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string_view sci(buffer, static_cast<std::size_t>(end - buffer));  // "d.ddde+XX"
    auto e_pos = sci.find('e');
    char digit_buffer[32];  // the digits without the point: at most 17
    std::size_t n_digits = 0;
    digit_buffer[n_digits++] = sci[0];
    for (std::size_t i = 2; i < e_pos; ++i) digit_buffer[n_digits++] = sci[i];
    std::string_view digits(digit_buffer, n_digits);
    int exponent = 0;
    std::string_view exp_text = sci.substr(e_pos + 1);
    if (!exp_text.empty() && exp_text.front() == '+') exp_text.remove_prefix(1);
    std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
    append_layout(out, digits, exponent + 1);
}

void append_json_string(std::string& out, std::string_view text) {
    if (!util::is_valid_utf8(text)) {  // rare: let nlohmann apply its replacement rules
        out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.substr(plain, i - plain));
        plain = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 15];
        }
    }
    out.append(text.substr(plain));
    out += '"';
}

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
    }
}

JsonWriter& JsonWriter::open(char bracket) {
    separate();
    out_ += bracket;
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    out_ += bracket;
    first_.pop_back();
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    append_json_string(out_, name);
    out_ += ':';
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    separate();
    append_json_string(out_, text);
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    separate();
    append_json_number(out_, number);
    return *this;
}

JsonWriter& JsonWriter::value(long long number) {
    separate();
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
    out_.append(buffer, end);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    separate();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& texts) {
    begin_array();
    for (const auto& t : texts) value(std::string_view(t));
    return end_array();
}

}  // namespace report
