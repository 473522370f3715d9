#pragma once
// Renders the ingest inventory: a human table, or the versioned JSON document described in
// docs/ingest-schema.md. Both are pure: corpus in, text out.
#include <string>

#include "model/corpus.hpp"

namespace report {

inline constexpr int kIngestSchemaVersion = 1;

/// Human summary: counts per kind, each file with status, the failed rows and column units.
std::string render_inventory_text(const model::Corpus& corpus);
/// JSON document, schema "chimera-insight/ingest" version kIngestSchemaVersion; deterministic.
std::string render_inventory_json(const model::Corpus& corpus, const std::string& tool_version);

}  // namespace report
