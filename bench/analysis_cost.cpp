// Analysis cost against ingest cost on one folder, in one process: ingests the folder REPEAT times
// (timed; the last corpus is kept), then runs the analysis REPEAT times on that corpus (timed, with
// its phases) and prints the ratio of the fastest analysis to the fastest ingest: both measured
// the same way, on a warm page cache. Issue 3's budget: analysis adds at most 50 % to ingest.
//
// usage: analysis_cost DIR [REPEAT=3]
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "analysis/engine.hpp"
#include "ingest/ingest.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: analysis_cost DIR [REPEAT=3]\n");
        return 2;
    }
    const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    auto seconds_since = [](std::chrono::steady_clock::time_point t) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    };
    // CPU seconds of all threads: steadier than wall time on a shared machine.
    auto cpu_s = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    };
    // Minor page faults so far: first touches of fresh memory, which dominate a first run on a
    // virtual machine (each costs a kernel entry and a zeroed page).
    auto faults = [] {
        rusage u{};
        getrusage(RUSAGE_SELF, &u);
        return static_cast<long>(u.ru_minflt);
    };
    double ingest_best_s = 1e300;
    std::optional<util::Result<model::Corpus>> corpus;
    for (int i = 0; i < repeat; ++i) {
        corpus.reset();  // one corpus in memory at a time
        const double c0 = cpu_s();
        const long f0 = faults();
        auto t0 = std::chrono::steady_clock::now();
        corpus.emplace(ingest::ingest_folder(argv[1], ingest::IngestOptions{}));
        const double ingest_s = seconds_since(t0), ingest_cpu_s = cpu_s() - c0;
        if (!*corpus) {
            std::fprintf(stderr, "analysis_cost: %s\n", (*corpus).error().message.c_str());
            return 1;
        }
        ingest_best_s = std::min(ingest_best_s, ingest_s);
        std::printf("ingest:   %7.3f s  (cpu %.3f s; %ld page faults; %zu files, %zu tables)\n", ingest_s, ingest_cpu_s,
                    faults() - f0, (**corpus).files.size(), (**corpus).tables.size());
    }
    const model::Corpus& kept = **corpus;
    double best_s = 1e300;
    for (int i = 0; i < repeat; ++i) {
        const double c1 = cpu_s();
        const long f1 = faults();
        auto t1 = std::chrono::steady_clock::now();
        auto result = analysis::analyze(kept);
        const double analysis_s = seconds_since(t1), analysis_cpu_s = cpu_s() - c1;
        best_s = std::min(best_s, analysis_s);
        std::printf("analysis: %7.3f s  (cpu %.3f s; %ld page faults; %zu facts; ", analysis_s, analysis_cpu_s, faults() - f1,
                    result.facts.size());
        for (std::size_t p = 0; p < result.phase_s.size(); ++p)
            std::printf("%s%s %.3f", p ? ", " : "", result.phase_s[p].first.c_str(), result.phase_s[p].second);
        std::printf(")\n");
    }
    std::printf("analysis / ingest = %.0f %% (fastest of %d each; budget 50 %%)\n", 100.0 * best_s / ingest_best_s, repeat);
    return 0;
}
