#include "ingest/json_rules.hpp"

#include <algorithm>
#include <vector>

#include "util/strings.hpp"

namespace ingest::json {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

std::optional<double> sentinel_number(std::string_view text) {
    if (!util::starts_with(text, kSentinelPrefix)) return std::nullopt;
    return util::parse_number(text.substr(kSentinelPrefix.size()));
}

// Error text of an "error" member: a non-blank string, or the "message" of an error object.
std::string_view error_text(element e) {
    if (e.type() == element_type::OBJECT) {
        element message;
        if (as_object(e).at_key("message").get(message) == simdjson::SUCCESS) return error_text(message);
        return {};
    }
    if (e.type() != element_type::STRING) return {};
    std::string_view text = e.get_string().value_unsafe();
    return sentinel_number(text) ? std::string_view{} : util::trim(text);
}

// Case-insensitive key match against a lower-case word, without allocating (runs on every member).
bool key_is(std::string_view key, std::string_view word) {
    if (key.size() != word.size()) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = (key[i] >= 'A' && key[i] <= 'Z') ? static_cast<char>(key[i] - 'A' + 'a') : key[i];
        if (c != word[i]) return false;
    }
    return true;
}

bool similar_keys(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
    std::size_t common = 0;
    auto i = a.begin(), j = b.begin();
    while (i != a.end() && j != b.end()) {
        if (*i < *j) ++i;
        else if (*j < *i) ++j;
        else { ++common; ++i; ++j; }
    }
    return common * 2 >= std::max(a.size(), b.size());
}

}  // namespace

std::string sentinel_json(std::string_view literal) { return "\"\\u0000" + std::string(literal) + "\""; }

// The value of a number (or number sentinel); nullopt for anything else.
std::optional<double> number_of(element e) {
    switch (e.type()) {
        case element_type::INT64: return static_cast<double>(e.get_int64().value_unsafe());
        case element_type::UINT64: return static_cast<double>(e.get_uint64().value_unsafe());
        case element_type::DOUBLE: return e.get_double().value_unsafe();
        case element_type::STRING: return sentinel_number(e.get_string().value_unsafe());
        default: return std::nullopt;
    }
}

// A table cell: integers keep their exact digits, doubles use util::format_double.
model::Cell make_cell(element e) {
    model::Cell cell;
    switch (e.type()) {
        case element_type::INT64: cell.text = std::to_string(e.get_int64().value_unsafe()); break;
        case element_type::UINT64: cell.text = std::to_string(e.get_uint64().value_unsafe()); break;
        case element_type::DOUBLE: cell.text = util::format_double(e.get_double().value_unsafe()); break;
        case element_type::BOOL: cell.text = e.get_bool().value_unsafe() ? "true" : "false"; return cell;
        case element_type::STRING: {
            std::string_view text = e.get_string().value_unsafe();
            if (!sentinel_number(text)) { cell.text = text; return cell; }
            cell.text = util::format_double(*sentinel_number(text));
            break;
        }
        default: return cell;  // null (and containers, never passed here) are missing
    }
    cell.number = *number_of(e);
    cell.is_number = true;
    return cell;
}

// Text of a string or bool leaf, the kinds that can qualify numbers as dimensions.
std::optional<std::string_view> dimension_text(element e) {
    if (e.type() == element_type::BOOL) return e.get_bool().value_unsafe() ? "true" : "false";
    if (e.type() != element_type::STRING) return std::nullopt;
    std::string_view text = e.get_string().value_unsafe();
    if (sentinel_number(text) || util::trim(text).empty() || text.size() > kMaxDimensionLength) return std::nullopt;
    return text;
}

// Keys that hold prose or diagnostics rather than configuration ("banter_text", "graph_preview").
bool is_prose_key(std::string_view key) {
    static constexpr std::string_view kWords[] = {
        "prompt", "prompts", "response", "responses", "text", "texts", "output", "outputs",
        "graph", "preview", "content", "message", "messages", "completion", "completions",
        "error", "errors", "traceback", "stderr", "stdout", "exception", "variations", "reasoning"};
    const std::string name = util::normalise_name(key);
    for (std::string_view word : util::split(name, '_'))
        if (std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords)) return true;
    return false;
}

// "backends" -> "backend", "processes" -> "process", "categories" -> "category".
std::string singular(std::string_view key) {
    std::string s(key);
    auto ends = [&](std::string_view suffix) { return util::ends_with(s, suffix); };
    if (s.size() <= 2 || ends("series") || ends("species")) return s;
    if (ends("ies")) return s.substr(0, s.size() - 3) + "y";
    if (ends("sses") || ends("xes") || ends("ches") || ends("shes") || ends("uses")) return s.substr(0, s.size() - 2);
    if (ends("ss") || ends("us") || ends("is")) return s;
    if (ends("s")) return s.substr(0, s.size() - 1);
    return s;
}

// Whitespace runs collapsed to one space, cut to kMaxReasonLength bytes on a UTF-8 boundary.
std::string clip_reason(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : util::trim(text)) {
        const bool is_space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (is_space) { space = true; continue; }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    if (out.size() <= kMaxReasonLength) return out;
    std::size_t cut = kMaxReasonLength;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    return out + "...";
}

// Failure marked by the object's own members: "success": false and/or a non-empty "error".
std::optional<std::string> direct_failure(object obj, std::string_view prefix) {
    bool success_false = false;
    std::string_view error;
    for (auto [key, value] : obj) {
        if (value.type() == element_type::BOOL && key_is(key, "success"))
            success_false = success_false || !value.get_bool().value_unsafe();
        else if (error.empty() && key_is(key, "error"))
            error = error_text(value);
    }
    std::string where(prefix);
    if (success_false) return error.empty() ? where + "success=false" : where + "success=false: " + clip_reason(error);
    if (!error.empty()) return where + "error: " + clip_reason(error);
    return std::nullopt;
}

// An object whose values are 2+ objects (nulls aside) sharing at least half of their keys with
// the first one: `"backends": {"eager": {...}, "onnx": {...}}`.
bool is_dimension_level(object obj) {
    if (obj.size() < 2) return false;
    std::vector<std::string_view> first, keys;
    std::size_t entries = 0;
    for (auto [key, value] : obj) {
        if (value.type() == element_type::NULL_VALUE) continue;
        if (value.type() != element_type::OBJECT) return false;
        object entry = as_object(value);
        if (entry.size() == 0) return false;
        auto& target = entries == 0 ? first : keys;
        target.clear();
        for (auto member : entry) target.push_back(member.key);
        std::sort(target.begin(), target.end());
        if (entries > 0 && !similar_keys(first, keys)) return false;
        ++entries;
    }
    return entries >= 2;
}

// Failure marked anywhere in an object's tree of objects (not inside arrays, nor below nested
// dimension levels, whose entries answer for themselves). The first marker in document order wins.
std::optional<std::string> find_failure(object obj, const std::string& prefix, int depth) {
    if (auto reason = direct_failure(obj, prefix)) return reason;
    if (depth > kMaxDepth) return std::nullopt;
    for (auto [key, value] : obj) {
        if (value.type() != element_type::OBJECT || is_dimension_level(as_object(value))) continue;
        if (auto reason = find_failure(as_object(value), prefix + std::string(key) + ".", depth + 1)) return reason;
    }
    return std::nullopt;
}

// "metrics[2].gpu" -> "metrics[*].gpu": arrays nested in records share one table.
std::string star_indices(std::string_view path) {
    std::string out;
    out.reserve(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        out += path[i];
        if (path[i] != '[') continue;
        std::size_t end = i + 1;
        while (end < path.size() && path[end] >= '0' && path[end] <= '9') ++end;
        if (end > i + 1 && end < path.size() && path[end] == ']') { out += '*'; i = end - 1; }
    }
    return out;
}

}  // namespace ingest::json
