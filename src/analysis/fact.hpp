#pragma once
// Facts: the only things a report may say. Each has a stable id, a kind, one plain sentence, the
// values it rests on (with units) and the sources of those values (file + row or JSON path).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/fact_kind.hpp"
#include "model/corpus.hpp"

namespace analysis {

/// One number of a fact. `text` is the exact rendering used in statements and tables
/// ("101.44 tok/s"); the narrative checker matches numbers in prose against these texts.
struct FactValue {
    std::string label;                            ///< what the number is ("median tokens/s")
    std::string text;                             ///< display text with unit, from format_value()
    double value = 0;                             ///< canonical unit (s, tok/s, B, %, ...)
    model::Quantity quantity = model::Quantity::unknown;
    std::uint16_t number_size = 0;                ///< `text` is number, then unit from unit_offset on
    std::uint16_t unit_offset = 0;

    /// The numeric part of `text` ("101.44").
    std::string_view number() const { return std::string_view(text).substr(0, number_size); }
    /// The unit part of `text` ("tok/s", "" for counts).
    std::string_view unit() const { return std::string_view(text).substr(std::min<std::size_t>(unit_offset, text.size())); }
    /// Sets `text` from its parts: "7.90" + "tok/s" -> "7.90 tok/s", "12" + "%" stays "12%" when glued.
    void set_text(std::string_view number_part, std::string_view unit_part, bool glued);
};

enum class Severity { info, notice, warning };

/// A configuration or group of a dataset: (dimension, level) pairs in the dataset's dimension
/// order ({{"num_gpu", "40"}, {"num_ctx", "1024"}}).
using Cell = std::vector<std::pair<std::string, std::string>>;

/// What a fact is about, typed, as the analyzer knew it: renderers read these fields instead of
/// parsing statements. Fields that do not apply stay empty. Not part of report.json (the statement
/// and values are); docs/report-schema.md describes the fact itself.
struct FactScope {
    std::string dataset;  ///< id of the frame the fact is about ("" for folder and file facts)
    std::string metric;   ///< the measure ("tokens_s", "ttft_s")
    bool warm = false;    ///< statistics over warm calls only (cold starts excluded)
    Cell cell;            ///< the configuration or group named first (sweep.range: the best; summary: its group)
    Cell contrast;        ///< the configuration it is compared with (sweep.range: the worst)
    std::string factor;   ///< the dimension compared, varied or confounded ("model", "temperature")
    std::string level;    ///< the level of `factor` the fact names ("0.2"), "" when none
    /// The bytes of `statement` that repeat the dataset's constant dimensions (" (k=v, ...)"), which
    /// a rendering that shows them once per dataset leaves out; 0 / 0 when the statement has none.
    std::uint32_t context_at = 0, context_size = 0;
};

/// "k=v, k=v": a cell as statements write it.
std::string cell_text(const Cell& cell);

struct Fact {
    std::string id;                    ///< stable: "<kind>/<subject>", same input => same id
    FactKind kind = FactKind::summary; ///< what was computed; its report.json name is kind_name(kind)
    Severity severity = Severity::info;
    std::string subject;               ///< the group / file / table the fact is about
    std::string statement;             ///< one sentence; every number in it is one of `values`
    std::vector<FactValue> values;
    std::vector<model::Source> sources;
    std::vector<std::string> warnings; ///< statistical caveats (n too small, ...), never dropped
    FactScope scope;                   ///< the typed parts of `statement`, for renderers
};

/// Renders a canonical value for people: time as ms below 1 s else s (4 significant digits),
/// tok/s with 2 decimals, % with 1 decimal, bytes as MiB/GiB, counts as integers.
std::string format_value(double canonical, model::Quantity quantity);
/// The same rendering split into number and display unit ("101.44", "tok/s").
std::pair<std::string, std::string> format_parts(double canonical, model::Quantity quantity);
/// Builds a FactValue with its display text.
FactValue make_value(std::string label, double canonical, model::Quantity quantity);
/// Same, but in the display unit that `reference` would get, so the statistics of one summary
/// share a unit (mean 1159 ms next to median 86.65 ms, not 1.159 s).
FactValue make_value_like(std::string label, double canonical, model::Quantity quantity, double reference);
/// A plain count ("12").
FactValue make_count(std::string label, double count);

/// Lower-case slug for ids: letters, digits and '-' ("outputs/x_y.csv" -> "outputs-x-y-csv").
std::string slug(std::string_view text);

std::string_view severity_name(Severity severity);

/// Makes ids unique in input order: the second fact with an id gets "<id>-2", the third "<id>-3".
/// Renamed ids are not registered again. Linear; no allocation per fact.
void make_ids_unique(std::vector<Fact>& facts);

}  // namespace analysis
