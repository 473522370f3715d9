// Layout discovery (docs/design.md "Layout"): files grouped by shape, aligned segment by segment;
// varying segments read into factors in layout_segment.cpp; tokens and the vocabulary live in
// layout_tokens.cpp.
#include "analysis/layout.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "analysis/layout_tokens.hpp"

namespace analysis::layout {
namespace {

using detail::Piece;

struct Group {
    std::vector<std::size_t> files;
    std::size_t depth = 0;
    std::string extension;  ///< without the dot, "" for none
};

/// What files must share to be aligned (docs/design.md "Layout", groups).
struct GroupKey {
    std::string_view signature, extension;
    std::size_t depth = 0;
    bool operator==(const GroupKey&) const = default;
};
struct GroupKeyHash {
    std::size_t operator()(const GroupKey& key) const {
        std::size_t h = std::hash<std::string_view>{}(key.signature);
        h = h * 31 + std::hash<std::string_view>{}(key.extension);
        return h * 31 + key.depth;
    }
};

/// "metrics.json" -> "json"; "" when the name has no extension of letters (model-0.5 has none).
std::string_view extension_of(std::string_view name) {
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size() || name.size() - dot > 11) return {};
    std::string_view ext = name.substr(dot + 1);
    bool has_letter = std::any_of(ext.begin(), ext.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
    return has_letter ? ext : std::string_view{};
}

/// One segment position of a group: distinct texts in natural order and each file's rank.
struct Column {
    std::vector<std::string_view> texts;
    std::vector<std::uint32_t> rank_of_file;
};

Column read_column(const std::vector<std::string_view>& cells, std::size_t depth, std::size_t position, std::size_t files) {
    std::unordered_map<std::string_view, std::uint32_t> id_of;
    Column column;
    column.rank_of_file.resize(files);
    for (std::size_t f = 0; f < files; ++f) {
        auto [it, added] = id_of.try_emplace(cells[f * depth + position], static_cast<std::uint32_t>(column.texts.size()));
        if (added) column.texts.push_back(it->first);
        column.rank_of_file[f] = it->second;
    }
    std::vector<std::uint32_t> order(column.texts.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return natural_less(column.texts[a], column.texts[b]); });
    std::vector<std::uint32_t> rank(order.size());
    std::vector<std::string_view> sorted(order.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = r;
        sorted[r] = column.texts[order[r]];
    }
    for (auto& r : column.rank_of_file) r = rank[r];
    column.texts = std::move(sorted);
    return column;
}

void fill_levels(Pattern& pattern) {
    for (std::size_t k = 0; k < pattern.factors.size(); ++k) {
        std::unordered_set<std::string_view> seen;
        for (const auto& row : pattern.values)
            if (!row[k].empty() && seen.insert(row[k]).second) pattern.factors[k].levels.push_back(row[k]);
        std::sort(pattern.factors[k].levels.begin(), pattern.factors[k].levels.end(), natural_less);
    }
}

void make_names_unique(std::vector<Factor>& factors) {
    std::unordered_set<std::string> used;
    for (auto& factor : factors) {
        std::string name = factor.name;
        for (int n = 2; !used.insert(name).second; ++n) name = factor.name + "_" + std::to_string(n);
        factor.name = std::move(name);
    }
}

/// True when every level of `inner` extends a level of `outer` and occurs under exactly one of them.
bool nested_in(const Pattern& pattern, std::size_t inner, std::size_t outer) {
    if (pattern.factors[inner].role != FactorRole::category || pattern.factors[outer].role != FactorRole::category)
        return false;
    const auto& outer_levels = pattern.factors[outer].levels;
    std::unordered_set<std::string_view> outer_set(outer_levels.begin(), outer_levels.end());
    for (std::string_view level : pattern.factors[inner].levels) {
        bool extends = false;
        for (std::size_t n = 1; n < level.size() && !extends; ++n) extends = outer_set.count(level.substr(0, n)) > 0;
        if (!extends) return false;
    }
    std::unordered_map<std::string_view, std::string_view> outer_of;
    for (const auto& row : pattern.values) {
        if (row[inner].empty() || row[outer].empty()) continue;
        auto [it, added] = outer_of.try_emplace(row[inner], row[outer]);
        if (!added && it->second != row[outer]) return false;
    }
    return true;
}

void mark_nesting(Pattern& pattern) {
    for (std::size_t inner = 0; inner < pattern.factors.size(); ++inner)
        for (std::size_t outer = 0; outer < pattern.factors.size(); ++outer)
            if (inner != outer && nested_in(pattern, inner, outer)) {
                pattern.factors[inner].rule += "; nested in " + pattern.factors[outer].name;
                break;
            }
}

Pattern read_group(std::span<const FileInput> inputs, const Group& group) {
    Pattern pattern;
    pattern.signature = inputs[group.files[0]].signature;
    std::size_t n = group.files.size(), depth = group.depth;
    std::vector<std::string_view> cells(n * depth);
    for (std::size_t f = 0; f < n; ++f) {
        std::string_view path = inputs[group.files[f]].path;
        for (std::size_t p = 0, start = 0; p < depth; ++p) {
            std::size_t end = p + 1 == depth ? path.size() : path.find('/', start);
            cells[f * depth + p] = path.substr(start, end - start);
            start = end + 1;
        }
        if (!group.extension.empty()) cells[f * depth + depth - 1].remove_suffix(group.extension.size() + 1);
    }
    std::vector<Column> columns;
    for (std::size_t p = 0; p < depth; ++p) columns.push_back(read_column(cells, depth, p, n));
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        for (const auto& column : columns)
            if (column.rank_of_file[a] != column.rank_of_file[b]) return column.rank_of_file[a] < column.rank_of_file[b];
        return group.files[a] < group.files[b];
    });
    for (std::size_t f : order) pattern.files.push_back(group.files[f]);
    pattern.values.assign(n, {});
    std::vector<Piece> pieces;
    for (std::size_t p = 0; p < depth; ++p) {
        if (p > 0) pieces.push_back({"/"});
        const Column& column = columns[p];
        if (column.texts.size() == 1) {
            pieces.push_back({std::string(column.texts[0])});
        } else {
            detail::SegmentContext context{p, p + 1 == depth ? FactorOrigin::file_name : FactorOrigin::folder,
                                   p > 0 && columns[p - 1].texts.size() == 1 ? columns[p - 1].texts[0] : ""};
            detail::SegmentFactors segment = detail::read_segment(column.texts, context);
            int offset = static_cast<int>(pattern.factors.size());
            for (auto& piece : segment.pieces)
                pieces.push_back({std::move(piece.text), piece.factor < 0 ? -1 : piece.factor + offset});
            for (auto& factor : segment.factors) pattern.factors.push_back(std::move(factor));
            for (std::size_t i = 0; i < n; ++i) {
                const auto& row = segment.cells[column.rank_of_file[order[i]]];
                pattern.values[i].insert(pattern.values[i].end(), row.begin(), row.end());
            }
        }
        if (p + 1 == depth && !group.extension.empty()) pieces.push_back({"." + group.extension});
    }
    make_names_unique(pattern.factors);
    fill_levels(pattern);
    mark_nesting(pattern);
    for (const auto& piece : pieces)
        pattern.pattern += piece.factor < 0 ? piece.text : "{" + pattern.factors[piece.factor].name + "}";
    return pattern;
}

}  // namespace

std::string_view role_name(FactorRole role) {
    switch (role) {
        case FactorRole::setting: return "setting";
        case FactorRole::category: return "category";
        case FactorRole::replicate: return "replicate";
        case FactorRole::session: return "session";
    }
    return "category";
}

std::string_view origin_name(FactorOrigin origin) {
    return origin == FactorOrigin::folder ? "folder" : "file_name";
}

Layout discover(std::span<const FileInput> files) {
    std::unordered_map<GroupKey, std::size_t, GroupKeyHash> group_of;
    std::vector<Group> groups;
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::string_view path = files[i].path;
        std::size_t depth = static_cast<std::size_t>(std::count(path.begin(), path.end(), '/')) + 1;
        std::string_view extension = extension_of(path.substr(path.rfind('/') + 1));
        auto [it, added] = group_of.try_emplace(GroupKey{files[i].signature, extension, depth}, groups.size());
        if (added) groups.push_back({{}, depth, std::string(extension)});
        groups[it->second].files.push_back(i);
    }
    Layout layout;
    for (const auto& group : groups) {
        if (group.files.size() > 1) {
            layout.patterns.push_back(read_group(files, group));
            continue;
        }
        Pattern single{.pattern = files[group.files[0]].path, .signature = files[group.files[0]].signature,
                       .files = group.files, .factors = {}, .values = {{}}};
        layout.patterns.push_back(std::move(single));
    }
    std::sort(layout.patterns.begin(), layout.patterns.end(), [](const Pattern& a, const Pattern& b) {
        if (a.pattern != b.pattern) return natural_less(a.pattern, b.pattern);
        return a.signature < b.signature;
    });
    return layout;
}

}  // namespace analysis::layout
