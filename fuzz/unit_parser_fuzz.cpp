// libFuzzer target for ingest::parse_unit and ingest::find_numbers_with_units: never crash or hang
// on arbitrary bytes; parsed units are known with a positive finite factor; matches are ordered,
// do not overlap, lie inside the text, and their unit text parses to the same quantity.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/unit_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto unit = ingest::parse_unit(text)) {
        if (!unit->known() || !(unit->to_canonical > 0) || !std::isfinite(unit->to_canonical)) __builtin_trap();
    }
    std::size_t end = 0;
    for (const ingest::NumberWithUnit& m : ingest::find_numbers_with_units(text)) {
        if (m.offset < end || m.length == 0 || m.offset + m.length > text.size()) __builtin_trap();
        const char* u = m.unit_text.data();
        if (u < text.data() + m.offset || u + m.unit_text.size() > text.data() + m.offset + m.length)
            __builtin_trap();
        if (!m.unit.known()) __builtin_trap();
        auto again = ingest::parse_unit(m.unit_text);
        if (!again || again->quantity != m.unit.quantity) __builtin_trap();
        end = m.offset + m.length;
    }
    return 0;
}
