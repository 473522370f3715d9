#pragma once
// Quantities and units. Values are normalised in memory to one canonical unit per quantity:
// seconds, bytes, tokens/s, tokens, %, W, degrees Celsius, Hz (see docs/metrics.md).
#include <string>
#include <string_view>

namespace model {

enum class Quantity {
    unknown,      ///< a number whose meaning could not be decided
    time,         ///< canonical unit: s
    throughput,   ///< tokens per second; canonical unit: tok/s
    rate,         ///< other events per second (requests/s, items/s); canonical unit: 1/s
    tokens,       ///< a token count; canonical unit: tok
    bytes,        ///< memory or file size; canonical unit: B
    percent,      ///< a ratio expressed in percent; canonical unit: %
    power,        ///< W
    temperature,  ///< degrees Celsius
    frequency,    ///< Hz
    count,        ///< a dimensionless count (runs, samples, characters, processes)
    ratio,        ///< a dimensionless ratio (speedup, x)
};

/// Canonical unit symbol printed for a quantity ("s", "tok/s", "B", ...; "" for unknown/count).
std::string_view canonical_symbol(Quantity quantity);
/// Lower-case name used in JSON ("time", "throughput", ...).
std::string_view quantity_name(Quantity quantity);

/// A unit as understood from the data: what it measures, how to convert raw values to the
/// canonical unit (canonical = raw * to_canonical), and the spelling it came from.
struct Unit {
    Quantity quantity = Quantity::unknown;
    double to_canonical = 1.0;  ///< multiply raw values by this to get canonical units
    std::string original;       ///< the unit as written or implied, e.g. "ms", "MB", "tokens/s"

    bool known() const { return quantity != Quantity::unknown; }
};

}  // namespace model
