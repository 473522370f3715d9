// The kind table: unique names, parse_kind() inverts kind_name(), families follow the first
// segment of each name (docs/report-schema.md, "facts[]").
#include "analysis/fact_kind.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace analysis {
namespace {

TEST(FactKind, EveryKindHasAUniqueName) {
    std::set<std::string_view> names;
    for (FactKind k : all_kinds()) {
        EXPECT_FALSE(kind_name(k).empty());
        EXPECT_TRUE(names.insert(kind_name(k)).second) << kind_name(k);
    }
    EXPECT_EQ(names.size(), all_kinds().size());
}

TEST(FactKind, ParseInvertsName) {
    for (FactKind k : all_kinds()) {
        auto parsed = parse_kind(kind_name(k));
        ASSERT_TRUE(parsed.has_value()) << kind_name(k);
        EXPECT_TRUE(*parsed == k) << kind_name(k);
    }
}

TEST(FactKind, UnknownNamesDoNotParse) {
    for (std::string_view name : {"", "claim", "claim.", "sweep.best", "Summary", "summary ", "quality.failed", "design"})
        EXPECT_FALSE(parse_kind(name).has_value()) << name;
}

TEST(FactKind, FamilyIsTheFirstSegmentOfTheName) {
    for (FactKind k : all_kinds()) {
        std::string_view name = kind_name(k);
        std::string_view first = name.substr(0, name.find('.'));
        EXPECT_EQ(family_name(kind_family(k)), first) << name;
    }
}

TEST(FactKind, KnownNamesAndFamilies) {
    EXPECT_EQ(kind_name(FactKind::inventory_files), "inventory.files");
    EXPECT_EQ(kind_name(FactKind::claim_causal_confounded), "claim.causal.confounded");
    EXPECT_EQ(kind_name(FactKind::cold_start), "cold_start");
    EXPECT_EQ(kind_name(FactKind::design_disagreement), "design.disagreement");
    EXPECT_TRUE(kind_family(FactKind::claim_causal_not_testable) == FactFamily::claim);
    EXPECT_TRUE(kind_family(FactKind::cold_start_confounded) == FactFamily::cold_start);
    EXPECT_TRUE(kind_family(FactKind::summary_weighted_throughput) == FactFamily::summary);
    EXPECT_TRUE(kind_family(FactKind::ranking_throughput) == FactFamily::ranking);
    EXPECT_TRUE(kind_family(FactKind::derived_unmatched) == FactFamily::derived);
    EXPECT_TRUE(kind_family(FactKind::design_cell) == FactFamily::design);
    EXPECT_TRUE(kind_family(FactKind::quality_same_data) == FactFamily::quality);
}

}  // namespace
}  // namespace analysis
