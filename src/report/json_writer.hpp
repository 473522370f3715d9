#pragma once
// A small streaming JSON writer for the large arrays of report.json (10^5..10^6 facts): appends
// compact JSON straight to a string in the layout nlohmann's dump(-1) writes for the same tree (key
// order as written, integral doubles as "12.0", invalid UTF-8 replaced by U+FFFD), without building
// a tree per element. Numbers get the shortest digits that round-trip (std::to_chars).
#include <string>
#include <string_view>
#include <vector>

namespace report {

/// Appends `text` as a JSON string literal.
void append_json_string(std::string& out, std::string_view text);
/// Appends a double as nlohmann writes it, or null when it is NaN or infinite.
void append_json_number(std::string& out, double value);

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    /// The key of the next member; the value call that follows writes no comma.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);
    JsonWriter& value(long long number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    /// An array of strings.
    JsonWriter& value(const std::vector<std::string>& texts);

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void separate();

    std::string& out_;
    std::vector<bool> first_;  ///< per open container: no element written yet
    bool after_key_ = false;
};

}  // namespace report
