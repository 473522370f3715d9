#include "analysis/same_data.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "util/parallel.hpp"

namespace analysis {

void mark_same_data(std::vector<Frame>& frames) {
    // A frame's print: every value of every quantified measure (NaN as 1e300), grouped by
    // normalised measure name in name order, each name's measures in frame order.
    struct PrintColumns {
        std::vector<std::string> scratch;                           // keys of hand-built frames
        std::vector<std::pair<std::string_view, std::size_t>> order;  // (key, measure), stable by key
    };
    auto columns_of = [](const Frame& f) {
        PrintColumns p;
        p.scratch.resize(f.measures.size());
        for (std::size_t m = 0; m < f.measures.size(); ++m) {
            auto q = f.measures[m].quantity;
            if (q == model::Quantity::unknown || q == model::Quantity::count) continue;
            p.order.emplace_back(measure_key(f.measures[m], p.scratch[m]), m);
        }
        std::stable_sort(p.order.begin(), p.order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        return p;
    };
    using Print = std::map<std::string, std::vector<double>>;
    auto fingerprint = [&](const Frame& f) {
        Print print;
        for (const auto& [key, m] : columns_of(f).order) {
            auto& v = print[std::string(key)];
            for (const auto& row : f.rows) v.push_back(std::isnan(f.value(row, m)) ? 1e300 : f.value(row, m));
        }
        return print;
    };
    // Hash buckets keep this linear in the number of frames; equal prints are then compared exactly.
    // The hash walks the print's content straight from the frame, without building the print.
    auto hash_of = [&](const Frame& f, std::size_t& keys) {
        const PrintColumns p = columns_of(f);
        const auto& order = p.order;
        // FNV-1a over 64-bit words: one multiply per value. Good enough for buckets, since equal
        // hashes are confirmed value for value.
        std::uint64_t h = 0xCBF29CE484222325ULL;
        auto mix = [&h](std::uint64_t word) { h = (h ^ word) * 0x100000001B3ULL; };
        keys = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (i == 0 || order[i].first != order[i - 1].first) {
                ++keys;
                for (char c : order[i].first) mix(static_cast<unsigned char>(c));
                mix(0x100);  // end of key
            }
            // The column in four interleaved lanes (independent multiplies), folded in at the end.
            const double* column = f.columns[order[i].second];
            auto word = [&](std::size_t r) {
                const double v = column[r];
                return std::bit_cast<std::uint64_t>(std::isnan(v) ? 1e300 : v);
            };
            std::uint64_t lane[4] = {h, h + 1, h + 2, h + 3};
            const std::size_t n = f.rows.size();
            std::size_t r = 0;
            for (; r + 4 <= n; r += 4)
                for (std::size_t k = 0; k < 4; ++k) lane[k] = (lane[k] ^ word(r + k)) * 0x100000001B3ULL;
            for (; r < n; ++r) mix(word(r));
            for (auto l : lane) mix(l);
        }
        return h ^ (h >> 29);
    };
    // Prints hash on two threads; buckets keep frame indexes, and an equal hash is confirmed by
    // comparing the two prints value for value.
    auto eligible = [&](const Frame& f) { return !f.derived && f.rows.size() >= 2; };

    std::vector<std::optional<std::uint64_t>> hashes(frames.size());
    auto work = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            if (!eligible(frames[i])) continue;
            std::size_t keys = 0;
            const std::uint64_t h = hash_of(frames[i], keys);
            if (keys >= 2) hashes[i] = h;
        }
    };
    util::for_halves(frames.size(), 64, work);
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> seen;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        if (!hashes[i]) continue;
        auto& bucket = seen[*hashes[i]];
        std::optional<Print> print;
        bool matched = false;
        for (std::size_t j : bucket) {
            if (!print) print = fingerprint(frames[i]);
            if (fingerprint(frames[j]) == *print) {
                frames[i].same_data_as = frames[j].label;
                frames[i].derived = true;
                matched = true;
                break;
            }
        }
        if (!matched) bucket.push_back(i);
    }
}

}  // namespace analysis
