// Tokens of path segments for layout discovery (docs/design.md "Layout"): the one vocabulary
// table, key-value reading, timestamps, and natural order.
#include "analysis/layout_tokens.hpp"

#include <array>
#include <algorithm>

#include "util/strings.hpp"

namespace analysis::layout {
namespace detail {
namespace {

struct Word {
    std::string_view text;
    WordClass word_class;
};

/// The vocabulary of layout discovery (docs/design.md "Layout", vocabulary). Lower case.
constexpr auto kVocabulary = std::to_array<Word>({
    {"bf16", WordClass::precision},   {"fp16", WordClass::precision},   {"fp32", WordClass::precision},
    {"fp8", WordClass::precision},    {"fp4", WordClass::precision},    {"int8", WordClass::precision},
    {"int4", WordClass::precision},   {"nvfp4", WordClass::precision},  {"mxfp4", WordClass::precision},
    {"q4_0", WordClass::precision},   {"q4_k_m", WordClass::precision}, {"q8_0", WordClass::precision},
    {"awq", WordClass::precision},    {"gptq", WordClass::precision},
    {"cpu", WordClass::device},       {"cuda", WordClass::device},      {"gpu", WordClass::device},
    {"mps", WordClass::device},       {"rocm", WordClass::device},      {"xpu", WordClass::device},
    {"gpt", WordClass::model_family}, {"llama", WordClass::model_family}, {"qwen", WordClass::model_family},
    {"phi", WordClass::model_family}, {"gemma", WordClass::model_family}, {"mistral", WordClass::model_family},
    {"mixtral", WordClass::model_family}, {"deepseek", WordClass::model_family}, {"glm", WordClass::model_family},
    {"falcon", WordClass::model_family}, {"olmo", WordClass::model_family}, {"granite", WordClass::model_family},
    {"run", WordClass::replicate},    {"rep", WordClass::replicate},    {"repeat", WordClass::replicate},
    {"seed", WordClass::replicate},   {"trial", WordClass::replicate},  {"iter", WordClass::replicate},
    {"iteration", WordClass::replicate},
    {"bf", WordClass::never_key},     {"fp", WordClass::never_key},     {"int", WordClass::never_key},
    {"uint", WordClass::never_key},   {"nvfp", WordClass::never_key},   {"mxfp", WordClass::never_key},
    {"results", WordClass::generic_folder}, {"result", WordClass::generic_folder},
    {"data", WordClass::generic_folder},    {"runs", WordClass::generic_folder},
    {"output", WordClass::generic_folder},  {"outputs", WordClass::generic_folder},
    {"out", WordClass::generic_folder},     {"logs", WordClass::generic_folder},
});

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool equals_lower(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

/// Value of `count` digits at text[pos], -1 when they are not all digits.
int digits_at(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos + count > text.size()) return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!is_digit(text[i])) return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool valid_date(int year, int month, int day) {
    return year >= 1970 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
bool valid_time(int hours, int minutes, int seconds) {
    return hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60 && seconds >= 0 && seconds < 61;
}
bool digit_at(std::string_view text, std::size_t pos) { return pos < text.size() && is_digit(text[pos]); }
bool one_of(std::string_view text, std::size_t pos, std::string_view chars) {
    return pos < text.size() && chars.find(text[pos]) != std::string_view::npos;
}

Token keyed_token(std::string_view text, FactorRole role, std::string_view key, std::string_view value) {
    Token token;
    token.text = std::string(text);
    token.keyed = true;
    token.role = role;
    token.key = std::string(key);
    token.value = std::string(value);
    return token;
}

/// "run3", "run-3", "run_3", "iteration4": a replicate word then digits.
std::optional<Token> read_replicate(std::string_view text) {
    std::size_t letters = 0;
    while (letters < text.size() && is_letter(text[letters])) ++letters;
    std::size_t digits = letters < text.size() && (text[letters] == '-' || text[letters] == '_') ? letters + 1 : letters;
    if (letters == 0 || !is_digits(text.substr(digits)) || word_class(text.substr(0, letters)) != WordClass::replicate)
        return std::nullopt;
    Token token = keyed_token(text, FactorRole::replicate, text.substr(0, letters), text.substr(digits));
    token.prefix = std::string(text.substr(0, digits));
    token.rule = "replicate marker '" + token.text + "' => " + token.key + "=" + token.value;
    return token;
}

std::optional<Token> read_keyed(std::string_view text) {
    if (!text.empty() && timestamp_length(text) == text.size()) {
        Token token = keyed_token(text, FactorRole::session, "session", text);
        token.rule = "timestamp '" + token.text + "' => session";
        return token;
    }
    if (auto replicate = read_replicate(text)) return replicate;
    if (word_class(text)) return std::nullopt;  // a vocabulary word is never split (bf16, gpt4 stays)
    KeyValue kv = read_key_value(text);
    if (!kv.ok) return std::nullopt;
    std::size_t prefix = kv.key.size() + (one_of(text, kv.key.size(), "-=_") ? 1 : 0);
    FactorRole role = is_number(kv.value) ? FactorRole::setting : FactorRole::category;
    if (word_class(kv.key) == WordClass::replicate) {  // seed=7: a repeat, its value as written
        role = FactorRole::replicate;
        kv.value = std::string(text.substr(prefix));
    }
    Token token = keyed_token(text, role, kv.key, kv.value);
    token.prefix = std::string(text.substr(0, prefix));
    token.rule = kv.rule;
    token.leading_zero = kv.leading_zero;
    return token;
}

struct Piece {
    std::string_view text;
    char separator;
};

/// Splits on '_' keeping timestamps ("20251002_151824") whole.
std::vector<Piece> split_pieces(std::string_view segment) {
    std::vector<Piece> pieces;
    std::size_t pos = 0;
    char separator = '\0';
    while (true) {
        std::size_t stamp = timestamp_length(segment.substr(pos));
        std::size_t end = stamp > 0 && (pos + stamp == segment.size() || one_of(segment, pos + stamp, "_-"))
                              ? pos + stamp
                              : std::min(segment.find('_', pos), segment.size());
        pieces.push_back({segment.substr(pos, end - pos), separator});
        if (end >= segment.size()) return pieces;
        separator = segment[end];
        pos = end + 1;
    }
}

/// Pieces [first, first + count) joined by '_' when all their separators are '_'; "" otherwise.
std::string join_pieces(const std::vector<Piece>& pieces, std::size_t first, std::size_t count) {
    if (first + count > pieces.size()) return {};
    std::string joined(pieces[first].text);
    for (std::size_t i = first + 1; i < first + count; ++i) {
        if (pieces[i].separator != '_') return {};
        joined += '_';
        joined += pieces[i].text;
    }
    return joined;
}

/// Appends the tokens of one '_' piece: keyed whole, all-keyed '-' parts, or one bare token.
void add_piece_tokens(std::string_view text, char separator, std::vector<Token>& out) {
    if (auto keyed = read_keyed(text)) {
        keyed->separator = separator;
        out.push_back(std::move(*keyed));
        return;
    }
    auto parts = util::split(text, '-');
    std::vector<Token> keyed_parts;
    for (std::size_t i = 0; parts.size() > 1 && i < parts.size(); ++i) {
        auto part = read_keyed(parts[i]);
        if (!part || part->role == FactorRole::session) break;
        part->separator = i == 0 ? separator : '-';
        keyed_parts.push_back(std::move(*part));
    }
    if (parts.size() > 1 && keyed_parts.size() == parts.size()) {
        for (auto& part : keyed_parts) out.push_back(std::move(part));
        return;
    }
    Token bare;
    bare.text = std::string(text);
    bare.separator = separator;
    out.push_back(std::move(bare));
}

}  // namespace

std::optional<WordClass> word_class(std::string_view word) {
    for (const auto& entry : kVocabulary)
        if (equals_lower(word, entry.text)) return entry.word_class;
    return std::nullopt;
}

std::optional<WordClass> value_class(std::string_view value) {
    if (auto whole = word_class(value)) return whole;
    std::size_t end = value.find_first_of("-_");
    if (end == std::string_view::npos) return std::nullopt;
    return word_class(value.substr(0, end));
}

std::string_view class_factor_name(WordClass word_class) {
    switch (word_class) {
        case WordClass::precision: return "precision";
        case WordClass::device: return "device";
        default: return "";
    }
}

bool is_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!is_digit(c)) return false;
    return true;
}

bool is_number(std::string_view text) {
    if (!text.empty() && text.front() == '-') text.remove_prefix(1);
    std::size_t dot = text.find('.');
    if (dot == std::string_view::npos) return is_digits(text);
    return is_digits(text.substr(0, dot)) && is_digits(text.substr(dot + 1));
}

std::size_t timestamp_length(std::string_view text) {
    // 2025-01-01, optionally followed by T12-00-00 / _12:00:00
    if (text.size() >= 10 && text[4] == '-' && text[7] == '-' &&
        valid_date(digits_at(text, 0, 4), digits_at(text, 5, 2), digits_at(text, 8, 2))) {
        if (one_of(text, 10, "T_- ") && one_of(text, 13, "-:") && text.size() >= 19 && text[16] == text[13] &&
            valid_time(digits_at(text, 11, 2), digits_at(text, 14, 2), digits_at(text, 17, 2)) && !digit_at(text, 19))
            return 19;
        return digit_at(text, 10) ? 0 : 10;
    }
    // 20250101, optionally followed by -120000 / _120000 / T120000
    if (valid_date(digits_at(text, 0, 4), digits_at(text, 4, 2), digits_at(text, 6, 2)) && !digit_at(text, 8)) {
        if (one_of(text, 8, "-_T") && valid_time(digits_at(text, 9, 2), digits_at(text, 11, 2), digits_at(text, 13, 2)) &&
            !digit_at(text, 15))
            return 15;
        return 8;
    }
    // epoch seconds 1000000000..1999999999 (2001..2033)
    if (digits_at(text, 0, 1) == 1 && digits_at(text, 1, 9) >= 0 && !digit_at(text, 10)) return 10;
    return 0;
}

bool has_model_size_token(std::string_view value) {
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = std::min(value.find_first_of("-_", start), value.size());
        std::string_view part = value.substr(start, end - start);
        if (part.size() >= 2 && (part.back() == 'b' || part.back() == 'B')) {
            part.remove_suffix(1);
            if (!part.empty() && (part.front() == 'e' || part.front() == 'a')) part.remove_prefix(1);
            std::size_t times = part.find('x');
            if (times != std::string_view::npos && is_digits(part.substr(0, times))) part.remove_prefix(times + 1);
            if (is_number(part) && part.front() != '-') return true;
        }
        start = end + 1;
    }
    return false;
}

std::vector<Token> tokenize(std::string_view segment) {
    // key=value over the whole segment: the value may hold '_' ("model=llama_8b")
    std::size_t equals = segment.find('=');
    if (equals != std::string_view::npos && segment.find('=', equals + 1) == std::string_view::npos &&
        segment.substr(0, equals).find('_') == std::string_view::npos) {
        if (auto keyed = read_keyed(segment)) return {std::move(*keyed)};
    }
    auto pieces = split_pieces(segment);
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        std::size_t merged = 1;
        std::string joined;
        for (std::size_t count : {3, 2}) {  // q4_k_m, q8_0: vocabulary words holding '_'
            joined = join_pieces(pieces, i, count);
            if (!joined.empty() && word_class(joined)) { merged = count; break; }
        }
        if (merged == 1 && i + 1 < pieces.size() && pieces[i + 1].separator == '_' && is_digits(pieces[i + 1].text) &&
            timestamp_length(pieces[i + 1].text) != pieces[i + 1].text.size() &&
            word_class(pieces[i].text) == WordClass::replicate)
            merged = 2;  // run_3
        if (merged == 1) {
            add_piece_tokens(pieces[i].text, pieces[i].separator, tokens);
            continue;
        }
        add_piece_tokens(join_pieces(pieces, i, merged), pieces[i].separator, tokens);
        i += merged - 1;
    }
    return tokens;
}

}  // namespace detail

KeyValue read_key_value(std::string_view token) {
    using detail::is_digits;
    using detail::is_letter;
    KeyValue kv;
    std::size_t equals = token.find('=');
    std::string_view key, value;
    if (equals != std::string_view::npos) {
        key = token.substr(0, equals);
        value = token.substr(equals + 1);
        bool key_ok = !key.empty() && is_letter(key.front());
        for (char c : key) key_ok = key_ok && (is_letter(c) || detail::is_digit(c) || c == '_' || c == '-');
        if (!key_ok || value.empty() || value.find('=') != std::string_view::npos) return kv;
    } else {
        std::size_t letters = 0;
        while (letters < token.size() && is_letter(token[letters])) ++letters;
        key = token.substr(0, letters);
        value = token.substr(letters);
        if (!value.empty() && (value.front() == '-' || value.front() == '_')) value.remove_prefix(1);
        // key of two or more letters, a number after it, and no vocabulary word on either side
        if (letters < 2 || !detail::is_number(value) || value.front() == '-' || detail::word_class(token) ||
            detail::word_class(key) == detail::WordClass::model_family ||
            detail::word_class(key) == detail::WordClass::never_key)
            return kv;
    }
    kv.ok = true;
    kv.key = std::string(key);
    if (is_digits(value) && value.size() > 1 && value.front() == '0') {
        kv.value = "0.";
        kv.value += value.substr(1);
        kv.rule.append("'").append(value).append("' read as ").append(kv.value);
        kv.rule += " (leading zero taken as a decimal point)";
        kv.leading_zero = true;
    } else {
        kv.value = std::string(value);
        kv.rule = "token '" + std::string(token) + "' => " + kv.key + "=" + kv.value;
    }
    return kv;
}

namespace {

bool is_digit_char(char c) { return c >= '0' && c <= '9'; }

/// A non-negative decimal as written: integer digits and fraction digits (either may be empty).
struct Decimal {
    std::string_view whole, fraction;
};

/// Compares two decimals exactly, digit by digit (no floating point): -1, 0 or 1.
int compare_decimals(Decimal a, Decimal b) {
    auto strip = [](std::string_view digits) {
        while (!digits.empty() && digits.front() == '0') digits.remove_prefix(1);
        return digits;
    };
    std::string_view whole_a = strip(a.whole), whole_b = strip(b.whole);
    if (whole_a.size() != whole_b.size()) return whole_a.size() < whole_b.size() ? -1 : 1;
    if (int c = whole_a.compare(whole_b); c != 0) return c < 0 ? -1 : 1;
    for (std::size_t i = 0; i < std::max(a.fraction.size(), b.fraction.size()); ++i) {
        char digit_a = i < a.fraction.size() ? a.fraction[i] : '0', digit_b = i < b.fraction.size() ? b.fraction[i] : '0';
        if (digit_a != digit_b) return digit_a < digit_b ? -1 : 1;
    }
    return 0;
}

/// Reads the number at text[pos]: a digit run, with a decimal part when one '.' and digits follow
/// (not for versions like 1.2.3, whose parts are read as integers). Moves pos past it.
Decimal read_number_chunk(std::string_view text, std::size_t& pos) {
    std::size_t start = pos;
    while (pos < text.size() && is_digit_char(text[pos])) ++pos;
    Decimal number{text.substr(start, pos - start), {}};
    bool after_dot = start >= 2 && text[start - 1] == '.' && is_digit_char(text[start - 2]);
    if (!after_dot && pos + 1 < text.size() && text[pos] == '.' && is_digit_char(text[pos + 1])) {
        std::size_t end = pos + 1;
        while (end < text.size() && is_digit_char(text[end])) ++end;
        if (!(end + 1 < text.size() && text[end] == '.' && is_digit_char(text[end + 1]))) {
            number.fraction = text.substr(pos + 1, end - pos - 1);
            pos = end;
        }
    }
    return number;
}

/// Compares two whole-text numbers (detail::is_number) by value: -1, 0 or 1.
int compare_numbers(std::string_view a, std::string_view b) {
    bool negative_a = a.front() == '-', negative_b = b.front() == '-';
    if (negative_a != negative_b) return negative_a ? -1 : 1;
    auto decimal = [](std::string_view text) {
        if (text.front() == '-') text.remove_prefix(1);
        std::size_t dot = text.find('.');
        return dot == std::string_view::npos ? Decimal{text, {}} : Decimal{text.substr(0, dot), text.substr(dot + 1)};
    };
    int magnitude = compare_decimals(decimal(a), decimal(b));
    return negative_a ? -magnitude : magnitude;
}

}  // namespace

// Numbers sort first and by value; other texts compare as sequences of symbols where a digit run
// (or decimal) is one symbol ordered by value among numbers and a byte is ordered by its code.
// Ties fall back to byte order, so the order is total.
bool natural_less(std::string_view a, std::string_view b) {
    bool number_a = detail::is_number(a), number_b = detail::is_number(b);
    if (number_a && number_b) {
        int c = compare_numbers(a, b);
        return c != 0 ? c < 0 : a < b;
    }
    if (number_a != number_b) return number_a;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        bool digit_a = is_digit_char(a[i]), digit_b = is_digit_char(b[j]);
        if (digit_a && digit_b) {
            int c = compare_decimals(read_number_chunk(a, i), read_number_chunk(b, j));
            if (c != 0) return c < 0;
            continue;
        }
        char symbol_a = digit_a ? '0' : a[i], symbol_b = digit_b ? '0' : b[j];
        if (symbol_a != symbol_b) return static_cast<unsigned char>(symbol_a) < static_cast<unsigned char>(symbol_b);
        ++i;
        ++j;
    }
    if ((i < a.size()) != (j < b.size())) return j < b.size();
    return a < b;
}

}  // namespace analysis::layout
