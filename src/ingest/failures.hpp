#pragma once
// Marks failed records after meanings are known. Failed records stay in the model, flagged with
// the reason, and analysis excludes them from statistics.
#include <span>

#include "model/corpus.hpp"

namespace ingest {

/// Flags rows of `table` (needs Table::meanings) whose
/// - error column holds text, or success column says false;
/// - measurements are all zero/missing next to an error text ("all-zero metrics");
/// - free-text output reads as an error message although the row claims success;
/// and names impossible exact zeros (a latency or throughput of 0) in the reason.
void flag_failed_rows(model::Table& table);

/// Adds to failed scalars' reasons the impossible zeros they hold (time/throughput == 0).
void describe_failed_scalars(std::span<model::Scalar> scalars);

/// True when text reads like an error message rather than model output
/// ("Error generating banter: All connection attempts failed", "Traceback ...").
bool looks_like_error_text(std::string_view text);

}  // namespace ingest
