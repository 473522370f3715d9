#include "analysis/layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "analysis/layout_tokens.hpp"

namespace analysis::layout {
namespace {

std::vector<FileInput> inputs(const std::vector<std::string>& paths, const std::string& signature = "s") {
    std::vector<FileInput> out;
    for (const auto& path : paths) out.push_back({path, signature});
    return out;
}

const Factor* factor_named(const Pattern& pattern, std::string_view name) {
    for (const auto& factor : pattern.factors)
        if (factor.name == name) return &factor;
    return nullptr;
}

/// The value of factor `name` for the file at `path`.
std::string value_of(const std::vector<FileInput>& files, const Pattern& pattern, std::string_view path,
                     std::string_view name) {
    std::size_t k = 0;
    while (k < pattern.factors.size() && pattern.factors[k].name != name) ++k;
    for (std::size_t i = 0; i < pattern.files.size(); ++i)
        if (files[pattern.files[i]].path == path && k < pattern.factors.size()) return pattern.values[i][k];
    return "<missing>";
}

std::vector<std::string> names(const Pattern& pattern) {
    std::vector<std::string> out;
    for (const auto& factor : pattern.factors) out.push_back(factor.name);
    return out;
}

using Levels = std::vector<std::string>;

TEST(LayoutKeyValue, ReadsKeyNumberTokens) {
    auto ctx = read_key_value("ctx512");
    EXPECT_TRUE(ctx.ok);
    EXPECT_EQ(ctx.key, "ctx");
    EXPECT_EQ(ctx.value, "512");
    EXPECT_EQ(ctx.rule, "token 'ctx512' => ctx=512");
    for (auto [token, key, value] : {std::tuple{"gpu80", "gpu", "80"}, {"tp8", "tp", "8"}, {"isl4096", "isl", "4096"},
                                     {"conc16", "conc", "16"}, {"tp=8", "tp", "8"}, {"conc-16", "conc", "16"},
                                     {"rate0.5", "rate", "0.5"}, {"rate-0.5", "rate", "0.5"}, {"model=llama-8b", "model", "llama-8b"}}) {
        auto kv = read_key_value(token);
        EXPECT_TRUE(kv.ok) << token;
        EXPECT_EQ(kv.key, key) << token;
        EXPECT_EQ(kv.value, value) << token;
        EXPECT_FALSE(kv.leading_zero) << token;
    }
}

TEST(LayoutKeyValue, LeadingZeroIsADecimalPoint) {
    auto temp = read_key_value("temp08");
    ASSERT_TRUE(temp.ok);
    EXPECT_EQ(temp.key, "temp");
    EXPECT_EQ(temp.value, "0.8");
    EXPECT_TRUE(temp.leading_zero);
    EXPECT_EQ(temp.rule, "'08' read as 0.8 (leading zero taken as a decimal point)");
    EXPECT_EQ(read_key_value("temp005").value, "0.05");
    EXPECT_EQ(read_key_value("temp0").value, "0");   // one digit: not a decimal
    EXPECT_EQ(read_key_value("topp0.9").value, "0.9");  // decimals stay as written
}

TEST(LayoutKeyValue, RefusesWordsAndShortKeys) {
    for (const char* token : {"bf16", "fp8", "int4", "nvfp4", "mxfp4", "BF16", "int3", "gpt4", "llama3", "qwen2.5", "phi3",
                              "v2", "a4b", "e2b", "26b", "8b", "tokio", "512", "ctx", "ctx512k", "ctx-", "=8", "a=b=c"}) {
        EXPECT_FALSE(read_key_value(token).ok) << token;
    }
}

TEST(LayoutNaturalOrder, DigitRunsAndNumbersCompareByValue) {
    EXPECT_TRUE(natural_less("run_2", "run_10"));
    EXPECT_FALSE(natural_less("run_10", "run_2"));
    EXPECT_TRUE(natural_less("0.5", "1.0"));
    EXPECT_TRUE(natural_less("1.0", "10"));
    EXPECT_TRUE(natural_less("9", "10"));
    EXPECT_TRUE(natural_less("sweep-0.5", "sweep-0.75"));
    EXPECT_TRUE(natural_less("v1.9.0", "v1.10.0"));  // versions read part by part
    EXPECT_TRUE(natural_less("abc", "abd"));
    EXPECT_FALSE(natural_less("same", "same"));
    EXPECT_NE(natural_less("08", "8"), natural_less("8", "08"));  // equal values still ordered
}

TEST(LayoutNaturalOrder, IsAStrictWeakOrderOnMixedTexts) {
    std::vector<std::string> texts = {"1.5", "1.10", "1.7x", "1.10a", "a", "a1", "a01", "a-1", "a_2", "", "10", "2",
                                      "run_3", "run_03", "1.2.3", "1.2.10", "x9", "x10", "-1", "0.5"};
    for (const auto& a : texts) {
        EXPECT_FALSE(natural_less(a, a)) << a;
        for (const auto& b : texts) {
            if (a != b) {
                EXPECT_NE(natural_less(a, b), natural_less(b, a)) << a << " " << b;
            }
            for (const auto& c : texts) {
                if (natural_less(a, b) && natural_less(b, c)) {
                    EXPECT_TRUE(natural_less(a, c)) << a << " " << b << " " << c;
                }
            }
        }
    }
}

TEST(LayoutTokens, TimestampsAreWhole) {
    using detail::timestamp_length;
    EXPECT_EQ(timestamp_length("20250101-120000"), 15u);
    EXPECT_EQ(timestamp_length("20251002_151824"), 15u);
    EXPECT_EQ(timestamp_length("2025-01-01T12-00-00"), 19u);
    EXPECT_EQ(timestamp_length("2025-01-01T12:00:00"), 19u);
    EXPECT_EQ(timestamp_length("2025-01-01"), 10u);
    EXPECT_EQ(timestamp_length("1735732800"), 10u);
    EXPECT_EQ(timestamp_length("20251399"), 0u);  // month 13
    EXPECT_EQ(timestamp_length("512"), 0u);
    auto tokens = detail::tokenize("bench_20251002_151824");
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_EQ(tokens[1].text, "20251002_151824");
    EXPECT_EQ(tokens[1].role, FactorRole::session);
}

TEST(LayoutTokens, ReplicatesVocabularyAndDashedKeys) {
    for (const char* marker : {"run_3", "run-3", "run3", "rep2", "repeat2", "seed7", "trial1", "iter4", "iteration4"}) {
        auto tokens = detail::tokenize(marker);
        ASSERT_EQ(tokens.size(), 1u) << marker;
        EXPECT_EQ(tokens[0].role, FactorRole::replicate) << marker;
        EXPECT_TRUE(tokens[0].keyed) << marker;
    }
    auto q = detail::tokenize("llama_q4_k_m_tp8-pp2");
    ASSERT_EQ(q.size(), 4u);
    EXPECT_EQ(q[1].text, "q4_k_m");
    EXPECT_FALSE(q[1].keyed);
    EXPECT_EQ(q[2].key, "tp");
    EXPECT_EQ(q[3].key, "pp");
    EXPECT_EQ(q[3].separator, '-');
    EXPECT_FALSE(detail::tokenize("gemma-4-26b-a4b-it")[0].keyed);
}

TEST(LayoutDiscover, HiveFoldersBecomeNamedFactors) {
    std::vector<std::string> paths;
    for (const char* model : {"a", "b"})
        for (const char* ctx : {"512", "1024"})
            for (const char* run : {"1", "2"})
                paths.push_back(std::string("exp/model=") + model + "/ctx=" + ctx + "/run_" + run + "/metrics.json");
    auto files = inputs(paths);
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 1u);
    const auto& p = layout.patterns[0];
    EXPECT_EQ(p.pattern, "exp/model={model}/ctx={ctx}/run_{run}/metrics.json");
    EXPECT_EQ(names(p), (std::vector<std::string>{"model", "ctx", "run"}));
    EXPECT_EQ(p.factors[0].role, FactorRole::category);
    EXPECT_EQ(p.factors[1].role, FactorRole::setting);
    EXPECT_EQ(p.factors[1].levels, (Levels{"512", "1024"}));
    EXPECT_EQ(p.factors[1].segment, 2u);
    EXPECT_EQ(p.factors[2].role, FactorRole::replicate);
    EXPECT_EQ(p.factors[2].origin, FactorOrigin::folder);
    EXPECT_EQ(p.files.size(), 8u);
    EXPECT_EQ(files[p.files[0]].path, "exp/model=a/ctx=512/run_1/metrics.json");
    EXPECT_EQ(value_of(files, p, "exp/model=b/ctx=1024/run_2/metrics.json", "ctx"), "1024");
}

TEST(LayoutDiscover, TokenEncodedFoldersWithDifferentTokenCounts) {
    std::vector<std::string> paths;
    for (const char* scenario : {"chimera_homo", "baseline_vs_chimera"})
        for (const char* ctx : {"ctx512", "ctx1024"})
            for (const char* temp : {"temp08", "temp05"})
                for (const char* run : {"run_3", "run_10"})
                    paths.push_back(std::string("bench/") + scenario + "_gpu80_" + ctx + "_" + temp + "/" + run + "/metrics.json");
    auto files = inputs(paths);
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 1u);
    const auto& p = layout.patterns[0];
    EXPECT_EQ(p.pattern, "bench/{bench}_gpu80_ctx{ctx}_temp{temp}/run_{run}/metrics.json");
    EXPECT_EQ(factor_named(p, "bench")->levels, (Levels{"baseline_vs_chimera", "chimera_homo"}));
    EXPECT_EQ(factor_named(p, "ctx")->levels, (Levels{"512", "1024"}));
    EXPECT_EQ(factor_named(p, "temp")->levels, (Levels{"0.5", "0.8"}));
    EXPECT_NE(factor_named(p, "temp")->rule.find("leading zero"), std::string::npos);
    EXPECT_EQ(factor_named(p, "run")->levels, (Levels{"3", "10"}));
    EXPECT_EQ(factor_named(p, "gpu"), nullptr);  // constant token drops out
    EXPECT_EQ(value_of(files, p, "bench/chimera_homo_gpu80_ctx512_temp08/run_3/metrics.json", "bench"), "chimera_homo");
    EXPECT_EQ(value_of(files, p, "bench/chimera_homo_gpu80_ctx512_temp08/run_3/metrics.json", "temp"), "0.8");
}

TEST(LayoutDiscover, FileNameGridOfModelsAndConcurrency) {
    std::vector<std::string> paths;
    for (const char* model : {"llama-8b", "qwen-7b", "mistral-24b"})
        for (const char* conc : {"1", "16", "64"})
            paths.push_back(std::string("grid/") + model + "_vllm_tp8_isl4096_osl128_conc" + conc + ".json");
    auto files = inputs(paths);
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 1u);
    const auto& p = layout.patterns[0];
    EXPECT_EQ(p.pattern, "grid/{model}_vllm_tp8_isl4096_osl128_conc{conc}.json");
    ASSERT_EQ(p.factors.size(), 2u);
    EXPECT_EQ(p.factors[0].origin, FactorOrigin::file_name);
    EXPECT_EQ(p.factors[0].levels, (Levels{"llama-8b", "mistral-24b", "qwen-7b"}));
    EXPECT_EQ(p.factors[1].levels, (Levels{"1", "16", "64"}));
    EXPECT_EQ(p.factors[1].role, FactorRole::setting);
    EXPECT_EQ(value_of(files, p, "grid/qwen-7b_vllm_tp8_isl4096_osl128_conc16.json", "model"), "qwen-7b");
}

TEST(LayoutDiscover, ReplicateFoldersInNaturalOrder) {
    auto files = inputs({"r/run_10/m.json", "r/run_2/m.json", "r/run_1/m.json"});
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 1u);
    const auto& p = layout.patterns[0];
    EXPECT_EQ(p.pattern, "r/run_{run}/m.json");
    EXPECT_EQ(p.factors[0].role, FactorRole::replicate);
    EXPECT_EQ(p.factors[0].levels, (Levels{"1", "2", "10"}));
    EXPECT_EQ(files[p.files[0]].path, "r/run_1/m.json");
    EXPECT_EQ(files[p.files[1]].path, "r/run_2/m.json");
    EXPECT_EQ(files[p.files[2]].path, "r/run_10/m.json");
    auto seeds = discover(inputs({"s/seed7/m.json", "s/seed11/m.json"}));
    EXPECT_EQ(seeds.patterns[0].factors[0].name, "seed");
    EXPECT_EQ(seeds.patterns[0].factors[0].role, FactorRole::replicate);
}

TEST(LayoutDiscover, TimestampFoldersAreSessions) {
    auto files = inputs({"logs/20250101-120000/m.json", "logs/20250102-093000/m.json", "logs/2025-01-03T08-00-00/m.json"});
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 1u);
    const auto& p = layout.patterns[0];
    ASSERT_EQ(p.factors.size(), 1u);
    EXPECT_EQ(p.factors[0].name, "session");
    EXPECT_EQ(p.factors[0].role, FactorRole::session);
    EXPECT_EQ(p.pattern, "logs/{session}/m.json");
}

TEST(LayoutDiscover, PrecisionModelAndFamilyNamedFromValues) {
    auto files = inputs({"results/gemma-4/gemma-4-26b-a4b-it/bf16/m.json", "results/gemma-4/gemma-4-26b-a4b-it/fp8/m.json",
                         "results/gemma-4/gemma-4-e2b/bf16/m.json", "results/qwen-3.6/qwen-3.6-27b/bf16-v23/m.json",
                         "results/qwen-3.6/qwen-3.6-27b/nvfp4/m.json"});
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 1u);
    const auto& p = layout.patterns[0];
    EXPECT_EQ(p.pattern, "results/{level1}/{model}/{precision}/m.json");
    EXPECT_NE(factor_named(p, "level1")->rule.find("too generic"), std::string::npos);
    EXPECT_EQ(factor_named(p, "model")->levels, (Levels{"gemma-4-26b-a4b-it", "gemma-4-e2b", "qwen-3.6-27b"}));
    EXPECT_NE(factor_named(p, "model")->rule.find("nested in level1"), std::string::npos);
    EXPECT_EQ(factor_named(p, "precision")->levels, (Levels{"bf16", "bf16-v23", "fp8", "nvfp4"}));
    EXPECT_EQ(factor_named(p, "precision")->role, FactorRole::category);
}

TEST(LayoutDiscover, BareFoldersNamedFromParentOrDevice) {
    auto runtimes = discover(inputs({"rust_runtimes/tokio/m.json", "rust_runtimes/smol/m.json"}));
    EXPECT_EQ(runtimes.patterns[0].pattern, "rust_runtimes/{rust_runtimes}/m.json");
    EXPECT_EQ(runtimes.patterns[0].factors[0].levels, (Levels{"smol", "tokio"}));
    auto devices = discover(inputs({"x/cpu/m.json", "x/cuda/m.json", "x/mps/m.json"}));
    EXPECT_EQ(devices.patterns[0].factors[0].name, "device");
    auto top = discover(inputs({"tokio/m.json", "smol/m.json"}));
    EXPECT_EQ(top.patterns[0].pattern, "{level0}/m.json");
    auto duplicate = discover(inputs({"x/a_b/m.json", "x/c_d/m.json"}));
    EXPECT_EQ(duplicate.patterns[0].pattern, "x/{x}_{x_2}/m.json");  // names unique in a pattern
    auto numbers = discover(inputs({"x/rate_0.5/m.json", "x/rate_1.0/m.json"}));
    EXPECT_EQ(numbers.patterns[0].pattern, "x/rate_{rate}/m.json");
    EXPECT_EQ(numbers.patterns[0].factors[0].role, FactorRole::setting);
}

TEST(LayoutDiscover, NumericFileNameSweepAlone) {
    auto files = inputs({"suite/11-rate-sweep-0.2.json", "suite/11-rate-sweep-0.1.json", "suite/11-rate-sweep-1.0.json"});
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 1u);
    const auto& p = layout.patterns[0];
    EXPECT_EQ(p.pattern, "suite/11-rate-sweep-{rate-sweep}.json");
    ASSERT_EQ(p.factors.size(), 1u);
    EXPECT_EQ(p.factors[0].role, FactorRole::setting);
    EXPECT_EQ(p.factors[0].levels, (Levels{"0.1", "0.2", "1.0"}));
    EXPECT_EQ(p.factors[0].origin, FactorOrigin::file_name);
}

TEST(LayoutDiscover, NumericFileNameSweepMixedWithOtherStems) {
    auto files = inputs({"suite/07-office-baseline.json", "suite/08-sharegpt.json", "suite/11-rate-sweep-0.1.json",
                         "suite/11-rate-sweep-0.2.json", "suite/11-rate-sweep-0.5.json"});
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 1u);
    const auto& p = layout.patterns[0];
    EXPECT_EQ(p.pattern, "suite/{file}[-{rate-sweep}].json");
    EXPECT_EQ(factor_named(p, "file")->levels, (Levels{"07-office-baseline", "08-sharegpt", "11-rate-sweep"}));
    EXPECT_EQ(value_of(files, p, "suite/08-sharegpt.json", "rate-sweep"), "");
    EXPECT_EQ(value_of(files, p, "suite/11-rate-sweep-0.5.json", "rate-sweep"), "0.5");
    EXPECT_EQ(value_of(files, p, "suite/11-rate-sweep-0.5.json", "file"), "11-rate-sweep");
}

TEST(LayoutDiscover, DifferentSignaturesAreNeverMerged) {
    std::vector<FileInput> files = {{"e/a/m.json", "x"}, {"e/b/m.json", "x"}, {"e/c/m.json", "y"}, {"e/d/m.json", "y"}};
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 2u);
    EXPECT_EQ(layout.patterns[0].signature, "x");
    EXPECT_EQ(layout.patterns[0].factors[0].levels, (Levels{"a", "b"}));
    EXPECT_EQ(layout.patterns[1].signature, "y");
    EXPECT_EQ(layout.patterns[1].factors[0].levels, (Levels{"c", "d"}));
}

TEST(LayoutDiscover, SingletonsDepthsAndExtensionsSplitGroups) {
    auto files = inputs({"a/b/c.json", "a/b/c.csv", "a/x.json", "a/y.json", "README.md"});
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 4u);
    std::vector<int> seen(files.size(), 0);
    for (const auto& p : layout.patterns) {
        EXPECT_EQ(p.values.size(), p.files.size());
        for (std::size_t f : p.files) ++seen[f];
        if (p.files.size() == 1) {
            EXPECT_TRUE(p.factors.empty());
            EXPECT_EQ(p.pattern, files[p.files[0]].path);
        }
    }
    EXPECT_EQ(seen, std::vector<int>(files.size(), 1));  // every file in exactly one pattern
    EXPECT_EQ(layout.patterns[0].pattern, "README.md");
    EXPECT_EQ(layout.patterns[1].pattern, "a/b/c.csv");
}

TEST(LayoutDiscover, KeysPresentInSomeNamesOnly) {
    auto files = inputs({"e/a_temp08/m.json", "e/a/m.json", "e/a_temp05/m.json"});
    auto layout = discover(files);
    ASSERT_EQ(layout.patterns.size(), 1u);
    const auto& p = layout.patterns[0];
    EXPECT_EQ(p.pattern, "e/a_temp{temp}/m.json");
    EXPECT_EQ(value_of(files, p, "e/a/m.json", "temp"), "");
    EXPECT_EQ(factor_named(p, "temp")->levels, (Levels{"0.5", "0.8"}));
}

TEST(LayoutDiscover, DeterministicUnderShuffledInput) {
    std::vector<std::string> paths;
    for (const char* model : {"llama-8b", "qwen-7b"})
        for (int conc : {1, 2, 4, 8, 16, 32})
            for (int run = 1; run <= 12; ++run)
                paths.push_back(std::string("out/") + model + "/run_" + std::to_string(run) + "/conc" +
                                std::to_string(conc) + ".json");
    paths.push_back("out/notes.txt");
    paths.push_back("out/extra/summary.json");
    auto render = [](const std::vector<FileInput>& files) {
        std::string text;
        for (const auto& p : discover(files).patterns) {
            text += p.pattern + "|" + p.signature + "\n";
            for (const auto& f : p.factors) {
                text += " " + f.name + ":" + std::string(role_name(f.role)) + ":" + std::string(origin_name(f.origin)) + ":" + f.rule;
                for (const auto& level : f.levels) text += "," + level;
                text += "\n";
            }
            for (std::size_t i = 0; i < p.files.size(); ++i) {
                text += "  " + files[p.files[i]].path;
                for (const auto& v : p.values[i]) text += " " + v;
                text += "\n";
            }
        }
        return text;
    };
    auto files = inputs(paths);
    std::string expected = render(files);
    std::mt19937 rng(7);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(files.begin(), files.end(), rng);
        EXPECT_EQ(render(files), expected);
    }
    EXPECT_NE(expected.find("out/{model}/run_{run}/conc{conc}.json"), std::string::npos);
}

// Many files: every file lands in exactly one pattern, and the design is read the same way as
// for a few. (Speed is measured by bench/design_tree.sh, which analyses 10^5 files, not here.)
TEST(LayoutDiscover, ManyPathsEachInOnePattern) {
    std::vector<FileInput> files;
    files.reserve(20000);
    for (int i = 0; i < 20000; ++i)
        files.push_back({"bench/model_" + std::to_string(i % 10) + "-8b_ctx" + std::to_string(512 << (i / 10 % 4)) +
                             "/run_" + std::to_string(i / 40 % 25) + "/" + "20250101-" + std::to_string(100000 + i / 1000) +
                             "/metrics_" + std::to_string(i) + ".json",
                         i % 3 == 0 ? "a" : "b"});
    auto layout = discover(files);
    std::size_t covered = 0;
    for (const auto& p : layout.patterns) covered += p.files.size();
    EXPECT_EQ(covered, files.size());
    ASSERT_EQ(layout.patterns.size(), 2u);  // signatures a and b
    for (const auto& p : layout.patterns) {
        bool ctx = false, run = false;
        for (const auto& f : p.factors) {
            ctx = ctx || (f.name == "ctx" && f.levels == std::vector<std::string>{"512", "1024", "2048", "4096"});
            run = run || (f.name == "run" && f.role == FactorRole::replicate && f.levels.size() == 25);
        }
        EXPECT_TRUE(ctx) << p.pattern;
        EXPECT_TRUE(run) << p.pattern;
    }
}

}  // namespace
}  // namespace analysis::layout
