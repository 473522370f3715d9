#include "analysis/same_data.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "util/parallel.hpp"
#include "util/strings.hpp"

namespace analysis {

namespace {

/// Words that make a dimension or context key an identifying field of a run (docs/design.md
/// "Claims within their scope"): one table.
constexpr std::string_view kIdentifyingWords[] = {"id",   "uuid",  "run",     "session", "timestamp", "time",
                                                  "date", "started", "created", "start",   "seed"};

bool identifying_name(std::string_view name) {
    const std::string key = util::normalise_name(name);  // outlives the views split() returns
    for (auto word : util::split(key, '_'))
        for (auto w : kIdentifyingWords)
            if (word == w) return true;
    return false;
}

/// A run's identifying values: context values and per-row dimension values whose names say id,
/// run, timestamp, date, ... ("key=value" texts, rows joined), and timestamp-like digit runs of
/// eight or more digits in the file name ("results_1759098967.json", "20251002-151204").
std::vector<std::string> identity_of(const Frame& f) {
    std::vector<std::string> out;
    for (const auto& [key, value] : f.context)
        if (identifying_name(key) && !value.empty()) out.push_back(util::normalise_name(key) + "=" + value);
    for (std::size_t d = 0; d < f.dim_names.size(); ++d) {
        if (!identifying_name(f.dim_names[d])) continue;
        std::string joined = util::normalise_name(f.dim_names[d]) + "=";
        for (const auto& row : f.rows) joined += f.dim(row, d) + "\n";
        out.push_back(std::move(joined));
    }
    std::string_view name = f.file;
    if (auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string digits;
    for (char c : std::string(name) + " ") {
        if (c >= '0' && c <= '9') {
            digits += c;
            continue;
        }
        if (digits.size() >= 8) out.push_back("file#" + digits);
        digits.clear();
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Whether two frames share an identifying value (the same timestamp or run id).
bool same_identity(const Frame& a, const Frame& b) {
    auto ia = identity_of(a), ib = identity_of(b);
    for (const auto& x : ia)
        if (std::binary_search(ib.begin(), ib.end(), x)) return true;
    return false;
}

/// Whether some quantified measure of the frame says something about one run: at least two
/// distinct finite values (so not all zero). All-zero, all-missing or constant columns (failed
/// runs) do not.
bool informative(const Frame& f) {
    for (std::size_t m = 0; m < f.measures.size(); ++m) {
        auto q = f.measures[m].quantity;
        if (q == model::Quantity::unknown || q == model::Quantity::count) continue;
        double first = std::nan("");
        for (const auto& row : f.rows) {
            double v = f.value(row, m);
            if (!std::isfinite(v)) continue;
            if (std::isnan(first)) first = v;
            else if (v != first) return true;
        }
    }
    return false;
}

}  // namespace

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
            // Equal measures make the same run only when they identify it: a shared timestamp or
            // run id, or values no failed run repeats (all-zero rows of two failed runs match
            // each other value for value and are still two runs).
            if (fingerprint(frames[j]) == *print && (same_identity(frames[i], frames[j]) || informative(frames[i]))) {
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
