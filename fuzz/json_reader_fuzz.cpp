// libFuzzer target for ingest::read_json and ingest::read_jsonl: never crash or hang on arbitrary
// bytes, and on success every row has exactly columns.size() cells, missing cells are not numbers,
// every scalar names the file and has a pattern of the same shape as its json_path, and failed
// scalars and rows carry a reason.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/json_reader.hpp"
#include "util/strings.hpp"

namespace {

void check(const util::Result<ingest::FileContent>& result, const std::string& file) {
    if (!result.has_value()) {
        if (result.error().message.rfind(file, 0) != 0) __builtin_trap();
        return;
    }
    for (const model::Table& table : result->tables) {
        if (table.file != file) __builtin_trap();
        for (const model::Row& row : table.rows) {
            if (row.cells.size() != table.columns.size()) __builtin_trap();
            if (row.failed && row.failure_reason.empty()) __builtin_trap();
            for (const model::Cell& cell : row.cells)
                if (cell.missing() && cell.is_number) __builtin_trap();
        }
    }
    for (const model::Scalar& scalar : result->scalars) {
        if (scalar.source.file != file) __builtin_trap();
        if (scalar.pattern.empty() != scalar.source.json_path.empty()) __builtin_trap();
        if (scalar.failed && scalar.failure_reason.empty()) __builtin_trap();
        if (!util::is_valid_utf8(scalar.failure_reason)) __builtin_trap();
    }
    for (const std::string& warning : result->warnings)
        if (warning.rfind(file, 0) != 0) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    check(ingest::read_json(text, "fuzz.json"), "fuzz.json");
    check(ingest::read_jsonl(text, "fuzz.jsonl"), "fuzz.jsonl");
    return 0;
}
