// Throughput of ingest::read_csv on generated inputs: numeric (the common benchmark export),
// fully quoted (llama3-style exports), and mixed text with embedded JSON.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "ingest/csv_reader.hpp"

namespace {

constexpr std::size_t kTargetBytes = 16 * 1024 * 1024;

// Deterministic pseudo-random numbers (xorshift) so every run parses the same bytes.
struct Rng {
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    std::uint64_t next() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
};

std::string decimal(Rng& rng) {
    const auto value = rng.next();
    return std::to_string(value % 100000) + "." + std::to_string(value / 100000 % 10000);
}

std::string numeric_csv() {
    Rng rng;
    std::string text = "run,ttft_s,tokens_s,load_s,prompt_eval_s,eval_s,prompt_eval_count,eval_count\n";
    for (std::uint64_t row = 0; text.size() < kTargetBytes; ++row) {
        text += std::to_string(row);
        for (int column = 0; column < 5; ++column) text += "," + decimal(rng);
        text += "," + std::to_string(rng.next() % 512) + "," + std::to_string(rng.next() % 4096) + "\n";
    }
    return text;
}

std::string quoted_csv() {
    Rng rng;
    std::string text = "\"timestamp\",\"model\",\"prompt_text\",\"ttft_s\",\"tokens_s\",\"error\"\n";
    while (text.size() < kTargetBytes) {
        text += "\"2025-09-30T20:09:43\",\"llama3.1:8b-instruct-q4_0\",\"Give a battle quote, please.\",\"" +
                decimal(rng) + "\",\"" + decimal(rng) + "\",\"\"\n";
    }
    return text;
}

std::string mixed_csv() {
    Rng rng;
    std::string text = "timestamp,model,prompt_text,ttft_s,tokens_s,error,options\n";
    while (text.size() < kTargetBytes) {
        text += "2025-10-02T19:18:24.204845+00:00,llama3.1:8b-instruct-q4_0,banter prompt: Player failed a mission.," +
                decimal(rng) + "," + decimal(rng) + ",,\"{\"\"temperature\"\":0.3,\"\"top_p\"\":0.9}\"\n";
    }
    return text;
}

// Each iteration parses the whole text and frees the table, as one ingest of one file does.
void run(benchmark::State& state, const std::string& text) {
    std::int64_t cells = 0;
    for (auto _ : state) {
        auto table = ingest::read_csv(text, "bench.csv");
        if (!table.has_value()) {
            state.SkipWithError(table.error().message.c_str());
            break;
        }
        cells = static_cast<std::int64_t>(table->rows.size() * table->columns.size());
        benchmark::DoNotOptimize(table);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * cells);  // cells per second
}

void BM_ReadCsvNumeric(benchmark::State& state) {
    static const std::string text = numeric_csv();
    run(state, text);
}
void BM_ReadCsvQuoted(benchmark::State& state) {
    static const std::string text = quoted_csv();
    run(state, text);
}
void BM_ReadCsvMixedJson(benchmark::State& state) {
    static const std::string text = mixed_csv();
    run(state, text);
}

}  // namespace

BENCHMARK(BM_ReadCsvNumeric)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadCsvQuoted)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadCsvMixedJson)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
