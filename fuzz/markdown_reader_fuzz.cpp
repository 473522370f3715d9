// libFuzzer target for ingest::read_markdown: never crash or hang on arbitrary bytes, and on success
// headings/tables/claims are consistent (levels 1-6, lines within the input and non-decreasing,
// every row has columns.size() cells, claim text and headings clipped to 300 bytes, valid UTF-8 in,
// valid UTF-8 out) and every message names the file.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/markdown_reader.hpp"
#include "util/strings.hpp"

namespace {

bool names_file(const std::string& message) { return message.rfind("fuzz.md:", 0) == 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto result = ingest::read_markdown(text, "fuzz.md");
    if (!result.has_value()) {
        if (result.error().message != "fuzz.md: empty file") __builtin_trap();
        return 0;
    }
    const ingest::FileContent& content = result.value();
    const long long lines = static_cast<long long>(std::count(text.begin(), text.end(), '\n')) + 1;
    const bool utf8 = util::is_valid_utf8(text);
    long long last = 0;
    for (const model::Heading& h : content.headings) {
        if (h.level < 1 || h.level > 6 || h.line < std::max(1LL, last) || h.line > lines) __builtin_trap();
        if (utf8 && !util::is_valid_utf8(h.text)) __builtin_trap();
        last = h.line;
    }
    last = 0;
    for (const model::Table& t : content.tables) {
        if (t.columns.empty() || t.columns.size() > 512 || t.line < last || t.line > lines) __builtin_trap();
        if (t.locator.size() > 300 || t.file != "fuzz.md") __builtin_trap();
        long long row_line = t.line;
        for (const model::Row& row : t.rows) {
            if (row.cells.size() != t.columns.size() || row.line <= row_line || row.line > lines) __builtin_trap();
            row_line = row.line;
        }
        for (const std::string& w : t.warnings)
            if (!names_file(w)) __builtin_trap();
        last = row_line;
    }
    for (const model::Claim& c : content.claims) {
        if (c.text.size() > 300 || c.heading.size() > 300 || c.unit_text.empty() || !c.unit.known())
            __builtin_trap();
        if (c.source.file != "fuzz.md" || c.source.line < 1 || c.source.line > lines) __builtin_trap();
        if (utf8 && (!util::is_valid_utf8(c.text) || !util::is_valid_utf8(c.heading))) __builtin_trap();
    }
    for (const std::string& w : content.warnings)
        if (!names_file(w)) __builtin_trap();
    return 0;
}
