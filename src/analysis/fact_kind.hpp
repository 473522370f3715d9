#pragma once
// The vocabulary of fact kinds: one enum value per kind, one family per dotted prefix, and the one
// table (fact_kind.cpp) that gives each kind its stable dotted name in report.json
// (docs/report-schema.md, "facts[]"). Code compares enums; only report.json and report.md's
// appendix spell the names.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace analysis {

/// What a kind is about: the first segment of its dotted name.
enum class FactFamily : std::uint8_t {
    inventory,
    quality,
    design,
    summary,
    sweep,
    cold_start,
    comparison,
    ranking,
    derived,
    claim,
};

/// What a fact computed. The names ("inventory.files", "claim.causal.confounded", ...) are
/// kind_name(); the enum order is the table's order and carries no meaning beyond it.
enum class FactKind : std::uint8_t {
    inventory_files,
    inventory_kind,
    inventory_records,
    quality_skipped_files,
    quality_failed_files,
    quality_duplicates,
    quality_same_data,
    quality_failed_run,
    quality_failed_folder,
    quality_failed_rows,
    quality_failed_values,
    quality_empty_table,
    design_dataset,
    design_cell,
    design_best,
    design_effect,
    design_interaction,
    design_noise,
    design_incomplete,
    design_outlier,
    design_cold,
    design_disagreement,
    design_failed_requests,
    design_coverage,
    summary,
    summary_weighted_throughput,
    sweep_range,
    sweep_effect,
    sweep_noise,
    cold_start,
    cold_start_confounded,
    comparison,
    ranking_throughput,
    derived_check,
    derived_unmatched,
    claim_confirmed,
    claim_contradicted,
    claim_unverifiable,
    claim_not_checkable,
    claim_causal_supported,
    claim_causal_confounded,
    claim_causal_not_testable,
};

/// The stable dotted name written to report.json ("claim.causal.confounded").
std::string_view kind_name(FactKind kind);
/// The family of a kind (FactKind::claim_causal_supported -> FactFamily::claim).
FactFamily kind_family(FactKind kind);
/// The kind with this exact name; nullopt for names not in the table.
std::optional<FactKind> parse_kind(std::string_view name);
/// The family's name, the first segment of its kinds' names ("cold_start").
std::string_view family_name(FactFamily family);
/// Every kind, in enum order.
std::span<const FactKind> all_kinds();

}  // namespace analysis
