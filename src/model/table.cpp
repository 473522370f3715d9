#include <cmath>
#include <unordered_map>

#include "model/corpus.hpp"
#include "util/strings.hpp"

namespace model {

void Table::compact() {
    if (!values.empty()) return;
    values.resize(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        auto& col = values[c];
        bool any_number = false, any_text = false;
        for (const auto& r : rows) {
            if (c >= r.cells.size() || r.cells[c].missing()) continue;
            (r.cells[c].is_number ? any_number : any_text) = true;
        }
        if (any_number) col.numbers.assign(rows.size(), std::nan(""));
        if (!any_text) continue;
        col.codes.assign(rows.size(), 0);
        col.labels.emplace_back();
        std::unordered_map<std::string, std::uint32_t> index;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (c >= rows[r].cells.size()) continue;
            auto& cell = rows[r].cells[c];
            if (cell.missing() || cell.is_number) continue;
            auto [it, inserted] = index.try_emplace(cell.text, static_cast<std::uint32_t>(col.labels.size()));
            if (inserted) col.labels.push_back(cell.text);
            col.codes[r] = it->second;
        }
    }
    failed_at_compact = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        failed_at_compact += rows[r].failed;
        for (std::size_t c = 0; c < columns.size() && c < rows[r].cells.size(); ++c)
            if (rows[r].cells[c].is_number && !values[c].numbers.empty()) values[c].numbers[r] = rows[r].cells[c].number;
        std::vector<Cell>().swap(rows[r].cells);
    }
}

std::size_t Table::failed_rows() const {
    if (compacted() && !columns.empty()) return failed_at_compact;
    std::size_t n = 0;
    for (const auto& r : rows) n += r.failed;
    return n;
}

double Table::number_at(std::size_t row, std::size_t column) const {
    if (!compacted()) {
        const auto& cells = rows[row].cells;
        return column < cells.size() && cells[column].is_number ? cells[column].number : std::nan("");
    }
    const auto& col = values[column];
    return col.numbers.empty() ? std::nan("") : col.numbers[row];
}

bool Table::is_number_at(std::size_t row, std::size_t column) const {
    if (!compacted()) {
        const auto& cells = rows[row].cells;
        return column < cells.size() && cells[column].is_number;
    }
    const auto& col = values[column];
    // Non-finite numeric cells (NaN text) are still numbers; a code marks text.
    bool coded = !col.codes.empty() && col.codes[row] != 0;
    return !col.numbers.empty() && !coded && !std::isnan(col.numbers[row]);
}

bool Table::missing_at(std::size_t row, std::size_t column) const {
    if (!compacted()) {
        const auto& cells = rows[row].cells;
        return column >= cells.size() || cells[column].missing();
    }
    const auto& col = values[column];
    bool has_text = !col.codes.empty() && col.codes[row] != 0;
    bool has_number = !col.numbers.empty() && !std::isnan(col.numbers[row]);
    return !has_text && !has_number;
}

std::string Table::text_at(std::size_t row, std::size_t column) const {
    if (!compacted()) {
        const auto& cells = rows[row].cells;
        return column < cells.size() ? cells[column].text : std::string();
    }
    const auto& col = values[column];
    if (!col.codes.empty() && col.codes[row] != 0) return col.labels[col.codes[row]];
    if (!col.numbers.empty() && !std::isnan(col.numbers[row])) return util::format_double(col.numbers[row]);
    return "";
}

}  // namespace model
