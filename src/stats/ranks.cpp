// Midranks (docs/design.md "Main effects": the trend of a numeric factor).
#include "stats/ranks.hpp"

#include <algorithm>

namespace stats {

std::vector<double> midranks(const std::vector<double>& x) {
    std::vector<std::size_t> order(x.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    std::vector<double> ranks(x.size());
    for (std::size_t first = 0; first < order.size();) {
        std::size_t last = first;
        while (last < order.size() && x[order[last]] == x[order[first]]) ++last;
        const double midrank = (static_cast<double>(first + 1) + static_cast<double>(last)) / 2;
        for (std::size_t i = first; i < last; ++i) ranks[order[i]] = midrank;
        first = last;
    }
    return ranks;
}

}  // namespace stats
