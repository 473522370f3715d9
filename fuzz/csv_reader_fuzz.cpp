// libFuzzer target for ingest::read_csv: never crash or hang on arbitrary bytes, and on success
// every row has exactly columns.size() cells, lines increase, empty cells are not numbers, and
// numbers equal util::parse_number of the cell text.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "ingest/csv_reader.hpp"
#include "util/strings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto result = ingest::read_csv(text, "fuzz.csv");
    if (!result.has_value()) {
        if (result.error().message.rfind("fuzz.csv", 0) != 0) __builtin_trap();
        return 0;
    }
    const model::Table& table = result.value();
    if (table.columns.empty()) __builtin_trap();
    if (!table.units.empty() && table.units.size() != table.columns.size()) __builtin_trap();
    long long last_line = table.line;
    for (const model::Row& row : table.rows) {
        if (row.cells.size() != table.columns.size()) __builtin_trap();
        if (row.line <= last_line) __builtin_trap();  // each record starts on a later line
        last_line = row.line;
        for (const model::Cell& cell : row.cells) {
            if (cell.missing() && cell.is_number) __builtin_trap();
            // The reader's inlined number fast path must agree with util::parse_number bit for bit.
            const auto expected = util::parse_number(cell.text);
            if (cell.is_number != expected.has_value()) __builtin_trap();
            if (expected && !std::isnan(*expected) && std::memcmp(&cell.number, &*expected, sizeof(double)) != 0)
                __builtin_trap();
        }
    }
    return 0;
}
