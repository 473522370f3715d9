#include "analysis/fact_kind.hpp"

#include <array>

namespace analysis {

namespace {

struct KindRow {
    FactKind kind;
    std::string_view name;
    FactFamily family;
};

using F = FactFamily;
using K = FactKind;

// The one table of kind names (docs/report-schema.md lists them for readers). Rows are in enum
// order; the static_assert below keeps it so, and a name is never renamed within a schema version.
constexpr KindRow kKinds[] = {
    {K::inventory_files, "inventory.files", F::inventory},
    {K::inventory_kind, "inventory.kind", F::inventory},
    {K::inventory_records, "inventory.records", F::inventory},
    {K::quality_skipped_files, "quality.skipped_files", F::quality},
    {K::quality_failed_files, "quality.failed_files", F::quality},
    {K::quality_duplicates, "quality.duplicates", F::quality},
    {K::quality_same_data, "quality.same_data", F::quality},
    {K::quality_failed_run, "quality.failed_run", F::quality},
    {K::quality_failed_folder, "quality.failed_folder", F::quality},
    {K::quality_failed_rows, "quality.failed_rows", F::quality},
    {K::quality_failed_values, "quality.failed_values", F::quality},
    {K::quality_empty_table, "quality.empty_table", F::quality},
    {K::design_dataset, "design.dataset", F::design},
    {K::design_cell, "design.cell", F::design},
    {K::design_best, "design.best", F::design},
    {K::design_effect, "design.effect", F::design},
    {K::design_interaction, "design.interaction", F::design},
    {K::design_noise, "design.noise", F::design},
    {K::design_incomplete, "design.incomplete", F::design},
    {K::design_outlier, "design.outlier", F::design},
    {K::design_cold, "design.cold", F::design},
    {K::design_disagreement, "design.disagreement", F::design},
    {K::design_failed_requests, "design.failed_requests", F::design},
    {K::design_coverage, "design.coverage", F::design},
    {K::summary, "summary", F::summary},
    {K::summary_weighted_throughput, "summary.weighted_throughput", F::summary},
    {K::sweep_range, "sweep.range", F::sweep},
    {K::sweep_effect, "sweep.effect", F::sweep},
    {K::sweep_noise, "sweep.noise", F::sweep},
    {K::cold_start, "cold_start", F::cold_start},
    {K::cold_start_confounded, "cold_start.confounded", F::cold_start},
    {K::comparison, "comparison", F::comparison},
    {K::ranking_throughput, "ranking.throughput", F::ranking},
    {K::derived_check, "derived.check", F::derived},
    {K::derived_unmatched, "derived.unmatched", F::derived},
    {K::claim_confirmed, "claim.confirmed", F::claim},
    {K::claim_contradicted, "claim.contradicted", F::claim},
    {K::claim_unverifiable, "claim.unverifiable", F::claim},
    {K::claim_not_checkable, "claim.not_checkable", F::claim},
    {K::claim_causal_supported, "claim.causal.supported", F::claim},
    {K::claim_causal_confounded, "claim.causal.confounded", F::claim},
    {K::claim_causal_not_testable, "claim.causal.not_testable", F::claim},
};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < std::size(kKinds); ++i)
        if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
    return true;
}
static_assert(in_enum_order(), "kKinds rows must follow the FactKind order");
static_assert(static_cast<std::size_t>(K::claim_causal_not_testable) + 1 == std::size(kKinds), "every FactKind needs a row");

constexpr std::array<FactKind, std::size(kKinds)> kAll = [] {
    std::array<FactKind, std::size(kKinds)> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = kKinds[i].kind;
    return out;
}();

constexpr std::string_view kFamilyNames[] = {"inventory", "quality", "design", "summary", "sweep",
                                             "cold_start", "comparison", "ranking", "derived", "claim"};
static_assert(std::size(kFamilyNames) == static_cast<std::size_t>(F::claim) + 1, "every FactFamily needs a name");

}  // namespace

std::string_view kind_name(FactKind kind) { return kKinds[static_cast<std::size_t>(kind)].name; }

FactFamily kind_family(FactKind kind) { return kKinds[static_cast<std::size_t>(kind)].family; }

std::optional<FactKind> parse_kind(std::string_view name) {
    for (const auto& row : kKinds)
        if (row.name == name) return row.kind;
    return std::nullopt;
}

std::string_view family_name(FactFamily family) { return kFamilyNames[static_cast<std::size_t>(family)]; }

std::span<const FactKind> all_kinds() { return kAll; }

}  // namespace analysis
