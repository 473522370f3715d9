#include "analysis/fact.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>

#include "util/parallel.hpp"

namespace analysis {

namespace {

// std::to_chars with a precision is specified "as if by printf" (%.Nf / %.Ng) and is exact, but
// does not parse a format string; facts format millions of values in a large folder.
std::string fixed(double v, int decimals) {
    char buffer[384];  // %.Nf of the largest double has 309 integer digits
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, decimals);
    return ec == std::errc() ? std::string(buffer, end) : std::string("n/a");
}

std::string general3(double v) {
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, 3);
    return std::string(buffer, end);
}

// Four significant digits without exponent for ordinary magnitudes.
std::string significant4(double v) {
    double a = std::fabs(v);
    if (a == 0) return "0";
    if (a >= 1000) return fixed(v, 0);
    if (a >= 100) return fixed(v, 1);
    if (a >= 10) return fixed(v, 2);
    if (a >= 1) return fixed(v, 3);
    if (a >= 0.001) return fixed(v, 4);
    return general3(v);
}

}  // namespace

std::string format_value(double v, model::Quantity q) {
    using model::Quantity;
    if (std::isnan(v)) return "n/a";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    switch (q) {
        case Quantity::time:
            if (std::fabs(v) < 1.0 && v != 0) return significant4(v * 1e3) + " ms";
            return significant4(v) + " s";
        case Quantity::throughput: return fixed(v, 2) + " tok/s";
        case Quantity::rate: return fixed(v, 2) + " /s";
        case Quantity::percent: return fixed(v, 1) + " %";
        case Quantity::ratio: return fixed(v, 2) + "x";
        case Quantity::tokens: return (v == std::floor(v) ? fixed(v, 0) : fixed(v, 1)) + " tokens";
        case Quantity::bytes:
            if (std::fabs(v) >= 1073741824.0) return fixed(v / 1073741824.0, 2) + " GiB";
            if (std::fabs(v) >= 1048576.0) return fixed(v / 1048576.0, 1) + " MiB";
            return fixed(v, 0) + " B";
        case Quantity::power: return fixed(v, 1) + " W";
        case Quantity::temperature: return fixed(v, 1) + " \xC2\xB0" "C";
        case Quantity::frequency: return significant4(v / 1e6) + " MHz";
        case Quantity::count: return v == std::floor(v) ? fixed(v, 0) : fixed(v, 1);
        case Quantity::unknown: return significant4(v);
    }
    return significant4(v);
}

namespace {

std::pair<std::string, std::string> split_parts(const std::string& text, model::Quantity quantity) {
    if (quantity == model::Quantity::ratio && !text.empty() && text.back() == 'x')
        return {text.substr(0, text.size() - 1), "x"};
    auto space = text.find(' ');
    if (space == std::string::npos) return {text, ""};
    return {text.substr(0, space), text.substr(space + 1)};
}

FactValue value_with_text(std::string label, double canonical, model::Quantity quantity, std::string text) {
    // The split of split_parts(), as offsets: "1.5x" -> "1.5" + "x", "7.90 tok/s" -> "7.90" + "tok/s".
    std::size_t number_size = text.size(), unit_offset = text.size();
    if (quantity == model::Quantity::ratio && !text.empty() && text.back() == 'x') {
        number_size = unit_offset = text.size() - 1;
    } else if (auto space = text.find(' '); space != std::string::npos) {
        number_size = space;
        unit_offset = space + 1;
    }
    FactValue v;
    v.label = std::move(label);
    v.value = canonical;
    v.quantity = quantity;
    v.number_size = static_cast<std::uint16_t>(number_size);
    v.unit_offset = static_cast<std::uint16_t>(unit_offset);
    v.text = std::move(text);
    return v;
}

}  // namespace

std::pair<std::string, std::string> format_parts(double canonical, model::Quantity quantity) {
    return split_parts(format_value(canonical, quantity), quantity);
}

FactValue make_value(std::string label, double canonical, model::Quantity quantity) {
    return value_with_text(std::move(label), canonical, quantity, format_value(canonical, quantity));
}

FactValue make_value_like(std::string label, double canonical, model::Quantity quantity, double reference) {
    using model::Quantity;
    if (!std::isfinite(canonical) || !std::isfinite(reference) || (quantity != Quantity::time && quantity != Quantity::bytes))
        return make_value(std::move(label), canonical, quantity);
    std::string text;
    if (quantity == Quantity::time) {
        bool ms = std::fabs(reference) < 1.0 && reference != 0;
        text = ms ? significant4(canonical * 1e3) + " ms" : significant4(canonical) + " s";
    } else {
        double a = std::fabs(reference);
        text = a >= 1073741824.0 ? fixed(canonical / 1073741824.0, 2) + " GiB"
               : a >= 1048576.0  ? fixed(canonical / 1048576.0, 1) + " MiB"
                                 : fixed(canonical, 0) + " B";
    }
    return value_with_text(std::move(label), canonical, quantity, std::move(text));
}

void FactValue::set_text(std::string_view number_part, std::string_view unit_part, bool glued) {
    text = std::string(number_part);
    if (!unit_part.empty() && !glued) text += ' ';
    number_size = static_cast<std::uint16_t>(number_part.size());
    unit_offset = static_cast<std::uint16_t>(text.size());
    text += unit_part;
}

FactValue make_count(std::string label, double count) {
    return make_value(std::move(label), count, model::Quantity::count);
}

std::string slug(std::string_view text) {
    std::string out;
    bool dash = false;
    for (char c : text) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '.';
        if (keep) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        } else {
            dash = true;
        }
    }
    return out;
}

// Two facts must never share an id; a repeated id gets "-2", "-3", ... in input order (a renamed
// id is not itself registered). Ids are hashed on two threads, then found in one open-addressing
// table of fact indices: a million facts cost no allocation per id.
void make_ids_unique(std::vector<Fact>& facts) {
    const std::size_t n = facts.size();
    std::vector<std::uint64_t> hashes(n);
    util::for_halves(n, 1 << 14, [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) hashes[i] = std::hash<std::string_view>{}(facts[i].id);
    });
    constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
    std::size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    std::vector<std::uint32_t> slots(capacity, kEmpty);  // index of the first fact with an id
    std::vector<std::uint32_t> count(n, 0);              // occurrences so far, at first facts
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t s = hashes[i] & (capacity - 1);; s = (s + 1) & (capacity - 1)) {
            const std::uint32_t j = slots[s];
            if (j == kEmpty) {
                slots[s] = static_cast<std::uint32_t>(i);
                count[i] = 1;
                break;
            }
            if (hashes[j] == hashes[i] && facts[j].id == facts[i].id) {
                facts[i].id += "-" + std::to_string(++count[j]);
                break;
            }
        }
    }
}

std::string cell_text(const Cell& cell) {
    std::string out;
    for (const auto& [dimension, level] : cell) {
        if (!out.empty()) out += ", ";
        out.append(dimension).append("=").append(level);
    }
    return out;
}

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::info: return "info";
        case Severity::notice: return "notice";
        case Severity::warning: return "warning";
    }
    return "info";
}

}  // namespace analysis
