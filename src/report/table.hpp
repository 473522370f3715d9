#pragma once
// One table model for every text format (STYLE rule 7): reporters build a TextTable, and the
// renderers below supply only the syntax.
#include <string>
#include <vector>

namespace report {

enum class Align { left, right };

struct TextTable {
    std::vector<std::string> header;
    std::vector<Align> align;                  ///< per column; missing entries mean left
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> footnotes;        ///< printed under the table
};

/// Fixed-width columns separated by two spaces, for terminals.
std::string render_plain(const TextTable& table);
/// GitHub pipe table; '|' in cells escaped; footnotes as a list after a blank line.
std::string render_markdown(const TextTable& table);

}  // namespace report
