#pragma once
// Parses unit spellings ("ms", "tok/s", "Tokens per Second", "MB", "°C", "(ms)") into model::Unit,
// and splits prose numbers with units ("102.85 tok/s", "0.165s", "5.3 GB", "+34%").
// Pure functions; safe on any byte string (fuzzed by fuzz/unit_parser_fuzz.cpp).
#include <optional>
#include <string_view>
#include <vector>

#include "model/units.hpp"

namespace ingest {

/// Parses a unit written on its own, case-insensitively, ignoring surrounding whitespace and one
/// pair of brackets. Returns nullopt when the text is not a unit we know.
/// Byte prefixes K/M/G/T are taken as binary (KiB, MiB, ...), as psutil and nvidia-smi report them.
std::optional<model::Unit> parse_unit(std::string_view text);

/// A number followed by a unit in running text.
struct NumberWithUnit {
    std::size_t offset = 0;     ///< byte offset of the number in the text
    std::size_t length = 0;     ///< bytes of number + unit
    double value = 0;
    std::string_view unit_text; ///< as written, e.g. "tok/s"
    model::Unit unit;
};

/// Finds every "number unit" pair in `text` ("102.85 tokens/s", "0.165s", "~17%", "5.3 GB").
/// Numbers without a recognised unit are not returned.
std::vector<NumberWithUnit> find_numbers_with_units(std::string_view text);

}  // namespace ingest
