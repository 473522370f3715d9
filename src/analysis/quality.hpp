#pragma once
// Inventory and data-quality facts: what was read, what was skipped or failed, duplicates,
// failed rows and runs excluded from statistics, successes that are errors, impossible zeros.
#include <vector>

#include "analysis/fact.hpp"
#include "analysis/frame.hpp"
#include "model/corpus.hpp"

namespace analysis {

void add_inventory_facts(const model::Corpus& corpus, std::vector<Fact>& facts);
void add_quality_facts(const model::Corpus& corpus, std::vector<Fact>& facts);
/// Frames that repeat another frame's measurements in another format (see mark_same_data).
void add_same_data_facts(const std::vector<Frame>& frames, std::vector<Fact>& facts);

}  // namespace analysis
