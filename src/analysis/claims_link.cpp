#include "analysis/claims_link.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "analysis/claims_util.hpp"
#include "util/strings.hpp"

namespace analysis::claims_util {

namespace {

using util::normalise_name;

// "config" names "config_name", "temp" names "temperature", "prompt" names "prompt_text".
bool names_match(const std::string& a, const std::string& b) {
    if (a == b) return true;
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    return shorter.size() >= 4 && util::starts_with(longer, shorter);
}

bool shares_word(const std::string& a, const std::string& b) {
    for (auto wa : util::split(a, '_'))
        for (auto wb : util::split(b, '_'))
            if (!wa.empty() && wa == wb) return true;
    return false;
}

std::span<const std::string> levels_of(const Frame& f, std::size_t d) { return f.levels_of(d); }

std::size_t count_present(std::span<const std::string> levels, std::span<const std::string> raw_levels) {
    std::size_t found = 0;
    for (const auto& l : levels)
        for (const auto& r : raw_levels)
            if (same_level(l, r)) {
                ++found;
                break;
            }
    return found;
}

// At least half of D's levels occur among R's values (a column named differently, "Model Tag").
bool mostly_present(std::span<const std::string> levels, std::span<const std::string> raw_levels) {
    return !levels.empty() && count_present(levels, raw_levels) * 2 >= levels.size();
}

// A text column of D named like one of R whose levels R never has ("Config" = "Best", "2nd" vs
// config_name = "g999_c4096_t0.8") is a label of D's own, not a key into R.
bool is_own_label(const Frame& d, std::size_t i, const Frame& r, const Constraint& c) {
    if (c.r_dim < 0 || d.dim_is_setting[i]) return false;
    return count_present(levels_of(d, i), levels_of(r, static_cast<std::size_t>(c.r_dim))) == 0;
}

std::optional<Constraint> link_name(const std::string& n, const Frame& r, std::span<const std::string> levels,
                                    std::vector<bool>& used) {
    for (std::size_t k = 0; k < r.dim_names.size(); ++k)
        if (!used[k] && names_match(n, normalise_name(r.dim_names[k]))) {
            used[k] = true;
            return Constraint{"", static_cast<int>(k), "", -1, -1, ""};
        }
    for (const auto& [key, value] : r.context)
        if (names_match(n, normalise_name(key))) return Constraint{"", -1, value, -1, -1, ""};
    for (std::size_t k = 0; k < r.dim_names.size(); ++k)
        if (!used[k] && shares_word(n, normalise_name(r.dim_names[k])) && mostly_present(levels, levels_of(r, k))) {
            used[k] = true;
            return Constraint{"", static_cast<int>(k), "", -1, -1, ""};
        }
    for (const auto& [key, value] : r.context)
        if (shares_word(n, normalise_name(key)) && mostly_present(levels, std::span<const std::string>(&value, 1))) return Constraint{"", -1, value, -1, -1, ""};
    return std::nullopt;
}

}  // namespace

std::optional<std::vector<Constraint>> link(const Frame& d, const Frame& r) {
    std::vector<Constraint> out;
    std::vector<bool> used(r.dim_names.size(), false);
    bool labels = false;
    for (std::size_t i = 0; i < d.dim_names.size(); ++i) {
        auto c = link_name(normalise_name(d.dim_names[i]), r, levels_of(d, i), used);
        if (!c) return std::nullopt;
        c->name = d.dim_names[i];
        c->d_dim = static_cast<int>(i);
        if (is_own_label(d, i, r, *c)) {
            used[static_cast<std::size_t>(c->r_dim)] = false;
            labels = true;
            continue;
        }
        out.push_back(*c);
    }
    for (const auto& [key, value] : d.context) {
        auto c = link_name(normalise_name(key), r, {}, used);
        if (!c) continue;  // a constant of D that R does not record says nothing about R's rows
        if (c->r_dim < 0 && !same_level(c->r_context, value)) return std::nullopt;
        c->name = key;
        c->fixed = value;
        if (c->r_dim >= 0) out.push_back(*c);
    }
    // A numeric setting the ingest took for a measure ("temp" next to num_ctx) still selects rows.
    for (std::size_t m = 0; m < d.measures.size(); ++m) {
        std::string n = measure_key(d.measures[m]);
        for (std::size_t k = 0; k < r.dim_names.size(); ++k) {
            std::string rn = normalise_name(r.dim_names[k]);
            if (used[k] || !r.dim_is_setting[k] || !(n == rn || (n.size() >= 4 && util::starts_with(rn, n)))) continue;
            used[k] = true;
            out.push_back(Constraint{d.measures[m].name, static_cast<int>(k), "", -1, static_cast<int>(m), ""});
            break;
        }
    }
    if (labels && out.empty()) return std::nullopt;  // nothing left to tell R's rows apart
    return out;
}

std::string constraint_value(const Frame& d, const FrameRow& row, const Constraint& c) {
    if (c.d_dim >= 0) return d.dim(row, static_cast<std::size_t>(c.d_dim));
    if (c.d_measure >= 0) {
        double v = d.value(row, static_cast<std::size_t>(c.d_measure));
        return std::isfinite(v) ? util::format_double(v) : "";
    }
    return c.fixed;
}

namespace {

// Words of `part` all occur in `whole` (both normalised); the count of extra words, or -1.
int extra_words(const std::string& part, const std::string& whole) {
    auto want = util::split(part, '_');
    auto have = util::split(whole, '_');
    if (want.size() < 2) return -1;  // one word ("tokens") is too weak to pair columns by
    for (auto w : want)
        if (std::find(have.begin(), have.end(), w) == have.end()) return -1;
    return static_cast<int>(have.size() - want.size());
}

}  // namespace

int raw_measure(const Frame& r, const std::string& name, const std::string& base, model::Quantity q) {
    int best = -1, best_extra = 1 << 20;
    for (std::size_t i = 0; i < r.measures.size(); ++i) {
        const auto& m = r.measures[i];
        std::string rn = measure_key(m);
        bool same_quantity = m.quantity == q || m.quantity == model::Quantity::unknown || q == model::Quantity::unknown;
        if (same_quantity && rn == base) return static_cast<int>(i);
        if (m.quantity != q || q == model::Quantity::unknown) continue;
        for (const auto* words : {&name, &base}) {
            int extra = extra_words(*words, rn);
            if (extra >= 0 && extra < best_extra) {
                best = static_cast<int>(i);
                best_extra = extra;
            }
        }
    }
    return best;
}

}  // namespace analysis::claims_util
