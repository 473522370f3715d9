// Unit tests for src/analysis/claims*.cpp: derived summaries and prose claims vs raw frames.
#include "analysis/claims.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "analysis/fact_test_support.hpp"
#include "util/strings.hpp"

namespace analysis {
namespace {

using model::Quantity;

// A row with its dimension values as text; frame() interns them.
struct TextRow {
    FrameRow row;
    std::vector<std::string> dims;
    std::vector<double> values;
};

TextRow row(std::vector<std::string> dims, std::vector<double> values, long long line, bool failed = false,
            bool cold = false) {
    FrameRow r;
    r.line = line;
    r.failed = failed;
    r.cold = cold;
    return TextRow{std::move(r), std::move(dims), std::move(values)};
}

void append(Frame& f, TextRow r) { add_row(f, std::move(r.row), r.dims, r.values); }

Frame frame(std::string file, std::vector<std::string> dims, std::vector<bool> settings, std::vector<Measure> measures,
            std::vector<TextRow> rows, bool derived = false) {
    Frame f;
    f.file = file;
    f.label = file;
    f.id = slug(file);
    f.derived = derived;
    f.dim_names = std::move(dims);
    f.dim_is_setting = std::move(settings);
    f.measures = std::move(measures);
    for (auto& r : rows) append(f, std::move(r));
    return f;
}

const Measure kTokens{"tokens_s", Quantity::throughput, "tokens/s"};
const Measure kTtft{"ttft_s", Quantity::time, "s"};

/// Raw sweep: two runs per configuration of num_gpu x num_ctx.
Frame raw_sweep() {
    return frame("g/g_param_tuning.csv", {"num_gpu", "num_ctx"}, {true, true}, {kTokens, kTtft},
                 {row({"40", "1024"}, {100, 0.12}, 2), row({"40", "1024"}, {102, 0.14}, 3),
                  row({"60", "1024"}, {110, 0.10}, 4), row({"60", "1024"}, {112, 0.10}, 5)});
}

Frame summary_of(std::vector<double> means) {
    Measure mean{"mean_tokens_s", Quantity::throughput, "tokens/s"};
    return frame("g/g_param_tuning_summary.csv", {"num_gpu", "num_ctx"}, {true, true}, {mean},
                 {row({"40.00", "1024.00"}, {means[0]}, 2), row({"60.00", "1024.00"}, {means[1]}, 3)}, true);
}

std::vector<Fact> derived_facts(const std::vector<Frame>& frames) {
    std::vector<Fact> facts;
    add_derived_check_facts(frames, facts);
    return facts;
}

using test_support::contains;
using test_support::find_kind;

/// Every number written outside `code spans` must be the number or text of one of the values.
void expect_numbers_traced(const Fact& fact) {
    const std::string& s = fact.statement;
    bool in_code = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '`') in_code = !in_code;
        bool starts = !in_code && std::isdigit(static_cast<unsigned char>(s[i])) &&
                      (i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_' || s[i - 1] == '.'));
        if (!starts) continue;
        std::size_t j = i;
        while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) ||
                                ((s[j] == '.' || s[j] == ',') && j + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[j + 1])))))
            ++j;
        std::string number = s.substr(i, j - i);
        bool found = false;
        for (const auto& v : fact.values) found = found || v.number() == number || v.text == number;
        EXPECT_TRUE(found) << "number " << number << " not among the values of " << fact.id << ": " << s;
        i = j;
    }
}

TEST(ClaimsDerived, SummaryThatAgreesIsInfo) {
    auto facts = derived_facts({raw_sweep(), summary_of({101, 111})});
    const Fact* f = find_kind(facts, analysis::FactKind::derived_check);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::info);
    EXPECT_EQ(f->id, "derived/g-g-param-tuning-summary.csv/mean-tokens-s");
    EXPECT_TRUE(contains(f->statement, "all 2 `mean_tokens_s` values agree")) << f->statement;
    EXPECT_EQ(find_kind(facts, analysis::FactKind::derived_unmatched), nullptr);
    EXPECT_EQ(f->sources.size(), 6u);  // two summary rows and the four raw rows behind them
}

TEST(ClaimsDerived, SummaryThatDisagreesIsWarningWithBothNumbers) {
    auto facts = derived_facts({raw_sweep(), summary_of({101, 115})});
    const Fact* f = find_kind(facts, analysis::FactKind::derived_check);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_TRUE(contains(f->statement, "1 of 2")) << f->statement;
    EXPECT_TRUE(contains(f->statement, "summary 115.00 tok/s")) << f->statement;
    EXPECT_TRUE(contains(f->statement, "raw mean 111.00 tok/s")) << f->statement;
    EXPECT_TRUE(contains(f->statement, "`num_gpu=60.00, num_ctx=1024.00`")) << f->statement;
    EXPECT_TRUE(contains(f->statement, "raw data wins")) << f->statement;
}

TEST(ClaimsDerived, ToleranceIsHalfAPercent) {
    EXPECT_EQ(find_kind(derived_facts({raw_sweep(), summary_of({101.5, 111})}), analysis::FactKind::derived_check)->severity, Severity::info);
    EXPECT_EQ(find_kind(derived_facts({raw_sweep(), summary_of({101.6, 111})}), analysis::FactKind::derived_check)->severity, Severity::warning);
}

TEST(ClaimsDerived, FailedZeroRowsAveragedInAreCalledOut) {
    Frame raw = raw_sweep();
    append(raw, row({"40", "1024"}, {0, 0}, 6, /*failed=*/true));
    // (100 + 102 + 0) / 3 = 67.33: the summary counted the failed call as a zero.
    auto facts = derived_facts({raw, summary_of({67.33, 111})});
    const Fact* f = find_kind(facts, analysis::FactKind::derived_check);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_TRUE(contains(f->statement, "averaged failed runs in")) << f->statement;
    EXPECT_TRUE(contains(f->statement, "67.33 tok/s")) << f->statement;
    EXPECT_TRUE(contains(f->statement, "101.00 tok/s")) << f->statement;
}

TEST(ClaimsDerived, ColdStartsIncludedIsANotice) {
    Frame raw = raw_sweep();
    raw.rows[0].cold = true;  // TTFT 0.12 s; warm mean of the config is 0.14 s, with the cold call 0.13 s
    Measure mean{"mean_ttft_s", Quantity::time, "s"};
    Frame summary = frame("g/g_param_tuning_summary.csv", {"num_gpu", "num_ctx"}, {true, true}, {mean},
                          {row({"40", "1024"}, {0.13}, 2), row({"60", "1024"}, {0.10}, 3)}, true);
    const auto f_facts = derived_facts({raw, summary});
    const Fact* f = find_kind(f_facts, analysis::FactKind::derived_check);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::notice);
    EXPECT_TRUE(contains(f->statement, "the summary includes cold starts")) << f->statement;
}

TEST(ClaimsDerived, ContextKeysSelectRawFramesAndUnmatchedAreListed) {
    Frame raw = frame("runs/a_runs.csv", {"prompt"}, {false}, {kTokens}, {row({"p1"}, {70}, 2), row({"p2"}, {72}, 3)});
    raw.context = {{"model", "m:q4"}};
    Measure mean{"mean_tokens_s", Quantity::throughput, "tokens/s"};
    Frame summary = frame("runs/a_summary.json", {"model"}, {false}, {mean}, {row({"m:q4"}, {71}, 0)});
    Frame orphan = frame("notes.md", {"Scenario"}, {false}, {mean}, {row({"x"}, {1}, 4)}, true);
    orphan.narrative = true;
    auto facts = derived_facts({raw, summary, orphan});
    const Fact* check = find_kind(facts, analysis::FactKind::derived_check);
    ASSERT_NE(check, nullptr);
    EXPECT_EQ(check->severity, Severity::info);
    const Fact* unmatched = find_kind(facts, analysis::FactKind::derived_unmatched);
    ASSERT_NE(unmatched, nullptr);
    EXPECT_TRUE(contains(unmatched->statement, "`notes.md`")) << unmatched->statement;
}

TEST(ClaimsDerived, PrefersTheRawFrameWithTheLongestCommonStem) {
    Frame other = raw_sweep();
    other.file = other.label = "g/h_param_tuning.csv";
    other.id = slug(other.file);
    Frame summary = summary_of({101, 111});
    summary.file = summary.label = "g/h_param_tuning_summary.csv";
    const auto f_facts = derived_facts({raw_sweep(), other, summary});
    const Fact* f = find_kind(f_facts, analysis::FactKind::derived_check);
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(contains(f->statement, "raw `g/h_param_tuning.csv`")) << f->statement;
}

TEST(ClaimsDerived, PrintedPrecisionOfTheColumnWidensTolerance) {
    // TTFT printed with two decimals: 0.06 stands for anything in [0.055, 0.065).
    Frame raw = frame("g/g_param_tuning.csv", {"num_gpu"}, {true}, {kTtft}, {row({"40"}, {0.0649}, 2), row({"60"}, {0.0551}, 3)});
    Measure ttft{"TTFT (s)", Quantity::time, "s"};
    Frame table = frame("g/report.md", {"num_gpu"}, {true}, {ttft}, {row({"40"}, {0.06}, 7), row({"60"}, {0.06}, 8)}, true);
    table.narrative = true;
    const auto f_facts = derived_facts({raw, table});
    const Fact* f = find_kind(f_facts, analysis::FactKind::derived_check);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::info) << f->statement;
}

TEST(ClaimsDerived, RankLabelsAreNotKeysAndTempSelectsTemperature) {
    // "Config" holds ranks ("Best", "2nd") the raw config_name never has; "temp" is temperature.
    Frame raw = frame("g/g_param_tuning.csv", {"num_gpu", "temperature", "config_name"}, {true, true, false}, {kTokens},
                      {row({"40", "0.4", "g40_t0.4"}, {100}, 2), row({"40", "0.8", "g40_t0.8"}, {90}, 3)});
    Measure temp{"temp", Quantity::temperature, "degC"};
    Frame table = frame("g/report.md", {"Config", "num_gpu"}, {false, true}, {temp, kTokens},
                        {row({"Best", "40"}, {0.4, 100}, 7), row({"2nd", "40"}, {0.8, 90}, 8)}, true);
    const auto f_facts = derived_facts({raw, table});
    const Fact* f = find_kind(f_facts, analysis::FactKind::derived_check);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::info) << f->statement;
    EXPECT_TRUE(contains(f->statement, "all 2 `tokens_s` values agree")) << f->statement;
}

// --- prose claims --------------------------------------------------------------------------

model::Claim claim(std::string file, long long line, std::string text, double value, std::string unit_text,
                   Quantity quantity, double to_canonical = 1.0, std::string heading = "Results") {
    model::Claim c;
    c.source = model::Source{std::move(file), line, ""};
    c.text = std::move(text);
    c.heading = std::move(heading);
    c.value = value;
    c.unit_text = unit_text;
    c.unit = model::Unit{quantity, to_canonical, unit_text};
    return c;
}

/// gemma3 baseline (5 calls, the first one cold) and a quantization bench with a tag dimension.
std::vector<Frame> raw_frames() {
    Frame baseline = frame("gemma3/gemma3_baseline.csv", {"prompt"}, {false}, {kTtft, kTokens},
                           {row({"a"}, {2.30, 101.0}, 2, false, true), row({"b"}, {0.12, 102.0}, 3),
                            row({"c"}, {0.13, 103.0}, 4), row({"d"}, {0.12, 102.5}, 5), row({"e"}, {0.13, 101.5}, 6)});
    Frame quant = frame("data/ollama_quant_bench.csv", {"tag", "prompt"}, {false, false}, {kTtft, kTokens},
                        {row({"q4_0", "a"}, {0.10, 76.0}, 2), row({"q4_0", "b"}, {0.09, 77.0}, 3),
                         row({"q8_0", "a"}, {0.15, 46.5}, 4), row({"q8_0", "b"}, {0.16, 46.7}, 5)});
    return {baseline, quant};
}

std::vector<Fact> claim_facts(std::vector<model::Claim> claims) {
    model::Corpus corpus;
    corpus.claims = std::move(claims);
    std::vector<Fact> facts;
    add_claim_facts(corpus, raw_frames(), facts);
    return facts;
}

TEST(ClaimsProse, ConfirmedByTheMeanOfTheNamedSubject) {
    // mean of 101, 102, 103, 102.5, 101.5 = 102.0
    auto facts = claim_facts({claim("gemma3/SUMMARY.md", 11, "Mean throughput of Gemma3: 102.00 tokens/s", 102.0,
                                    "tokens/s", Quantity::throughput)});
    const Fact* f = find_kind(facts, analysis::FactKind::claim_confirmed);
    ASSERT_NE(f, nullptr) << (facts.empty() ? "" : facts[0].statement);
    EXPECT_EQ(f->id, "claim/gemma3-summary.md/11/1");
    EXPECT_EQ(f->severity, Severity::info);
    EXPECT_TRUE(contains(f->statement, "matches the mean of `gemma3/gemma3_baseline.csv`")) << f->statement;
    EXPECT_EQ(f->sources.front().file, "gemma3/SUMMARY.md");
    EXPECT_EQ(f->sources.front().line, 11);
}

TEST(ClaimsProse, ContradictedWhenNoStatisticAgrees) {
    auto facts = claim_facts({claim("gemma3/SUMMARY.md", 12, "Mean throughput of gemma3: 102.85 tokens/s", 102.85,
                                    "tokens/s", Quantity::throughput)});
    const Fact* f = find_kind(facts, analysis::FactKind::claim_contradicted);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_TRUE(contains(f->statement, "claims 102.85 tokens/s for `gemma3`")) << f->statement;
    EXPECT_TRUE(contains(f->statement, "mean 102.00 tok/s")) << f->statement;
    EXPECT_TRUE(contains(f->statement, "5 successful calls")) << f->statement;
    EXPECT_TRUE(contains(f->statement, "raw data wins")) << f->statement;
}

TEST(ClaimsProse, LevelOfASubjectDimensionSelectsRows) {
    // q8_0: mean of 46.5 and 46.7 = 46.6; q4_0 would give 76.5.
    auto facts = claim_facts({claim("notes.md", 3, "q8_0 reaches 46.60 tok/s", 46.6, "tok/s", Quantity::throughput)});
    const Fact* f = find_kind(facts, analysis::FactKind::claim_confirmed);
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(contains(f->statement, "[tag=q8_0]")) << f->statement;
}

TEST(ClaimsProse, TtftClaimUsesWarmCalls) {
    // Warm TTFT of gemma3: 0.12, 0.13, 0.12, 0.13 -> mean 0.125 s.
    auto facts = claim_facts({claim("gemma3/SUMMARY.md", 13, "Mean TTFT of gemma3: 0.125 s (warm)", 0.125, "s", Quantity::time)});
    const Fact* f = find_kind(facts, analysis::FactKind::claim_confirmed);
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(contains(f->statement, "warm mean")) << f->statement;
}

TEST(ClaimsProse, NoSubjectBoundsAndUnknownVariantsAreUnverifiable) {
    auto facts = claim_facts({
        claim("r.md", 1, "Mean throughput: 99.5 tokens/s", 99.5, "tokens/s", Quantity::throughput),
        claim("r.md", 2, "gemma3 keeps TTFT under 0.2 s", 0.2, "s", Quantity::time),
        claim("r.md", 3, "Gemma3:1b-qat reaches 187.2 tokens/s", 187.2, "tokens/s", Quantity::throughput),
        claim("r.md", 4, "gemma3 finished the suite in 2 hours", 2, "hours", Quantity::time, 3600),
    });
    EXPECT_EQ(find_kind(facts, analysis::FactKind::claim_confirmed), nullptr);
    EXPECT_EQ(find_kind(facts, analysis::FactKind::claim_contradicted), nullptr);
    const Fact* f = find_kind(facts, analysis::FactKind::claim_unverifiable);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(facts.size(), 1u);
    EXPECT_EQ(f->id, "claim-unverifiable/r.md");
    EXPECT_TRUE(contains(f->statement, "4 throughput and time claims")) << f->statement;
    EXPECT_EQ(f->sources.size(), 4u);
}

TEST(ClaimsProse, SideBySideNumbersAreNeverContradicted) {
    // "102.85 vs 76.59": one number per subject; neither is checked against gemma3 alone.
    auto facts = claim_facts({
        claim("s.md", 20, "gemma3 is faster (105.85 vs 70.59 tok/s)", 105.85, "tok/s", Quantity::throughput),
        claim("s.md", 20, "gemma3 is faster (105.85 vs 70.59 tok/s)", 70.59, "tok/s", Quantity::throughput),
    });
    EXPECT_EQ(find_kind(facts, analysis::FactKind::claim_contradicted), nullptr);
    ASSERT_NE(find_kind(facts, analysis::FactKind::claim_unverifiable), nullptr);
}

TEST(ClaimsProse, BestConfigurationOfASweep) {
    std::vector<Frame> frames = {raw_sweep()};
    frames[0].file = frames[0].label = "g/gemma3_param_tuning.csv";
    model::Corpus corpus;
    corpus.claims = {claim("g/r.md", 5, "Best configuration for gemma3: 111.00 tokens/s", 111, "tokens/s", Quantity::throughput),
                     claim("g/r.md", 6, "Best configuration for gemma3: 101.00 tokens/s", 101, "tokens/s", Quantity::throughput)};
    std::vector<Fact> facts;
    add_claim_facts(corpus, frames, facts);
    ASSERT_EQ(facts.size(), 2u);
    EXPECT_EQ(facts[0].kind, analysis::FactKind::claim_confirmed);
    EXPECT_TRUE(contains(facts[0].statement, "best configuration (`num_gpu=60, num_ctx=1024`) mean")) << facts[0].statement;
    EXPECT_EQ(facts[1].kind, analysis::FactKind::claim_contradicted) << facts[1].statement;  // the mean of the worst config is not the best
}

TEST(ClaimsAll, EveryNumberInEveryStatementIsAValue) {
    std::vector<Fact> facts;
    Frame raw = raw_sweep();
    append(raw, row({"40", "1024"}, {0, 0}, 6, true));
    raw.rows[1].cold = true;
    add_derived_check_facts({raw, summary_of({67.33, 115})}, facts);
    add_derived_check_facts({raw_sweep(), summary_of({101, 111})}, facts);
    add_derived_check_facts({frame("n.md", {"x"}, {false}, {kTokens}, {row({"1"}, {1}, 1)}, true)}, facts);
    for (auto& f : claim_facts({
             claim("g/S.md", 11, "Mean throughput of gemma3: 102.85 tokens/s", 102.85, "tokens/s", Quantity::throughput),
             claim("g/S.md", 12, "Mean throughput of gemma3: 102.00 tokens/s", 102.0, "tokens/s", Quantity::throughput),
             claim("g/S.md", 13, "q4_0 and q8_0 TTFT stays at 0.5 s", 0.5, "s", Quantity::time),
             claim("g/S.md", 14, "Throughput: 99 tokens/s", 99, "tokens/s", Quantity::throughput),
         }))
        facts.push_back(std::move(f));
    ASSERT_GE(facts.size(), 6u);
    for (const auto& f : facts) expect_numbers_traced(f);
}

}  // namespace
}  // namespace analysis
