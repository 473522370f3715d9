#pragma once
// Small string helpers shared by the readers. All functions are pure and allocation-light.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace util {

/// Hash for unordered containers of std::string that accept std::string_view lookups without
/// building a temporary string (C++20 heterogeneous lookup).
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
/// A set of strings searchable by std::string_view.
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

/// Removes ASCII whitespace at both ends.
std::string_view trim(std::string_view text);
/// ASCII lower-case copy.
std::string to_lower(std::string_view text);
/// True when `text` starts/ends with `affix` (case-sensitive).
bool starts_with(std::string_view text, std::string_view affix);
bool ends_with(std::string_view text, std::string_view affix);
/// Splits on one character, keeping empty fields.
std::vector<std::string_view> split(std::string_view text, char separator);
/// Replaces every run of non-alphanumeric ASCII characters by one '_', lower-cases, trims '_'.
/// "Tokens per Second" -> "tokens_per_second", "Generation Time (ms)" -> "generation_time_ms".
std::string normalise_name(std::string_view text);

/// Parses a whole cell as a number with std::from_chars (exact, locale-free). Accepts surrounding
/// whitespace, a leading '+', and thousands separators only in the form "1,234,567" (digits grouped
/// by three). Returns nullopt for anything else, including empty text. "NaN", "Infinity", "inf",
/// and out-of-range values such as "1e309" parse to NaN/inf so that callers can flag them.
std::optional<double> parse_number(std::string_view text);

/// True when every byte sequence in `text` is valid UTF-8 (no overlongs, no surrogates).
/// On failure `bad_offset` (if given) receives the offset of the first invalid byte.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

/// Counts '\n' in text[0, offset) and returns the 1-based line number of `offset`.
long long line_of(std::string_view text, std::size_t offset);

/// Formats a double with the shortest representation that round-trips.
std::string format_double(double value);

}  // namespace util
