#include "model/shared_path.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

namespace model {
namespace {

TEST(SharedPath, EqualTextsShareOneStringAndCompareAsText) {
    std::string built = "runs/";
    built += "a.csv";
    SharedPath a("runs/a.csv"), b(built), c(std::string_view("runs/b.csv"));
    EXPECT_EQ(&a.str(), &b.str());  // interned: one string per text
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    EXPECT_EQ(a, "runs/a.csv");
    EXPECT_EQ(a, std::string("runs/a.csv"));
    EXPECT_EQ(a, std::string_view("runs/a.csv"));
    EXPECT_LT(a, c);  // ordered by text, not by address
    EXPECT_EQ(a.size(), 10u);
    EXPECT_EQ(a + ":3", "runs/a.csv:3");
    EXPECT_EQ("in " + a, "in runs/a.csv");
}

TEST(SharedPath, EmptyPathIsTheDefault) {
    SharedPath none, empty("");
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none, empty);
    EXPECT_EQ(none.str(), "");
}

TEST(SharedPath, OrdersMapsByText) {
    std::map<SharedPath, int> by_path;
    by_path[SharedPath("z.csv")] = 1;
    by_path[SharedPath("a.csv")] = 2;
    by_path[SharedPath("m.csv")] = 3;
    std::vector<std::string> order;
    for (const auto& [path, n] : by_path) order.push_back(path.str());
    EXPECT_EQ(order, (std::vector<std::string>{"a.csv", "m.csv", "z.csv"}));
}

TEST(SharedPath, InternsFromSeveralThreadsToOneString) {
    // Both threads intern the same 2000 paths; every pair must end on one address.
    std::vector<SharedPath> first(2000), second(2000);
    auto fill = [](std::vector<SharedPath>& out) {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = SharedPath("t/" + std::to_string(i) + ".jsonl");
    };
    std::thread worker([&] { fill(second); });
    fill(first);
    worker.join();
    for (std::size_t i = 0; i < first.size(); ++i) {
        ASSERT_EQ(&first[i].str(), &second[i].str()) << i;
        ASSERT_EQ(first[i].str(), "t/" + std::to_string(i) + ".jsonl");
    }
}

}  // namespace
}  // namespace model
