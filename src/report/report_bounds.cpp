#include "report/report_bounds.hpp"

#include "report/report_decorate.hpp"

namespace report {

namespace {

constexpr std::string_view kClipped = " … (full text in `report.json`)";
constexpr std::string_view kCut =
    "\n---\n\n*This report was cut here to stay readable; `report.json` holds every section, fact and frame, "
    "and `analyze --appendix` adds the fact appendix.*\n";

}  // namespace

std::string clip(std::string_view text, std::size_t max_chars) {
    if (text.size() <= max_chars) return std::string(text);
    std::size_t cut = 0, ticks = 0;
    for (std::size_t i = 0; i + 1 < max_chars; ++i) {
        if (text[i] == '`') ++ticks;
        bool boundary = (text[i] == ';' || text[i] == ',') && text[i + 1] == ' ';
        if (boundary && ticks % 2 == 0) cut = i;
    }
    if (cut == 0) {  // no clause boundary: cut at the last space outside code spans
        ticks = 0;
        for (std::size_t i = 0; i < max_chars; ++i) {
            if (text[i] == '`') ++ticks;
            if (text[i] == ' ' && ticks % 2 == 0) cut = i;
        }
    }
    if (cut == 0) return std::string(text);  // one unbreakable word: leave it whole
    return std::string(text.substr(0, cut)) + std::string(kClipped);
}

std::string more_in_json(std::size_t more, std::string_view what) {
    if (more == 0) return "";
    return code(std::to_string(more) + " more") + " " + std::string(what) + ", every one in `report.json`.";
}

std::string fit_markdown(std::string markdown, std::size_t max_lines, std::size_t max_bytes) {
    std::size_t lines = 0;
    for (char c : markdown) lines += c == '\n';
    if (lines <= max_lines && markdown.size() <= max_bytes) return markdown;
    const std::size_t room_lines = max_lines - 6, room_bytes = max_bytes - kCut.size() - 8;
    std::size_t end = 0, kept = 0, fences = 0;
    for (std::size_t pos = 0; pos < markdown.size();) {
        std::size_t nl = markdown.find('\n', pos);
        std::size_t next = nl == std::string::npos ? markdown.size() : nl + 1;
        if (kept + 1 > room_lines || next > room_bytes) break;
        if (markdown.compare(pos, 3, "```") == 0) ++fences;
        end = next;
        ++kept;
        pos = next;
    }
    markdown.resize(end);
    if (fences % 2 == 1) markdown += "```\n";
    return markdown + std::string(kCut);
}

}  // namespace report
