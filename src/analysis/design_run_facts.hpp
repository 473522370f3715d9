#pragma once
// Internal to design_facts.cpp: facts about the runs of a dataset rather than its cells.
#include <vector>

#include "analysis/dataset.hpp"
#include "analysis/fact.hpp"
#include "analysis/frame.hpp"

namespace analysis::design_detail {

/// A numeric path factor compared with the same-named data field, file by file.
void add_disagreement_facts(const Dataset& ds, std::vector<Fact>& facts);
/// Cold calls per run: how many, the load evidence, and any concentration on one level.
void add_cold_facts(const Frame& f, const Dataset& ds, std::vector<Fact>& facts);
/// Runs whose own failed/completed counts report failed requests.
void add_failed_request_facts(const Frame& f, const Dataset& ds, std::vector<Fact>& facts);
/// Runs that stop before covering a record-level sweep, and pattern files with no rows.
void add_coverage_facts(const Frame& f, const Dataset& ds, std::vector<Fact>& facts);

}  // namespace analysis::design_detail
