#include "model/units.hpp"

namespace model {

std::string_view canonical_symbol(Quantity quantity) {
    switch (quantity) {
        case Quantity::time: return "s";
        case Quantity::throughput: return "tok/s";
        case Quantity::rate: return "1/s";
        case Quantity::tokens: return "tok";
        case Quantity::bytes: return "B";
        case Quantity::percent: return "%";
        case Quantity::power: return "W";
        case Quantity::temperature: return "degC";
        case Quantity::frequency: return "Hz";
        case Quantity::ratio: return "x";
        case Quantity::count:
        case Quantity::unknown: return "";
    }
    return "";
}

std::string_view quantity_name(Quantity quantity) {
    switch (quantity) {
        case Quantity::unknown: return "unknown";
        case Quantity::time: return "time";
        case Quantity::throughput: return "throughput";
        case Quantity::rate: return "rate";
        case Quantity::tokens: return "tokens";
        case Quantity::bytes: return "bytes";
        case Quantity::percent: return "percent";
        case Quantity::power: return "power";
        case Quantity::temperature: return "temperature";
        case Quantity::frequency: return "frequency";
        case Quantity::count: return "count";
        case Quantity::ratio: return "ratio";
    }
    return "unknown";
}

}  // namespace model
