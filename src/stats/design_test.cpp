// Unit tests for src/stats/design.cpp and src/stats/kruskal_wallis.cpp
// (docs/design.md "Statistics over the design").
// Kruskal–Wallis references come from an independent Python transcription kept here in words:
// pool the values, sort, give each run of t ties the midrank (first + last)/2 (1-based), sum per
// group with exact fractions, H = 12/(N(N+1))·Σ R²/n − 3(N+1), divided by
// 1 − Σ(t³ − t)/(N³ − N); p = Q((k − 1)/2, H/2), the regularized upper incomplete gamma
// (mpmath 1.3.0 gammainc(..., regularized=True) at 30 digits). The first three examples are the
// ones in scipy's kruskal documentation and agree with the values printed there.
// t quantile for df = 2: t = (2u − 1)/√(2u(1 − u)) with u = 0.975 = 4.3026527297494638523.
#include "stats/design.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "stats/warnings.hpp"

namespace stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint32_t kMissing = DesignInput::kMissing;

bool has(const std::vector<std::string>& warnings, const std::string& text) {
    return std::find(warnings.begin(), warnings.end(), text) != warnings.end();
}

DesignFactor factor(std::string name, std::vector<std::string> levels, bool numeric = false) {
    return DesignFactor{std::move(name), std::move(levels), numeric};
}

void add(DesignInput& in, std::vector<std::uint32_t> levels, double value) {
    in.levels.push_back(std::move(levels));
    in.values.push_back(value);
}

void add_runs(DesignInput& in, const std::vector<std::uint32_t>& levels,
              const std::vector<double>& values) {
    for (const double v : values) add(in, levels, v);
}

const DesignEffect* effect_of(const DesignResult& r, std::size_t factor) {
    for (const DesignEffect& e : r.effects)
        if (e.factor == factor) return &e;
    return nullptr;
}

// A 2 × 3 grid with 3 replicates per cell, base ± 1 (sd 1), added in scrambled order.
DesignInput two_by_three() {
    DesignInput in;
    in.factors = {factor("engine", {"vllm", "sglang"}), factor("model", {"m1", "m2", "m3"})};
    const double base[2][3] = {{100, 110, 120}, {200, 210, 220}};
    for (const double offset : {-1.0, 0.0, 1.0})
        for (std::uint32_t b = 3; b-- > 0;)
            for (std::uint32_t a = 0; a < 2; ++a) add(in, {a, b}, base[a][b] + offset);
    return in;
}

TEST(DesignCells, TwoByThreeWithReplicates) {
    const DesignResult r = analyze_design(two_by_three());
    ASSERT_EQ(r.cells.size(), 6U);
    const double base[6] = {100, 110, 120, 200, 210, 220};
    for (std::size_t c = 0; c < 6; ++c) {
        const DesignCell& cell = r.cells[c];
        EXPECT_EQ(cell.levels, (std::vector<std::uint32_t>{static_cast<std::uint32_t>(c / 3),
                                                           static_cast<std::uint32_t>(c % 3)}));
        EXPECT_EQ(cell.summary.n, 3U);
        EXPECT_EQ(cell.observations.size(), 3U);
        EXPECT_DOUBLE_EQ(cell.summary.mean, base[c]);
        EXPECT_DOUBLE_EQ(cell.summary.sd_sample, 1.0);
        ASSERT_TRUE(cell.mean_ci.has_bounds());
        EXPECT_NEAR(cell.mean_ci.hi - base[c], 2.4841377117503310710, 1e-12);  // t/√3
        EXPECT_NEAR(base[c] - cell.mean_ci.lo, 2.4841377117503310710, 1e-12);
        EXPECT_TRUE(cell.outliers.empty());
        EXPECT_DOUBLE_EQ(cell.mean_without_outliers, base[c]);
    }
    // Observations point back at the input.
    const DesignInput in = two_by_three();
    for (const std::size_t i : r.cells[4].observations) EXPECT_EQ(in.levels[i], (std::vector<std::uint32_t>{1, 1}));
    EXPECT_EQ(r.full_grid_cells, 6U);
    EXPECT_EQ(r.missing_cells, 0U);
    EXPECT_FALSE(r.unequal_n);
    EXPECT_EQ(r.single_run_cells, 0U);
}

TEST(DesignCells, MedianCvIsOverCellsWithReplicates) {
    const DesignResult r = analyze_design(two_by_three());
    // CVs 1/100, 1/110, 1/120, 1/200, 1/210, 1/220: the median is the mean of 1/120 and 1/200.
    EXPECT_NEAR(r.median_cv, (1.0 / 120 + 1.0 / 200) / 2, 1e-15);
}

TEST(DesignCells, UnequalReplicateCountsDoNotWeightCells) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"}), factor("model", {"m1", "m2", "m3"})};
    add_runs(in, {0, 0}, {10, 10, 10, 10, 10, 10, 10, 10});  // many runs of a low cell
    add_runs(in, {0, 1}, {50, 52});
    add_runs(in, {0, 2}, {60, 62});
    add_runs(in, {1, 0}, {20, 22});
    add_runs(in, {1, 1}, {30, 32});
    add_runs(in, {1, 2}, {40, 42});
    const DesignResult r = analyze_design(in);
    EXPECT_TRUE(r.unequal_n);
    EXPECT_TRUE(has(r.warnings, "cells differ in run count (2 to 8 runs): effects weigh each cell once"));
    const DesignEffect* engine = effect_of(r, 0);
    ASSERT_NE(engine, nullptr);
    // Level a: median of the cell means {10, 51, 61} = 51, not the pooled median of 12 runs (10).
    EXPECT_DOUBLE_EQ(engine->level_median[0], 51.0);
    EXPECT_DOUBLE_EQ(engine->level_median[1], 31.0);
    EXPECT_EQ(engine->level_n, (std::vector<std::size_t>{3, 3}));
    EXPECT_EQ(engine->test, "mann-whitney");
    EXPECT_FALSE(engine->test_on_replicates);
    // Mann–Whitney of {10, 51, 61} vs {21, 31, 41}: U = 6 of 9; the exact null counts of U = 0..9
    // are 1 1 2 3 3 3 3 2 1 1 (of 20), so p = 2·7/20.
    EXPECT_NEAR(engine->p_value, 0.7, 1e-12);
}

TEST(DesignCells, SingleRunCells) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"}), factor("model", {"m1", "m2", "m3"})};
    for (std::uint32_t a = 0; a < 2; ++a)
        for (std::uint32_t b = 0; b < 3; ++b) add(in, {a, b}, 100.0 + 10 * a + b);
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.cells.size(), 6U);
    EXPECT_EQ(r.single_run_cells, 6U);
    EXPECT_TRUE(has(r.warnings, "6 cells have a single run: no noise estimate for them"));
    EXPECT_FALSE(r.unequal_n);
    EXPECT_TRUE(std::isnan(r.median_cv));
    EXPECT_FALSE(r.cells[0].mean_ci.has_bounds());
    EXPECT_DOUBLE_EQ(r.cells[0].mean_ci.center, 100.0);
    EXPECT_EQ(r.best_cell, 5U);
    EXPECT_EQ(r.runner_up_cell, 4U);
    EXPECT_EQ(r.worst_cell, 0U);
    EXPECT_EQ(r.margin_basis, "not testable (n = 1 per cell)");
    EXPECT_FALSE(r.margin_significant);
    EXPECT_TRUE(std::isnan(r.margin_p_value));
    EXPECT_NEAR(r.margin_percent, 1.0 / 111.0 * 100.0, 1e-12);
    // Engine: 3 cells per level, cell means are the only values: tested on them.
    const DesignEffect* engine = effect_of(r, 0);
    ASSERT_NE(engine, nullptr);
    EXPECT_EQ(engine->test, "mann-whitney");
    EXPECT_NEAR(engine->p_value, 0.1, 1e-12);  // 3 vs 3 fully separated: exact 2/20
}

TEST(DesignCells, OneSingleRunCellSaysItInTheSingular) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"})};
    add_runs(in, {0}, {1, 2});
    add(in, {1}, 5);
    const DesignResult r = analyze_design(in);
    EXPECT_EQ(r.single_run_cells, 1U);
    EXPECT_TRUE(has(r.warnings, "1 cell has a single run: no noise estimate for it"));
}

TEST(DesignCells, MissingCellsOfTheGrid) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b", "c"}), factor("batch", {"1", "2", "4", "8"}, true)};
    for (std::uint32_t a = 0; a < 3; ++a)
        for (std::uint32_t b = 0; b < 4; ++b)
            if (!(a == 2 && b > 0)) add_runs(in, {a, b}, {10.0 + a + b, 11.0 + a + b});
    const DesignResult r = analyze_design(in);
    EXPECT_EQ(r.cells.size(), 9U);
    EXPECT_EQ(r.full_grid_cells, 12U);
    EXPECT_EQ(r.missing_cells, 3U);
    EXPECT_TRUE(has(r.warnings, "3 of 12 cells have no data"));
    // Level c of engine has only batch 1, so the engine × batch grid is not full: no interaction.
    EXPECT_TRUE(r.interactions.empty());
    const DesignEffect* engine = effect_of(r, 0);
    ASSERT_NE(engine, nullptr);
    EXPECT_EQ(engine->level_n, (std::vector<std::size_t>{4, 4, 1}));
    EXPECT_TRUE(has(engine->warnings, "level \"c\" of engine has only 1 cell"));
}

TEST(DesignCells, UnobservedListedLevelIsWarnedAndSkipped) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b", "c"})};
    add_runs(in, {0}, {1, 2, 3});
    add_runs(in, {2}, {7, 8, 9});
    const DesignResult r = analyze_design(in);
    const DesignEffect* engine = effect_of(r, 0);
    ASSERT_NE(engine, nullptr);
    EXPECT_TRUE(std::isnan(engine->level_median[1]));
    EXPECT_EQ(engine->level_n[1], 0U);
    EXPECT_TRUE(has(engine->warnings, "level \"b\" of engine has no data"));
    EXPECT_EQ(engine->test, "mann-whitney");  // two observed levels
    EXPECT_EQ(r.missing_cells, 1U);
}

TEST(DesignCells, MissingLevelIsACellOfItsOwn) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"}), factor("quant", {"fp8", "bf16"})};
    add_runs(in, {0, 0}, {10, 11});
    add_runs(in, {0, 1}, {20, 21});
    add_runs(in, {1, 0}, {30, 31});
    add_runs(in, {1, 1}, {40, 41});
    add_runs(in, {1, kMissing}, {1000, 1001});
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.cells.size(), 5U);
    EXPECT_EQ(r.cells.back().levels, (std::vector<std::uint32_t>{1, kMissing}));  // sorts last
    EXPECT_EQ(r.off_grid_cells, 1U);
    EXPECT_EQ(r.missing_cells, 0U);
    EXPECT_TRUE(has(r.warnings, "1 cell lacks a level of some factor: kept as cells of their own"));
    const DesignEffect* quant = effect_of(r, 1);
    ASSERT_NE(quant, nullptr);
    EXPECT_EQ(quant->level_n, (std::vector<std::size_t>{2, 2}));  // the off-grid cell takes no part
    EXPECT_DOUBLE_EQ(quant->level_median[0], 20.5);
    const DesignEffect* engine = effect_of(r, 0);
    ASSERT_NE(engine, nullptr);
    EXPECT_EQ(engine->level_n, (std::vector<std::size_t>{2, 3}));
}

TEST(DesignCells, OutOfRangeLevelIndexCountsAsMissing) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"})};
    add(in, {0}, 1);
    add(in, {7}, 2);
    add(in, {}, 3);
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.cells.size(), 2U);
    EXPECT_EQ(r.cells[1].levels, (std::vector<std::uint32_t>{kMissing}));
    EXPECT_EQ(r.cells[1].summary.n, 2U);
    EXPECT_TRUE(has(r.warnings, "some observations have no valid level index for engine: treated as missing"));
}

TEST(DesignEffects, SeparatedFactorIsSignificantNoiseFactorIsNot) {
    DesignInput in;
    in.factors = {factor("engine", {"slow", "fast"}), factor("seed", {"s1", "s2", "s3", "s4", "s5"})};
    const double slow[5] = {100, 103, 98, 101, 99};
    const double fast[5] = {150, 148, 152, 149, 147};
    for (std::uint32_t b = 0; b < 5; ++b) {
        add(in, {0, b}, slow[b]);
        add(in, {1, b}, fast[b]);
    }
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.effects.size(), 2U);
    const DesignEffect& engine = r.effects[0];
    EXPECT_EQ(engine.test, "mann-whitney");
    EXPECT_NEAR(engine.p_value, 2.0 / 252.0, 1e-12);  // 5 vs 5 separated, exact
    EXPECT_TRUE(engine.significant);
    EXPECT_DOUBLE_EQ(engine.level_median[0], 100.0);
    EXPECT_DOUBLE_EQ(engine.level_median[1], 149.0);
    EXPECT_EQ(engine.best_level, 1U);
    EXPECT_EQ(engine.worst_level, 0U);
    EXPECT_DOUBLE_EQ(engine.spread_percent, 49.0);
    EXPECT_TRUE(engine.trend.empty());  // categorical
    EXPECT_TRUE(std::isnan(engine.trend_spearman));

    const DesignEffect& seed = r.effects[1];
    EXPECT_EQ(seed.test, "kruskal-wallis");
    // Groups {100,150} {103,148} {98,152} {101,149} {99,147}: H = 36/55, df 4.
    EXPECT_NEAR(seed.p_value, 0.95681380139316987958, 1e-12);
    EXPECT_FALSE(seed.significant);
    EXPECT_TRUE(seed.warnings.empty());  // 2 cells per level

    // Interaction: engine effects per seed −50, −45, −54, −48, −48 → largest contrast 9, over the
    // median of the cell means (103 + 147)/2 = 125.
    ASSERT_EQ(r.interactions.size(), 1U);
    EXPECT_NEAR(r.interactions[0].max_contrast_percent, 9.0 / 125.0 * 100.0, 1e-12);
}

TEST(DesignEffects, LowerIsBetterPicksTheLowLevel) {
    DesignInput in;
    in.higher_is_better = false;
    in.factors = {factor("engine", {"slow", "fast"}), factor("seed", {"s1", "s2"})};
    add(in, {0, 0}, 200);
    add(in, {0, 1}, 210);
    add(in, {1, 0}, 100);
    add(in, {1, 1}, 110);
    const DesignResult r = analyze_design(in);
    EXPECT_EQ(r.effects[0].best_level, 1U);
    EXPECT_EQ(r.effects[0].worst_level, 0U);
    EXPECT_NEAR(r.effects[0].spread_percent, 100.0 / 105.0 * 100.0, 1e-12);  // medians 205, 105
}

TEST(DesignEffects, NumericFactorReportsTheTrend) {
    DesignInput in;
    in.factors = {factor("batch", {"1", "2", "4", "8"}, true), factor("model", {"m1", "m2"}),
                  factor("ctx", {"1024", "2048", "4096"}, true)};
    const double by_batch[4] = {10, 18, 30, 41};
    const double by_ctx[3] = {0, 5, -2};
    for (std::uint32_t b = 0; b < 4; ++b)
        for (std::uint32_t m = 0; m < 2; ++m)
            for (std::uint32_t c = 0; c < 3; ++c) add(in, {b, m, c}, by_batch[b] + m + by_ctx[c]);
    const DesignResult r = analyze_design(in);
    const DesignEffect* batch = effect_of(r, 0);
    ASSERT_NE(batch, nullptr);
    EXPECT_EQ(batch->trend, "increasing");
    EXPECT_DOUBLE_EQ(batch->trend_spearman, 1.0);
    EXPECT_EQ(batch->test, "kruskal-wallis");
    const DesignEffect* model = effect_of(r, 1);
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(model->trend, "");
    const DesignEffect* ctx = effect_of(r, 2);
    ASSERT_NE(ctx, nullptr);
    EXPECT_EQ(ctx->trend, "non-monotonic");
    // Level medians rank 2, 3, 1 against positions 1, 2, 3: ρ = 1 − 6·(1 + 1 + 4)/(3·8) = −0.5.
    EXPECT_NEAR(ctx->trend_spearman, -0.5, 1e-15);
    // The grid is additive in every pair of factors: no interaction.
    ASSERT_EQ(r.interactions.size(), 3U);
    for (const DesignInteraction& x : r.interactions) EXPECT_NEAR(x.max_contrast_percent, 0.0, 1e-9);
}

TEST(DesignEffects, DecreasingNumericFactor) {
    DesignInput in;
    in.factors = {factor("threads", {"1", "2", "4"}, true)};
    add_runs(in, {0}, {9, 10});
    add_runs(in, {1}, {6, 7});
    add_runs(in, {2}, {1, 2});
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.effects.size(), 1U);
    EXPECT_EQ(r.effects[0].trend, "decreasing");
    EXPECT_DOUBLE_EQ(r.effects[0].trend_spearman, -1.0);
}

TEST(DesignEffects, OneFactorDesignTestsTheReplicates) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"})};
    add_runs(in, {0}, {10, 11, 12, 13, 14});
    add_runs(in, {1}, {20, 21, 22, 23, 24});
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.effects.size(), 1U);
    const DesignEffect& e = r.effects[0];
    EXPECT_TRUE(e.test_on_replicates);
    EXPECT_EQ(e.level_n, (std::vector<std::size_t>{1, 1}));
    EXPECT_TRUE(has(e.warnings, "level \"a\" of engine has only 1 cell"));
    EXPECT_TRUE(has(e.warnings, "one cell per level: the test compares the cells' replicates"));
    EXPECT_EQ(e.test, "mann-whitney");
    EXPECT_NEAR(e.p_value, 2.0 / 252.0, 1e-12);
    EXPECT_TRUE(e.significant);
}

TEST(DesignEffects, OneValuePerLevelCannotBeTested) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b", "c"})};
    add(in, {0}, 1);
    add(in, {1}, 2);
    add(in, {2}, 3);
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.effects.size(), 1U);
    EXPECT_EQ(r.effects[0].test, "");
    EXPECT_TRUE(std::isnan(r.effects[0].p_value));
    EXPECT_FALSE(r.effects[0].significant);
    EXPECT_TRUE(has(r.effects[0].warnings, "every level has a single value: the effect cannot be tested"));
}

TEST(DesignEffects, FactorWithOneObservedLevelHasNoEffect) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"}), factor("gpu", {"h100"})};
    add_runs(in, {0, 0}, {1, 2});
    add_runs(in, {1, 0}, {3, 4});
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.effects.size(), 1U);
    EXPECT_EQ(r.effects[0].factor, 0U);
    EXPECT_TRUE(r.interactions.empty());
}

TEST(DesignInteractions, CrossedGridHasAContrast) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"}), factor("model", {"m1", "m2"})};
    add_runs(in, {0, 0}, {100, 100});
    add_runs(in, {0, 1}, {200, 200});
    add_runs(in, {1, 0}, {200, 200});
    add_runs(in, {1, 1}, {100, 100});
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.interactions.size(), 1U);
    EXPECT_EQ(r.interactions[0].a, 0U);
    EXPECT_EQ(r.interactions[0].b, 1U);
    // |(100 − 200) − (200 − 100)| = 200 over the median cell mean 150.
    EXPECT_NEAR(r.interactions[0].max_contrast_percent, 200.0 / 150.0 * 100.0, 1e-12);
}

TEST(DesignInteractions, AdditiveGridWithReplicatesHasNone) {
    const DesignResult r = analyze_design(two_by_three());
    ASSERT_EQ(r.interactions.size(), 1U);
    EXPECT_NEAR(r.interactions[0].max_contrast_percent, 0.0, 1e-9);
}

TEST(DesignInteractions, ZeroOverallMedianIsUndefined) {
    DesignInput in;
    in.factors = {factor("a", {"x", "y"}), factor("b", {"u", "v"})};
    add(in, {0, 0}, -1);
    add(in, {0, 1}, 1);
    add(in, {1, 0}, 1);
    add(in, {1, 1}, -1);
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.interactions.size(), 1U);
    EXPECT_TRUE(std::isnan(r.interactions[0].max_contrast_percent));
    EXPECT_TRUE(has(r.warnings, "the overall median is 0: interaction contrasts in % are undefined"));
}

DesignInput three_cells(bool higher_is_better) {
    DesignInput in;
    in.higher_is_better = higher_is_better;
    in.factors = {factor("engine", {"a", "b", "c"})};
    add_runs(in, {0}, {98, 99, 101, 102});  // no ties: the exact Mann–Whitney applies
    add_runs(in, {1}, {108, 109, 111, 112});
    add_runs(in, {2}, {128, 129, 131, 132});
    return in;
}

TEST(DesignBest, HigherIsBetter) {
    const DesignResult r = analyze_design(three_cells(true));
    EXPECT_EQ(r.best_cell, 2U);
    EXPECT_EQ(r.runner_up_cell, 1U);
    EXPECT_EQ(r.worst_cell, 0U);
    EXPECT_NEAR(r.margin_percent, 20.0 / 110.0 * 100.0, 1e-12);
    EXPECT_EQ(r.margin_basis, "mann-whitney");
    EXPECT_NEAR(r.margin_p_value, 2.0 / 70.0, 1e-12);  // 4 vs 4 separated, exact
    EXPECT_TRUE(r.margin_significant);
}

TEST(DesignBest, LowerIsBetter) {
    const DesignResult r = analyze_design(three_cells(false));
    EXPECT_EQ(r.best_cell, 0U);
    EXPECT_EQ(r.runner_up_cell, 1U);
    EXPECT_EQ(r.worst_cell, 2U);
    EXPECT_NEAR(r.margin_percent, 10.0 / 110.0 * 100.0, 1e-12);  // > 0: the best is better
    EXPECT_TRUE(r.margin_significant);
}

TEST(DesignBest, OverlappingCellsAreNotSignificant) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"})};
    add_runs(in, {0}, {100, 104, 98, 103});
    add_runs(in, {1}, {101, 99, 105, 102});
    const DesignResult r = analyze_design(in);
    EXPECT_EQ(r.best_cell, 1U);
    EXPECT_EQ(r.margin_basis, "mann-whitney");
    EXPECT_FALSE(r.margin_significant);
    EXPECT_GT(r.margin_p_value, 0.05);
}

TEST(DesignBest, FewRunsAreWarned) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"})};
    add_runs(in, {0}, {1, 2});
    add_runs(in, {1}, {10, 11});
    const DesignResult r = analyze_design(in);
    EXPECT_EQ(r.margin_basis, "mann-whitney");
    EXPECT_FALSE(r.margin_significant);  // 2 vs 2: the smallest exact p is 1/3
    EXPECT_TRUE(has(r.warnings, "best vs runner-up: need ≥ 4 runs per cell to detect a difference"));
}

TEST(DesignBest, OneCellHasNoMargin) {
    DesignInput in;
    in.factors = {factor("engine", {"a"})};
    add_runs(in, {0}, {1, 2, 3});
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.cells.size(), 1U);
    EXPECT_EQ(r.best_cell, 0U);
    EXPECT_EQ(r.runner_up_cell, 0U);
    EXPECT_EQ(r.worst_cell, 0U);
    EXPECT_TRUE(std::isnan(r.margin_percent));
    EXPECT_EQ(r.margin_basis, "");
    EXPECT_FALSE(r.margin_significant);
    EXPECT_TRUE(r.effects.empty());
}

TEST(DesignOutliers, ZeroAmongHundredsWithThreeRuns) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b", "c"})};
    add_runs(in, {0}, {100, 0, 105});
    add_runs(in, {1}, {100, 200, 300});  // evenly spread: nothing stands out
    add_runs(in, {2}, {100, 130, 0});    // 0 is 115 from 115; the others are 30 apart
    const DesignResult r = analyze_design(in);
    EXPECT_EQ(r.cells[0].outliers, (std::vector<std::size_t>{1}));
    EXPECT_DOUBLE_EQ(r.cells[0].mean_without_outliers, 102.5);
    EXPECT_NEAR(r.cells[0].summary.mean, 205.0 / 3.0, 1e-12);
    EXPECT_TRUE(r.cells[1].outliers.empty());
    EXPECT_DOUBLE_EQ(r.cells[1].mean_without_outliers, 200.0);
    EXPECT_EQ(r.cells[2].outliers, (std::vector<std::size_t>{8}));
    EXPECT_DOUBLE_EQ(r.cells[2].mean_without_outliers, 115.0);
}

TEST(DesignOutliers, FenceRuleFromFourRuns) {
    DesignInput in;
    in.factors = {factor("engine", {"a"})};
    add_runs(in, {0}, {100, 101, 0, 102, 103});  // Q1 100, Q3 102: fences 94 and 108
    const DesignResult r = analyze_design(in);
    EXPECT_EQ(r.cells[0].outliers, (std::vector<std::size_t>{2}));
    EXPECT_DOUBLE_EQ(r.cells[0].mean_without_outliers, 101.5);
}

TEST(DesignOutliers, NoneBelowThreeRuns) {
    DesignInput in;
    in.factors = {factor("engine", {"a"})};
    add_runs(in, {0}, {100, 0});
    const DesignResult r = analyze_design(in);
    EXPECT_TRUE(r.cells[0].outliers.empty());
    EXPECT_DOUBLE_EQ(r.cells[0].mean_without_outliers, 50.0);
}

TEST(DesignInputs, NaNValuesAreIgnored) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"})};
    add_runs(in, {0}, {1, kNaN, 3});
    add_runs(in, {1}, {kNaN, kNaN});
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.cells.size(), 1U);  // cell b has no finite value
    EXPECT_EQ(r.cells[0].summary.n, 2U);
    EXPECT_EQ(r.cells[0].observations, (std::vector<std::size_t>{0, 2}));
    EXPECT_DOUBLE_EQ(r.cells[0].summary.mean, 2.0);
    EXPECT_TRUE(has(r.warnings, non_finite_warning(3, 5)));
    EXPECT_EQ(r.missing_cells, 1U);
    EXPECT_TRUE(r.effects.empty());
}

TEST(DesignInputs, EmptyInput) {
    DesignInput in;
    in.factors = {factor("engine", {"a", "b"}), factor("model", {"m1", "m2", "m3"})};
    const DesignResult r = analyze_design(in);
    EXPECT_TRUE(r.cells.empty());
    EXPECT_TRUE(r.effects.empty());
    EXPECT_TRUE(r.interactions.empty());
    EXPECT_EQ(r.full_grid_cells, 6U);
    EXPECT_EQ(r.missing_cells, 6U);
    EXPECT_TRUE(std::isnan(r.margin_percent));
    EXPECT_TRUE(std::isnan(r.median_cv));
    EXPECT_TRUE(has(r.warnings, std::string(kNoValuesWarning)));
}

TEST(DesignInputs, LengthMismatchAndBadAlpha) {
    DesignInput in;
    in.alpha = 1.5;
    in.factors = {factor("engine", {"a", "b"})};
    add_runs(in, {0}, {1, 2, 3, 4});
    add_runs(in, {1}, {10, 11, 12, 13});
    in.values.push_back(99);  // a value without levels
    const DesignResult r = analyze_design(in);
    EXPECT_TRUE(has(r.warnings, "levels and values differ in length (8 vs 9): used the first 8"));
    EXPECT_TRUE(has(r.warnings, "alpha must be in (0, 1): nothing is marked significant"));
    EXPECT_FALSE(r.margin_significant);
    EXPECT_FALSE(r.effects[0].significant);
}

TEST(DesignInputs, NoFactorsIsOneCell) {
    DesignInput in;
    add(in, {}, 1);
    add(in, {}, 3);
    const DesignResult r = analyze_design(in);
    ASSERT_EQ(r.cells.size(), 1U);
    EXPECT_EQ(r.full_grid_cells, 1U);
    EXPECT_EQ(r.missing_cells, 0U);
    EXPECT_DOUBLE_EQ(r.cells[0].summary.mean, 2.0);
}

TEST(KruskalWallis, ScipyDocumentationExamples) {
    const std::vector<std::vector<double>> no_ties{{1, 3, 5, 7, 9}, {2, 4, 6, 8, 10}};
    const KruskalWallis a = kruskal_wallis(no_ties);
    EXPECT_NEAR(a.h, 3.0 / 11.0, 1e-14);
    EXPECT_NEAR(a.p_value, 0.60150813444058985593, 1e-13);
    EXPECT_EQ(a.groups, 2U);
    EXPECT_EQ(a.n, 10U);

    const std::vector<std::vector<double>> ties{{1, 1, 1}, {2, 2, 2}, {2, 2}};
    const KruskalWallis b = kruskal_wallis(ties);
    EXPECT_NEAR(b.h, 7.0, 1e-13);
    EXPECT_NEAR(b.p_value, 0.03019738342231850074, 1e-14);

    // Hollander & Wolfe's example as used by scipy.
    const std::vector<std::vector<double>> hw{
        {2.9, 3.0, 2.5, 2.6, 3.2}, {3.8, 2.7, 4.0, 2.4}, {2.8, 3.4, 3.7, 2.2, 2.0}};
    const KruskalWallis c = kruskal_wallis(hw);
    EXPECT_NEAR(c.h, 27.0 / 35.0, 1e-14);
    EXPECT_NEAR(c.p_value, 0.67996477357889381932, 1e-13);
}

TEST(KruskalWallis, SeparatedGroupsAndTies) {
    const std::vector<std::vector<double>> separated{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    const KruskalWallis a = kruskal_wallis(separated);
    EXPECT_NEAR(a.h, 7.2, 1e-13);
    EXPECT_NEAR(a.p_value, 0.027323722447292560802, 1e-14);

    const std::vector<std::vector<double>> tied{{10, 10, 20, 30}, {20, 30, 30, 40}, {40, 50, 50, 60}};
    const KruskalWallis b = kruskal_wallis(tied);
    EXPECT_NEAR(b.h, 9383.0 / 1112.0, 1e-12);
    EXPECT_NEAR(b.p_value, 0.014713720985892267589, 1e-13);
}

TEST(KruskalWallis, NonFiniteValuesAndEmptyGroupsAreIgnored) {
    const std::vector<std::vector<double>> groups{
        {1, 3, kNaN, 5, 7, 9}, {}, {2, 4, 6, 8, 10, std::numeric_limits<double>::infinity()}, {kNaN}};
    const KruskalWallis r = kruskal_wallis(groups);
    EXPECT_EQ(r.groups, 2U);
    EXPECT_EQ(r.n, 10U);
    EXPECT_NEAR(r.h, 3.0 / 11.0, 1e-14);
    EXPECT_NEAR(r.p_value, 0.60150813444058985593, 1e-13);
}

TEST(KruskalWallis, DegenerateInputsGiveNaN) {
    const std::vector<std::vector<double>> one{{1, 2, 3}};
    EXPECT_TRUE(std::isnan(kruskal_wallis(one).p_value));
    EXPECT_EQ(kruskal_wallis(one).groups, 1U);
    const std::vector<std::vector<double>> all_tied{{4, 4}, {4, 4, 4}};
    const KruskalWallis tied = kruskal_wallis(all_tied);
    EXPECT_TRUE(std::isnan(tied.h));
    EXPECT_TRUE(std::isnan(tied.p_value));
    EXPECT_TRUE(std::isnan(kruskal_wallis({}).p_value));
}

}  // namespace
}  // namespace stats
