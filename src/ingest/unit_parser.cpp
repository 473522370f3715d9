#include "ingest/unit_parser.hpp"

#include <array>
#include <charconv>
#include <string>

#include "util/strings.hpp"

namespace ingest {

namespace {

using model::Quantity;

struct UnitSpelling {
    std::string_view spelling;  // lower-case
    Quantity quantity;
    double to_canonical;
};

// One table of every spelling we accept (STYLE rule 8). Byte prefixes are binary on purpose:
// psutil and nvidia-smi print MiB/GiB values labelled "MB"/"GB".
constexpr std::array kSpellings = {
    UnitSpelling{"ns", Quantity::time, 1e-9},        UnitSpelling{"nsec", Quantity::time, 1e-9},
    UnitSpelling{"nsecond", Quantity::time, 1e-9},   UnitSpelling{"nanoseconds", Quantity::time, 1e-9},
    UnitSpelling{"us", Quantity::time, 1e-6},        UnitSpelling{"\xc2\xb5s", Quantity::time, 1e-6},
    UnitSpelling{"\xce\xbcs", Quantity::time, 1e-6}, UnitSpelling{"usecond", Quantity::time, 1e-6},
    UnitSpelling{"microseconds", Quantity::time, 1e-6},
    UnitSpelling{"ms", Quantity::time, 1e-3},        UnitSpelling{"msec", Quantity::time, 1e-3},
    UnitSpelling{"msecond", Quantity::time, 1e-3},   UnitSpelling{"millisecond", Quantity::time, 1e-3},
    UnitSpelling{"milliseconds", Quantity::time, 1e-3},
    UnitSpelling{"s", Quantity::time, 1},            UnitSpelling{"sec", Quantity::time, 1},
    UnitSpelling{"secs", Quantity::time, 1},         UnitSpelling{"second", Quantity::time, 1},
    UnitSpelling{"seconds", Quantity::time, 1},
    UnitSpelling{"min", Quantity::time, 60},         UnitSpelling{"mins", Quantity::time, 60},
    UnitSpelling{"minute", Quantity::time, 60},      UnitSpelling{"minutes", Quantity::time, 60},
    UnitSpelling{"h", Quantity::time, 3600},         UnitSpelling{"hr", Quantity::time, 3600},
    UnitSpelling{"hours", Quantity::time, 3600},     UnitSpelling{"hour", Quantity::time, 3600},
    UnitSpelling{"tok/s", Quantity::throughput, 1},  UnitSpelling{"tokens/s", Quantity::throughput, 1},
    UnitSpelling{"token/s", Quantity::throughput, 1},UnitSpelling{"tokens/sec", Quantity::throughput, 1},
    UnitSpelling{"tok/sec", Quantity::throughput, 1},UnitSpelling{"t/s", Quantity::throughput, 1},
    UnitSpelling{"tps", Quantity::throughput, 1},    UnitSpelling{"tokens per second", Quantity::throughput, 1},
    UnitSpelling{"tokens/second", Quantity::throughput, 1},
    UnitSpelling{"tok/ms", Quantity::throughput, 1e3},
    UnitSpelling{"tok", Quantity::tokens, 1},        UnitSpelling{"tokens", Quantity::tokens, 1},
    UnitSpelling{"token", Quantity::tokens, 1},
    UnitSpelling{"req/s", Quantity::rate, 1},        UnitSpelling{"requests/s", Quantity::rate, 1},
    UnitSpelling{"it/s", Quantity::rate, 1},         UnitSpelling{"ops/s", Quantity::rate, 1},
    UnitSpelling{"b", Quantity::bytes, 1},           UnitSpelling{"byte", Quantity::bytes, 1},
    UnitSpelling{"bytes", Quantity::bytes, 1},
    UnitSpelling{"kb", Quantity::bytes, 1024.0},     UnitSpelling{"kib", Quantity::bytes, 1024.0},
    UnitSpelling{"kbyte", Quantity::bytes, 1024.0},
    UnitSpelling{"mb", Quantity::bytes, 1048576.0},  UnitSpelling{"mib", Quantity::bytes, 1048576.0},
    UnitSpelling{"mbyte", Quantity::bytes, 1048576.0},
    UnitSpelling{"gb", Quantity::bytes, 1073741824.0},  UnitSpelling{"gib", Quantity::bytes, 1073741824.0},
    UnitSpelling{"gbyte", Quantity::bytes, 1073741824.0},
    UnitSpelling{"tb", Quantity::bytes, 1099511627776.0}, UnitSpelling{"tib", Quantity::bytes, 1099511627776.0},
    UnitSpelling{"%", Quantity::percent, 1},         UnitSpelling{"percent", Quantity::percent, 1},
    UnitSpelling{"pct", Quantity::percent, 1},
    UnitSpelling{"w", Quantity::power, 1},           UnitSpelling{"watt", Quantity::power, 1},
    UnitSpelling{"watts", Quantity::power, 1},       UnitSpelling{"mw", Quantity::power, 1e-3},
    UnitSpelling{"kw", Quantity::power, 1e3},
    UnitSpelling{"\xc2\xb0" "c", Quantity::temperature, 1}, UnitSpelling{"degc", Quantity::temperature, 1},
    UnitSpelling{"celsius", Quantity::temperature, 1},
    UnitSpelling{"hz", Quantity::frequency, 1},      UnitSpelling{"khz", Quantity::frequency, 1e3},
    UnitSpelling{"mhz", Quantity::frequency, 1e6},   UnitSpelling{"ghz", Quantity::frequency, 1e9},
    UnitSpelling{"cycle/nsecond", Quantity::frequency, 1e9},
    UnitSpelling{"x", Quantity::ratio, 1},           UnitSpelling{"\xc3\x97", Quantity::ratio, 1},
};

const UnitSpelling* lookup(std::string_view lowered) {
    for (const auto& entry : kSpellings)
        if (entry.spelling == lowered) return &entry;
    return nullptr;
}

std::string_view strip_brackets(std::string_view text) {
    text = util::trim(text);
    if (text.size() >= 2 && ((text.front() == '(' && text.back() == ')') ||
                             (text.front() == '[' && text.back() == ']')))
        text = util::trim(text.substr(1, text.size() - 2));
    return text;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_byte(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Length of a number at text[i]: [-+]?digits[.digits]([eE][-+]?digits)?, with "1,234" grouping.
std::size_t number_length(std::string_view text, std::size_t i) {
    std::size_t j = i;
    if (j < text.size() && (text[j] == '-' || text[j] == '+')) ++j;
    std::size_t digits = 0;
    while (j < text.size() && (is_digit(text[j]) ||
                               (text[j] == ',' && digits > 0 && j + 3 < text.size() + 0 &&
                                j + 3 <= text.size() && is_digit(text[j + 1]) && is_digit(text[j + 2]) &&
                                is_digit(text[j + 3]) && (j + 4 >= text.size() || !is_digit(text[j + 4]))))) {
        if (is_digit(text[j])) ++digits;
        ++j;
    }
    if (j + 1 < text.size() && text[j] == '.' && is_digit(text[j + 1])) {
        ++j;
        while (j < text.size() && is_digit(text[j])) { ++j; ++digits; }
    }
    if (digits == 0) return 0;
    if (j + 1 < text.size() && (text[j] == 'e' || text[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < text.size() && (text[k] == '-' || text[k] == '+')) ++k;
        if (k < text.size() && is_digit(text[k])) {
            while (k < text.size() && is_digit(text[k])) ++k;
            j = k;
        }
    }
    return j - i;
}

// ASCII case-insensitive comparison against an already lower-case spelling, without allocating.
bool equals_lower(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (std::size_t k = 0; k < text.size(); ++k) {
        char c = text[k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[k]) return false;
    }
    return true;
}

// Longest unit spelling starting at text[i] (after optional spaces), ending at a word boundary.
std::optional<std::pair<std::size_t, std::size_t>> unit_after(std::string_view text, std::size_t i) {
    std::size_t start = i;
    while (start < text.size() && text[start] == ' ' && start - i < 2) ++start;
    std::size_t best = 0;
    for (const auto& entry : kSpellings) {
        std::size_t len = entry.spelling.size();
        if (len <= best || start + len > text.size()) continue;
        if (!equals_lower(text.substr(start, len), entry.spelling)) continue;
        // Unit must end at a word boundary ("5 s" yes, "5 seeds" no); '%' ends by itself.
        char last = entry.spelling.back();
        if (start + len < text.size() && is_word_byte(text[start + len]) && is_word_byte(last)) continue;
        best = len;
    }
    if (best == 0) return std::nullopt;
    return std::make_pair(start, best);
}

}  // namespace

std::optional<model::Unit> parse_unit(std::string_view text) {
    std::string_view inner = strip_brackets(text);
    if (inner.empty() || inner.size() > 40) return std::nullopt;
    std::string lowered = util::to_lower(inner);
    const UnitSpelling* entry = lookup(lowered);
    if (!entry) {
        // "tokens per sec", "Tokens Per Second": collapse spaces and retry through the name normaliser.
        std::string normal = util::normalise_name(inner);
        if (normal == "tokens_per_second" || normal == "tokens_per_sec" || normal == "tok_per_s")
            entry = lookup("tok/s");
    }
    if (!entry) return std::nullopt;
    return model::Unit{entry->quantity, entry->to_canonical, std::string(inner)};
}

std::vector<NumberWithUnit> find_numbers_with_units(std::string_view text) {
    std::vector<NumberWithUnit> found;
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        bool starts_number = is_digit(c) || ((c == '-' || c == '+') && i + 1 < text.size() && is_digit(text[i + 1]));
        // A number glued to a word ("q4_0", "llama3", "v2.5") is an identifier, not a quantity.
        if (!starts_number || (i > 0 && (is_word_byte(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == ':'))) {
            ++i;
            continue;
        }
        std::size_t len = number_length(text, i);
        if (len == 0) { ++i; continue; }
        std::size_t end = i + len;
        // Glued to a following identifier character other than a unit ("8b", "3x3") -> skip the token.
        auto unit = unit_after(text, end);
        // A lower-case "b" after a number is a parameter count ("8b"), not bytes.
        if (unit && unit->second == 1 && text[unit->first] == 'b') unit.reset();
        if (unit) {
            std::string number_text(text.substr(i, len));
            std::string plain;
            for (char ch : number_text) if (ch != ',') plain += ch;
            auto value = util::parse_number(plain);
            if (value) {
                NumberWithUnit item;
                item.offset = i;
                item.length = unit->first + unit->second - i;
                item.value = *value;
                item.unit_text = text.substr(unit->first, unit->second);
                item.unit = *parse_unit(item.unit_text);
                found.push_back(item);
                i = unit->first + unit->second;
                continue;
            }
        }
        i = end;
        while (i < text.size() && is_word_byte(text[i])) ++i;
    }
    return found;
}

}  // namespace ingest
