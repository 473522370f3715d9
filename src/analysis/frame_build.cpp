// Building frames from an ingested corpus: every table and every keyed group of JSON scalars
// becomes a Frame (dimension codes, canonical columns, failure flags, measure roles).
#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "analysis/fact.hpp"
#include "analysis/frame.hpp"
#include "analysis/select.hpp"
#include "util/parallel.hpp"
#include "util/strings.hpp"

namespace analysis {

namespace {

using model::Role;

std::string label_for(const std::string& file, const std::string& locator) {
    return locator.empty() ? file : file + " [" + locator + "]";
}

// Below this many distinct values a linear search beats a hash map (and allocates nothing);
// sweeps have a handful of levels per setting.
constexpr std::size_t kLinearSearchMax = 32;

// Assigns dimension codes while a frame is built: a linear search over the few distinct values
// a dimension usually has, and a hash map once it has many; dropped afterwards.
class DimInterner {
public:
    explicit DimInterner(Frame& f) : f_(f), index_(f.dim_names.size()) {
        f.dim_values.assign(f.dim_names.size(), std::vector<std::string>{std::string()});
    }
    std::uint32_t code(std::size_t d, std::string_view value) {
        if (value.empty()) return 0;
        auto& texts = f_.dim_values[d];
        auto& index = index_[d];
        if (index.empty()) {
            for (std::size_t c = 1; c < texts.size(); ++c)
                if (texts[c] == value) return static_cast<std::uint32_t>(c);
            if (texts.size() <= kLinearSearchMax) {
                texts.emplace_back(value);
                return static_cast<std::uint32_t>(texts.size() - 1);
            }
            for (std::size_t c = 1; c < texts.size(); ++c) index.emplace(texts[c], static_cast<std::uint32_t>(c));
        }
        auto [it, inserted] = index.try_emplace(std::string(value), static_cast<std::uint32_t>(texts.size()));
        if (inserted) texts.emplace_back(value);
        return it->second;
    }

private:
    Frame& f_;
    std::vector<std::unordered_map<std::string, std::uint32_t>> index_;  ///< empty while searched linearly
};

// The frame code of each cell of one dimension column. A compacted column already numbers its
// texts, and its numbers repeat (40, 60, 80): each distinct text or number is interned once
// instead of copying or formatting every cell.
class ColumnCoder {
public:
    ColumnCoder(const model::Table& table, std::size_t column, DimInterner& interner, std::size_t d)
        : table_(table), column_(column), interner_(interner), d_(d) {
        if (table.compacted()) label_code_.assign(table.values[column].labels.size(), kUnset);
    }
    std::uint32_t code(std::size_t row) {
        if (!table_.compacted()) return interner_.code(d_, table_.text_at(row, column_));
        const auto& col = table_.values[column_];
        if (!col.codes.empty() && col.codes[row] != 0) {
            auto& c = label_code_[col.codes[row]];
            if (c == kUnset) c = interner_.code(d_, col.labels[col.codes[row]]);
            return c;
        }
        if (col.numbers.empty() || std::isnan(col.numbers[row])) return 0;
        // Keyed by bits: -0 and 0 print differently. Few distinct numbers: searched linearly.
        const auto bits = std::bit_cast<std::uint64_t>(col.numbers[row]);
        if (number_code_.empty()) {
            for (const auto& [b, c] : recent_numbers_)
                if (b == bits) return c;
            if (recent_numbers_.size() < kLinearSearchMax) {
                const std::uint32_t c = interner_.code(d_, util::format_double(col.numbers[row]));
                recent_numbers_.emplace_back(bits, c);
                return c;
            }
            number_code_.insert(recent_numbers_.begin(), recent_numbers_.end());
        }
        auto [it, inserted] = number_code_.try_emplace(bits, 0);
        if (inserted) it->second = interner_.code(d_, util::format_double(col.numbers[row]));
        return it->second;
    }

private:
    static constexpr std::uint32_t kUnset = 0xFFFFFFFFu;
    const model::Table& table_;
    std::size_t column_;
    DimInterner& interner_;
    std::size_t d_;
    std::vector<std::uint32_t> label_code_;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> recent_numbers_;  ///< while there are few
    std::unordered_map<std::uint64_t, std::uint32_t> number_code_;         ///< once there are many
};

// Whether a table of two or more rows has the same text in every row of column `c` (missing
// counts as the text ""). A compacted column compares codes and number bits; only where those
// differ are the texts compared (two spellings of one number cannot occur, but stay exact).
bool is_constant_column(const model::Table& table, std::size_t c) {
    const std::size_t n = table.rows.size();
    if (n < 2) return false;
    std::size_t r = 1;
    if (table.compacted()) {
        const auto& col = table.values[c];
        auto same_as_first = [&](std::size_t i) {
            return (col.codes.empty() || col.codes[i] == col.codes[0]) &&
                   (col.numbers.empty() || std::bit_cast<std::uint64_t>(col.numbers[i]) == std::bit_cast<std::uint64_t>(col.numbers[0]));
        };
        while (r < n && same_as_first(r)) ++r;
        if (r == n) return true;
    }
    const std::string first = table.text_at(0, c);
    for (; r < n; ++r)
        if (table.text_at(r, c) != first) return false;
    return true;
}

Frame frame_from_table(const model::Table& table) {
    Frame f;
    f.file = table.file;
    f.locator = table.locator;
    f.label = label_for(table.file, table.locator);
    f.id = slug(f.label);
    std::vector<std::size_t> dim_cols, measure_cols;
    std::size_t aggregates = 0, quantified = 0;
    for (std::size_t c = 0; c < table.columns.size() && c < table.meanings.size(); ++c) {
        const auto& m = table.meanings[c];
        if (m.role == Role::dimension) {
            dim_cols.push_back(c);
        } else if (m.role == Role::measurement) {
            measure_cols.push_back(c);
            f.measures.push_back(Measure{table.columns[c], m.unit.quantity, m.unit.original, util::normalise_name(table.columns[c])});
            // Counts and unit-less numbers (prompt_count, options.top_p) say nothing about aggregation.
            if (m.unit.quantity != model::Quantity::count && m.unit.quantity != model::Quantity::unknown) {
                ++quantified;
                aggregates += is_aggregate_name(f.measures.back().key);
            }
        }
    }
    f.derived = quantified > 0 && aggregates * 2 >= quantified;
    // Constant dimensions (same text in every row) become context.
    std::vector<std::size_t> varying;
    for (auto c : dim_cols) {
        if (is_constant_column(table, c)) {
            f.context.emplace_back(table.columns[c], table.text_at(0, c));
        } else {
            varying.push_back(c);
            f.dim_names.push_back(table.columns[c]);
            bool setting = true;
            for (std::size_t r = 0; r < table.rows.size() && setting; ++r)
                if (!table.missing_at(r, c)) setting = table.is_number_at(r, c);
            f.dim_is_setting.push_back(setting);
        }
    }
    DimInterner interner(f);
    std::vector<ColumnCoder> coders;
    coders.reserve(varying.size());
    for (std::size_t d = 0; d < varying.size(); ++d) coders.emplace_back(table, varying[d], interner, d);
    // Values and codes column by column (a compacted column is one contiguous array), then the
    // rows' own fields; codes are interned per dimension in row order either way.
    const std::size_t n = table.rows.size(), width = measure_cols.size(), dims = coders.size();
    // A column already in canonical units is viewed where ingest keeps it; the others (scaled,
    // or with no numeric cell) are filled into the frame's own storage.
    auto viewable = [&](std::size_t c) {
        return table.compacted() && !table.values[c].numbers.empty() && table.meanings[c].unit.to_canonical == 1.0;
    };
    std::size_t owned = 0;
    for (auto c : measure_cols) owned += !viewable(c);
    f.value_storage.assign(owned * n, std::nan(""));
    f.columns.assign(width, nullptr);
    f.column_rows = n;
    for (std::size_t k = 0, next = 0; k < width; ++k) {
        const std::size_t c = measure_cols[k];
        if (viewable(c)) {
            f.columns[k] = table.values[c].numbers.data();
            continue;
        }
        double* column = f.value_storage.data() + next++ * n;
        f.columns[k] = column;
        const double scale = table.meanings[c].unit.to_canonical;
        if (table.compacted()) {
            const auto& numbers = table.values[c].numbers;
            if (numbers.empty()) continue;  // no numeric cell: NaN throughout
            for (std::size_t r = 0; r < n; ++r) column[r] = numbers[r] * scale;
        } else {
            for (std::size_t r = 0; r < n; ++r) column[r] = table.number_at(r, c) * scale;
        }
    }
    f.code_storage.assign(n * dims, 0);
    for (std::size_t d = 0; d < dims; ++d)
        for (std::size_t r = 0; r < n; ++r) f.code_storage[r * dims + d] = coders[d].code(r);
    // One pass writes each row whole.
    f.rows.reserve(n);
    for (std::size_t ri = 0; ri < n; ++ri) {
        const auto& r = table.rows[ri];
        FrameRow& row = f.rows.emplace_back();
        row.line = r.line;
        if (!r.json_path.empty()) f.set_json_path(row, r.json_path);
        // A record spanning several lines (a quoted multi-line CSV cell) owns the lines up to the
        // next record, so consecutive records merge into one range ("every record starting on
        // lines a..b") instead of one source each.
        if (r.line > 0 && r.json_path.empty() && ri + 1 < n && table.rows[ri + 1].line > r.line + 1)
            row.line_end = table.rows[ri + 1].line - 1;
        row.failed = r.failed;
        if (!r.failure_reason.empty()) f.set_failure_reason(row, r.failure_reason);
    }
    return f;
}

// Scalars whose pattern holds a '*' level: one frame per (file, keyed dimension), one row per level.
void frames_from_scalars(const model::Corpus& corpus, const std::set<std::string>& skip_files, std::vector<Frame>& out) {
    struct Group {
        std::string file, dim;
        std::vector<const model::Scalar*> scalars;
    };
    std::map<std::pair<std::string, std::string>, Group> groups;
    std::vector<std::pair<std::string, std::string>> order;
    for (const auto& s : corpus.scalars) {
        if (skip_files.count(s.source.file) || s.pattern.find('*') == std::string::npos || s.dimensions.empty()) continue;
        if (s.meaning.role != Role::measurement) continue;
        // The keyed dimension is the first one whose value appears literally in the JSON path.
        std::string dim;
        for (const auto& [k, v] : s.dimensions)
            if (s.source.json_path.str().find("." + v + ".") != std::string::npos ||
                util::starts_with(s.source.json_path.str(), v + ".")) {
                dim = k;
                break;
            }
        if (dim.empty()) continue;
        auto key = std::make_pair(s.source.file, s.pattern.substr(0, s.pattern.find('*')) + "|" + dim);
        auto [it, inserted] = groups.try_emplace(key, Group{s.source.file, dim, {}});
        if (inserted) order.push_back(key);
        it->second.scalars.push_back(&s);
    }
    for (const auto& key : order) {
        const Group& g = groups[key];
        Frame f;
        f.file = g.file;
        std::string prefix = key.second.substr(0, key.second.find('|'));
        f.locator = prefix + "*";
        f.label = label_for(f.file, f.locator);
        f.id = slug(f.label);
        f.dim_names = {g.dim};
        f.dim_is_setting = {false};
        DimInterner interner(f);
        std::map<std::string, std::size_t> row_of, measure_of;
        std::vector<std::vector<double>> row_values;  // measures appear as scalars arrive
        for (const auto* s : g.scalars) {
            std::string level;
            for (const auto& [k, v] : s->dimensions)
                if (k == g.dim) level = v;
            std::string measure = s->pattern.substr(s->pattern.find('*') + 1);
            if (!measure.empty() && measure.front() == '.') measure.erase(0, 1);
            if (!measure_of.count(measure)) {
                measure_of[measure] = f.measures.size();
                f.measures.push_back(Measure{measure, s->meaning.unit.quantity, s->meaning.unit.original, util::normalise_name(measure)});
            }
            if (!row_of.count(level)) {
                row_of[level] = f.rows.size();
                FrameRow row;
                auto dot = s->source.json_path.str().find(level);
                f.set_json_path(row, s->source.json_path.str().substr(0, dot + level.size()));
                f.rows.push_back(std::move(row));
                f.code_storage.push_back(interner.code(0, level));
                row_values.emplace_back();
                if (f.rows.size() == 1) {
                    for (const auto& [k, v] : s->dimensions)
                        if (k != g.dim) f.context.emplace_back(k, v);
                }
            }
            // Context keeps only the dimensions every scalar of the frame shares (model.device=cuda),
            // not the per-level ones (compilation.backend=onnx).
            std::erase_if(f.context, [&](const auto& kv) {
                return std::find(s->dimensions.begin(), s->dimensions.end(), kv) == s->dimensions.end();
            });
            const std::size_t r = row_of[level];
            auto& row = f.rows[r];
            row_values[r].resize(f.measures.size(), std::nan(""));
            row_values[r][measure_of[measure]] = s->value * s->meaning.unit.to_canonical;
            if (s->failed && !row.failed) {
                row.failed = true;
                f.set_failure_reason(row, s->failure_reason);
            }
        }
        f.fit_storage();
        for (std::size_t r = 0; r < f.rows.size(); ++r)
            for (std::size_t m = 0; m < row_values[r].size(); ++m) f.own_value(r, m) = row_values[r][m];
        out.push_back(std::move(f));
    }
}


// A JSON document's numbers outside any table or keyed level (a benchmark tool's result file of
// scalars): one frame per file with a single row, measures by JSON path, numeric configuration
// keys and sibling strings as dimensions. pool_datasets() keeps them only when pooled.
void frames_from_documents(const model::Corpus& corpus, const std::set<std::string>& skip_files, std::vector<Frame>& out) {
    std::size_t i = 0;
    const auto& scalars = corpus.scalars;
    while (i < scalars.size()) {
        const std::size_t begin = i;
        const auto& file = scalars[begin].source.file;
        while (i < scalars.size() && scalars[i].source.file == file) ++i;
        if (skip_files.count(std::string(file.str()))) continue;
        Frame f;
        f.file = file;
        f.label = std::string(file.str());
        f.id = slug(f.label) + "-document";
        f.document = true;
        std::vector<double> row_values;
        std::vector<std::pair<std::string, std::string>> dims;
        bool failed = false;
        std::string failure;
        std::set<std::string> names;
        for (std::size_t k = begin; k < i; ++k) {
            const auto& s = scalars[k];
            if (s.pattern.find('*') != std::string::npos || !std::isfinite(s.value)) continue;
            if (!names.insert(s.pattern).second) continue;
            if (s.meaning.role == Role::measurement) {
                f.measures.push_back(Measure{s.pattern, s.meaning.unit.quantity, s.meaning.unit.original, util::normalise_name(s.pattern)});
                row_values.push_back(s.value * s.meaning.unit.to_canonical);
            } else if (s.meaning.role == Role::dimension) {
                dims.emplace_back(s.pattern, util::format_double(s.value));
            }
            for (const auto& kv : s.dimensions)
                if (std::find_if(dims.begin(), dims.end(), [&](const auto& d) { return d.first == kv.first; }) == dims.end())
                    dims.push_back(kv);
            if (s.failed && !failed) {
                failed = true;
                failure = s.failure_reason;
            }
        }
        if (f.measures.empty()) continue;
        // One row: every dimension is constant, so all of them are context (pooling turns those
        // that vary across files into dimensions).
        f.context = std::move(dims);
        FrameRow row;
        row.failed = failed;
        f.rows.push_back(row);
        if (failed) f.set_failure_reason(f.rows.back(), failure);
        f.fit_storage();
        for (std::size_t m = 0; m < row_values.size(); ++m) f.own_value(0, m) = row_values[m];
        out.push_back(std::move(f));
    }
}

}  // namespace

std::vector<Frame> build_frames(const model::Corpus& corpus) {
    std::set<std::string> skip, prose;
    for (const auto& f : corpus.files) {
        if (f.status != model::FileStatus::parsed || !f.duplicate_of.empty()) skip.insert(f.path);
        if (f.kind == model::FileKind::markdown) prose.insert(f.path);
    }
    // Tables convert independently: two threads, each filling its own slots, then kept in table order.
    std::vector<std::optional<Frame>> slots(corpus.tables.size());
    auto convert = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            const auto& t = corpus.tables[i];
            if (skip.count(t.file) || t.rows.empty()) continue;
            Frame f = frame_from_table(t);
            // Tables inside Markdown are what someone wrote about the data: claims, never raw samples.
            if (prose.count(t.file)) f.derived = f.narrative = true;
            if (f.measures.empty()) continue;
            f.roles = find_roles(f);
            slots[i] = std::move(f);
        }
    };
    util::for_halves(slots.size(), 64, convert);
    std::vector<Frame> frames;
    frames.reserve(static_cast<std::size_t>(std::count_if(slots.begin(), slots.end(), [](const auto& s) { return s.has_value(); })));
    for (auto& slot : slots)
        if (slot) frames.push_back(std::move(*slot));
    const std::size_t from_tables = frames.size();
    frames_from_scalars(corpus, skip, frames);
    frames_from_documents(corpus, skip, frames);
    for (std::size_t i = from_tables; i < frames.size(); ++i) frames[i].roles = find_roles(frames[i]);
    return frames;
}

}  // namespace analysis
