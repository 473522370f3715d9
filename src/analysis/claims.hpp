#pragma once
// Claims vs data: numbers stated in prose (Markdown claims and tables) or in derived summary files
// compared with the raw measurements they describe. Raw data wins.
#include <vector>

#include "analysis/fact.hpp"
#include "analysis/frame.hpp"
#include "model/corpus.hpp"

namespace analysis {

/// Derived frames (aggregates such as mean_tokens_s per configuration, and tables in Markdown)
/// checked row by row against the raw frame they summarise (matched by dimensions and measure).
void add_derived_check_facts(const std::vector<Frame>& frames, std::vector<Fact>& facts);

/// Markdown claims (value + unit in prose) checked against statistics of the raw frames whose
/// subject the claim names; contradictions state both numbers and which file is raw.
void add_claim_facts(const model::Corpus& corpus, const std::vector<Frame>& frames, std::vector<Fact>& facts);

}  // namespace analysis
