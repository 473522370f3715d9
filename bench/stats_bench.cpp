// Cost of the stats:: hot paths on generated samples: summarize (sort + moments), the percentile
// bootstrap (resamples · n draws), and Mann–Whitney in its exact and normal-approximation modes.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "stats/interval.hpp"
#include "stats/mann_whitney.hpp"
#include "stats/random.hpp"
#include "stats/summary.hpp"

namespace {

// Latency-like values (ms): a 200 ms floor plus an exponential tail, same on every run.
std::vector<double> latencies(std::size_t n, std::uint64_t seed) {
    stats::Xoshiro256StarStar rng(seed);
    std::vector<double> out(n);
    for (double& v : out) v = 200.0 - 25.0 * std::log(1.0 - rng.uniform01());
    return out;
}

void BM_Summarize(benchmark::State& state) {
    const auto values = latencies(static_cast<std::size_t>(state.range(0)), 1);
    for (auto _ : state) benchmark::DoNotOptimize(stats::summarize(values));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Summarize)->Arg(100)->Arg(10'000)->Arg(1'000'000);

void BM_BootstrapMedian(benchmark::State& state) {
    const auto values = latencies(static_cast<std::size_t>(state.range(0)), 2);
    for (auto _ : state) benchmark::DoNotOptimize(stats::bootstrap_ci(values, 0.5));
    state.SetItemsProcessed(state.iterations() * state.range(0) * 2000);  // draws
}
BENCHMARK(BM_BootstrapMedian)->Arg(30)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond);

void BM_MannWhitney(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto a = latencies(n, 3);
    const auto b = latencies(n, 4);
    for (auto _ : state) benchmark::DoNotOptimize(stats::mann_whitney_u(a, b));
}
BENCHMARK(BM_MannWhitney)->Arg(20)->Arg(21)->Arg(10'000);  // 20: exact; 21 and up: normal

}  // namespace

BENCHMARK_MAIN();
