#include "analysis/fact.hpp"

#include <cmath>
#include <cstdio>

namespace analysis {

namespace {

std::string printf_string(const char* pattern, double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, v);
    return buffer;
}

// Four significant digits without exponent for ordinary magnitudes.
std::string significant4(double v) {
    double a = std::fabs(v);
    if (a == 0) return "0";
    if (a >= 1000) return printf_string("%.0f", v);
    if (a >= 100) return printf_string("%.1f", v);
    if (a >= 10) return printf_string("%.2f", v);
    if (a >= 1) return printf_string("%.3f", v);
    if (a >= 0.001) return printf_string("%.4f", v);
    return printf_string("%.3g", v);
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
        case Quantity::throughput: return printf_string("%.2f", v) + " tok/s";
        case Quantity::rate: return printf_string("%.2f", v) + " /s";
        case Quantity::percent: return printf_string("%.1f", v) + " %";
        case Quantity::ratio: return printf_string("%.2f", v) + "x";
        case Quantity::tokens: return (v == std::floor(v) ? printf_string("%.0f", v) : printf_string("%.1f", v)) + " tokens";
        case Quantity::bytes:
            if (std::fabs(v) >= 1073741824.0) return printf_string("%.2f", v / 1073741824.0) + " GiB";
            if (std::fabs(v) >= 1048576.0) return printf_string("%.1f", v / 1048576.0) + " MiB";
            return printf_string("%.0f", v) + " B";
        case Quantity::power: return printf_string("%.1f", v) + " W";
        case Quantity::temperature: return printf_string("%.1f", v) + " \xC2\xB0" "C";
        case Quantity::frequency: return significant4(v / 1e6) + " MHz";
        case Quantity::count: return v == std::floor(v) ? printf_string("%.0f", v) : printf_string("%.1f", v);
        case Quantity::unknown: return significant4(v);
    }
    return significant4(v);
}

std::pair<std::string, std::string> format_parts(double canonical, model::Quantity quantity) {
    std::string text = format_value(canonical, quantity);
    if (quantity == model::Quantity::ratio && !text.empty() && text.back() == 'x')
        return {text.substr(0, text.size() - 1), "x"};
    auto space = text.find(' ');
    if (space == std::string::npos) return {text, ""};
    return {text.substr(0, space), text.substr(space + 1)};
}

FactValue make_value(std::string label, double canonical, model::Quantity quantity) {
    auto [number, unit] = format_parts(canonical, quantity);
    return FactValue{std::move(label), canonical, quantity, format_value(canonical, quantity), number, unit};
}

FactValue make_value_like(std::string label, double canonical, model::Quantity quantity, double reference) {
    using model::Quantity;
    FactValue v = make_value(std::move(label), canonical, quantity);
    if (!std::isfinite(canonical) || !std::isfinite(reference)) return v;
    std::string text;
    if (quantity == Quantity::time) {
        bool ms = std::fabs(reference) < 1.0 && reference != 0;
        text = ms ? significant4(canonical * 1e3) + " ms" : significant4(canonical) + " s";
    } else if (quantity == Quantity::bytes) {
        double a = std::fabs(reference);
        text = a >= 1073741824.0 ? printf_string("%.2f", canonical / 1073741824.0) + " GiB"
               : a >= 1048576.0  ? printf_string("%.1f", canonical / 1048576.0) + " MiB"
                                 : printf_string("%.0f", canonical) + " B";
    } else {
        return v;
    }
    v.text = text;
    auto space = text.find(' ');
    v.number = text.substr(0, space);
    v.unit = text.substr(space + 1);
    return v;
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

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::info: return "info";
        case Severity::notice: return "notice";
        case Severity::warning: return "warning";
    }
    return "info";
}

}  // namespace analysis
