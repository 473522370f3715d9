#pragma once
// The two forms of parallelism the analysis uses, both on two threads (the calling one and one
// more): a range of independent items split in two halves, and a list of independent tasks taken
// in turn by whichever thread is free. Results go to per-item or per-task slots, so the outcome is
// the same as one sequential pass whatever the split or the timing.
#include <atomic>
#include <cstddef>
#include <thread>

namespace util {

/// Calls work(0, count / 2) here and work(count / 2, count) on a second thread when `count` is at
/// least `min_parallel`; otherwise work(0, count) here. `work` must only touch its own items.
template <typename Work>
void for_halves(std::size_t count, std::size_t min_parallel, const Work& work) {
    if (count < min_parallel) {
        work(std::size_t{0}, count);
        return;
    }
    std::thread other([&] { work(count / 2, count); });
    work(std::size_t{0}, count / 2);
    other.join();
}

/// Runs task(0) .. task(count - 1), each exactly once, on the calling thread and one more: each
/// thread takes the next task not yet taken, so long and short tasks even out (put the longest
/// first). `task` must only touch its own outputs. With count < 2, runs here alone.
template <typename Task>
void run_tasks(std::size_t count, const Task& task) {
    std::atomic<std::size_t> next{0};
    auto drain = [&] {
        for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) task(i);
    };
    if (count < 2) {
        drain();
        return;
    }
    std::thread other(drain);
    drain();
    other.join();
}

}  // namespace util
