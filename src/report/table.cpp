#include "report/table.hpp"

#include <algorithm>

namespace report {

namespace {

// Display width in code points (UTF-8 continuation bytes do not advance the cursor).
std::size_t width_of(const std::string& s) {
    std::size_t w = 0;
    for (unsigned char c : s) w += (c & 0xC0) != 0x80;
    return w;
}

Align align_of(const TextTable& t, std::size_t col) { return col < t.align.size() ? t.align[col] : Align::left; }

std::string pad(const std::string& s, std::size_t width, Align align) {
    std::size_t w = width_of(s);
    std::string fill(width > w ? width - w : 0, ' ');
    return align == Align::right ? fill + s : s + fill;
}

std::string escape_cell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

}  // namespace

std::string render_plain(const TextTable& t) {
    std::vector<std::size_t> widths(t.header.size(), 0);
    for (std::size_t c = 0; c < t.header.size(); ++c) widths[c] = width_of(t.header[c]);
    for (const auto& row : t.rows)
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) widths[c] = std::max(widths[c], width_of(row[c]));
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        std::string l;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            if (c) l += "  ";
            l += pad(c < cells.size() ? cells[c] : "", widths[c], align_of(t, c));
        }
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += l + "\n";
    };
    line(t.header);
    for (const auto& row : t.rows) line(row);
    for (const auto& f : t.footnotes) out += f + "\n";
    return out;
}

std::string render_markdown(const TextTable& t) {
    std::string out = "|";
    for (const auto& h : t.header) out += " " + escape_cell(h) + " |";
    out += "\n|";
    for (std::size_t c = 0; c < t.header.size(); ++c) out += align_of(t, c) == Align::right ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : t.rows) {
        out += "|";
        for (std::size_t c = 0; c < t.header.size(); ++c) out += " " + escape_cell(c < row.size() ? row[c] : "") + " |";
        out += "\n";
    }
    if (!t.footnotes.empty()) {
        out += "\n";
        for (const auto& f : t.footnotes) out += "- " + f + "\n";
    }
    return out;
}

}  // namespace report
