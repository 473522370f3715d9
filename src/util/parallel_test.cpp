#include "util/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace util {
namespace {

TEST(ForHalves, EveryItemExactlyOnceAboveAndBelowTheThreshold) {
    for (std::size_t count : {0u, 1u, 7u, 63u, 64u, 1001u}) {
        std::vector<int> seen(count, 0);
        for_halves(count, 64, [&](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to; ++i) ++seen[i];
        });
        for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(seen[i], 1) << count << " " << i;
    }
}

TEST(ForHalves, SmallRangesStayOnTheCallingThread) {
    const auto caller = std::this_thread::get_id();
    bool same = true;
    for_halves(10, 64, [&](std::size_t, std::size_t) { same = same && std::this_thread::get_id() == caller; });
    EXPECT_TRUE(same);
}

TEST(RunTasks, EveryTaskExactlyOnceWhateverTheCount) {
    for (std::size_t count : {0u, 1u, 2u, 3u, 100u, 5000u}) {
        std::vector<int> seen(count, 0);
        run_tasks(count, [&](std::size_t i) { ++seen[i]; });
        for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(seen[i], 1) << count << " " << i;
    }
}

TEST(RunTasks, UsesTwoThreadsWhenThereIsWorkForTwo) {
    // The first task waits until another task has started: possible only with a second thread.
    std::atomic<bool> second_started{false};
    std::atomic<int> threads_seen{0};
    run_tasks(2, [&](std::size_t i) {
        if (i == 0) {
            while (!second_started.load()) std::this_thread::yield();
        } else {
            second_started = true;
        }
        ++threads_seen;
    });
    EXPECT_EQ(threads_seen.load(), 2);
}

}  // namespace
}  // namespace util
