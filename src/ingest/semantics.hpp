#pragma once
// Decides what each column or JSON key means: measurement (with quantity and unit), dimension,
// error, success flag, timestamp, identifier or text. Every decision records its reason.
// Pure functions over names and values; no file names are special-cased.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/corpus.hpp"

namespace ingest {

/// What is known around a name when deciding its meaning.
struct NameContext {
    /// Normalised names of all columns / sibling keys (may include the name itself). Not owned.
    std::span<const std::string> siblings;
    std::string unit_text;              ///< the unit row cell or header unit, when there is one
    std::string path;                   ///< JSON path (for scalars), used for telemetry context
    bool all_numeric = false;           ///< every non-missing value parses as a number
    bool any_value = false;             ///< at least one non-missing value
    std::size_t max_text_length = 0;    ///< longest value text
};

/// Meaning of one name in its context. Deterministic; never throws.
model::Meaning infer_meaning(std::string_view name, const NameContext& context);

/// Fills Table::meanings for every column from names, the unit row and the values.
void annotate_table(model::Table& table);

/// Fills Scalar::meaning for each scalar. Scalars sharing a parent path are siblings.
void annotate_scalars(std::span<model::Scalar> scalars);

}  // namespace ingest
