#pragma once
// Renders the ingest inventory: a human table, or the versioned JSON document described in
// docs/ingest-schema.md. Both are pure: corpus in, text out.
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/inventory.hpp"
#include "model/corpus.hpp"

namespace report {

inline constexpr int kIngestSchemaVersion = 1;

/// The inventory counts as JSON (`summary` of the ingest document, `inventory` of report.json):
/// totals and, per kind, counts, bytes and the latest modification (null when no file of that kind).
nlohmann::ordered_json inventory_summary_json(const analysis::Inventory& inventory);

/// Human summary: counts per kind, each file with status, the failed rows and column units.
std::string render_inventory_text(const model::Corpus& corpus);
/// JSON document, schema "chimera-insight/ingest" version kIngestSchemaVersion; deterministic.
std::string render_inventory_json(const model::Corpus& corpus, const std::string& tool_version);
/// The same document streamed to `out`.
void write_inventory_json(std::ostream& out, const model::Corpus& corpus, const std::string& tool_version);

}  // namespace report
