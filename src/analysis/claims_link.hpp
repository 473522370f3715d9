#pragma once
// Internal to the derived-summary checker (claims_derived.cpp): which raw frame a summary table
// describes (its dimensions, context and measure names) and which raw rows each summary row
// stands for.
#include <optional>
#include <string>
#include <vector>

#include "analysis/frame.hpp"

namespace analysis::claims_util {

/// How one D (summary) dimension (or D context value, or a D setting the ingest read as a measure) selects
/// rows of R: R's dimension `r_dim` must equal the D value, or R's context value must.
struct Constraint {
    std::string name;       ///< D's name for it, for statements
    int r_dim = -1;         ///< R dimension compared per row; -1 when R holds it as context
    std::string r_context;  ///< R's context value when r_dim < 0
    int d_dim = -1;         ///< D dimension supplying the value per row
    int d_measure = -1;     ///< D measure supplying the value per row ("temp")
    std::string fixed;      ///< the value when it comes from D's context
};

/// How D's rows select R's rows: each D dimension must name a dimension or context key of R
/// (same normalised name, one a prefix of the other such as "temp"/"temperature", or a shared word
/// with most of D's levels found among R's, such as "Model Tag"/"model"); D's context must not
/// contradict R's; a numeric D measure named like an R setting ("temp") selects rows too. A D text
/// column none of whose levels R has ("Config" = "Best", "2nd") is D's own label and is skipped.
/// nullopt when R is not what D summarises.
std::optional<std::vector<Constraint>> link(const Frame& d, const Frame& r);

/// The value a row of D asks of R for constraint `c` ("" when the row has none).
std::string constraint_value(const Frame& d, const FrameRow& row, const Constraint& c);

/// R's measure for D's measure `name` (normalised) with aggregate-stripped `base`: the same name,
/// else the measure of the same quantity whose name holds all of D's words (at least two) with
/// the fewest extra words ("Mean (ms)" -> "benchmark.mean_time_ms"); -1 when none.
int raw_measure(const Frame& r, const std::string& name, const std::string& base, model::Quantity q);

}  // namespace analysis::claims_util
