#pragma once
// The one form of parallelism the analysis uses: a range of independent items split in two
// halves, the second on a new thread, the first on the calling one. Results go to per-item slots,
// so the outcome is the same as one sequential pass whatever the split.
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

}  // namespace util
