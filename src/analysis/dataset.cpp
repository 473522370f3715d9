// Pooling the frames of same-shaped files into datasets (docs/design.md "Datasets").
#include "analysis/dataset.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <unordered_map>

#include "analysis/fact.hpp"
#include "analysis/layout_tokens.hpp"
#include "analysis/select.hpp"
#include "util/strings.hpp"

namespace analysis {

namespace {

using layout::FactorRole;

std::string join_sorted(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    std::string out;
    for (const auto& n : names) (out += n) += ',';
    return out;
}

std::optional<double> number_of(std::string_view text) {
    double v = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
    return v;
}

bool all_numeric(const std::vector<std::string>& levels) {
    return !levels.empty() && std::all_of(levels.begin(), levels.end(), [](const auto& l) { return number_of(l).has_value(); });
}

// Every level is a timestamp as a whole (layout's reading: 2025-10-02T20:58:02Z, 20251002-151824),
// or starts with a date followed by a time.
bool all_timestamps(const std::vector<std::string>& levels) {
    return std::all_of(levels.begin(), levels.end(), [](const auto& l) {
        const std::size_t n = layout::detail::timestamp_length(l);
        return n > 0 && (n == l.size() || n >= 10);
    });
}

// Dimension codes of a frame under construction: one map per dimension, texts kept in
// Frame::dim_values (code 0 = missing).
class Coder {
public:
    explicit Coder(Frame& f) : f_(f), index_(f.dim_names.size()) {
        f.dim_values.assign(f.dim_names.size(), std::vector<std::string>{std::string()});
    }
    std::uint32_t code(std::size_t d, const std::string& text) {
        if (text.empty()) return 0;
        auto [it, inserted] = index_[d].try_emplace(text, static_cast<std::uint32_t>(f_.dim_values[d].size()));
        if (inserted) f_.dim_values[d].push_back(text);
        return it->second;
    }

private:
    Frame& f_;
    std::vector<std::unordered_map<std::string, std::uint32_t>> index_;
};

// The record-level dimensions of the members: their own dimensions, and context values that
// differ between members (a per-file constant such as model=x that varies across files).
struct RecordDims {
    std::vector<std::string> names;
    std::vector<std::pair<std::string, std::string>> shared_context;  ///< same in every member
};

RecordDims record_dims(const std::vector<const Frame*>& members) {
    RecordDims out;
    std::set<std::string> seen;
    for (const auto* m : members)
        for (const auto& n : m->dim_names)
            if (seen.insert(n).second) out.names.push_back(n);
    std::vector<std::string> context_keys;
    for (const auto* m : members)
        for (const auto& [k, v] : m->context)
            if (!seen.count(k) && std::find(context_keys.begin(), context_keys.end(), k) == context_keys.end())
                context_keys.push_back(k);
    for (const auto& k : context_keys) {
        const std::string first = members.front()->context_value(k);
        bool same = true;
        for (const auto* m : members) same = same && m->context_value(k) == first;
        if (same) out.shared_context.emplace_back(k, first);
        else out.names.push_back(k);
    }
    return out;
}

// The text of record dimension `name` in `row` of member `m`: its own dimension, else its context.
std::string record_dim_text(const Frame& m, const FrameRow& row, const std::string& name) {
    int d = m.dim_index(name);
    if (d >= 0) return m.dim(row, static_cast<std::size_t>(d));
    return m.context_value(name);
}

std::string_view origin_text(layout::FactorOrigin o) {
    return o == layout::FactorOrigin::folder ? "folder" : "file name";
}

// Whether a data field ("options.num_ctx", "max_concurrency") holds what a path factor names
// ("ctx", "conc"): one of its name tokens equals the factor, or begins with it (3+ letters).
bool field_matches_factor(std::string_view field, std::string_view factor) {
    if (factor.size() < 2) return false;
    std::string key = util::normalise_name(field);
    for (char& c : key)
        if (c == '.') c = '_';
    for (auto token : util::split(key, '_')) {
        if (token == factor) return true;
        if (factor.size() >= 3 && util::starts_with(token, factor)) return true;
    }
    return false;
}

// Path factors compared with the data of each file (docs/design.md "Path against data").
void check_disagreements(const Frame& pooled, std::size_t path_dims, Dataset& ds) {
    for (std::size_t d = 0; d < path_dims; ++d) {
        if (pooled.role_of(d) != DimRole::setting) continue;
        const std::string& factor = pooled.dim_names[d];
        auto check = [&](const std::string& field, auto value_of_row) {
            FactorDisagreement out{factor, field, 0, 0, {}, {}};
            std::set<std::uint32_t> files_seen, files_differ;
            for (const auto& row : pooled.rows) {
                auto path_value = number_of(pooled.dim(row, d));
                auto data_value = value_of_row(row);
                if (!path_value || !data_value) continue;
                files_seen.insert(row.file);
                const double tolerance = 1e-9 * std::max(1.0, std::fabs(*path_value));
                if (std::fabs(*path_value - *data_value) <= tolerance || files_differ.count(row.file)) continue;
                files_differ.insert(row.file);
                if (out.example.empty()) {
                    out.example = std::string(pooled.file_of(row).str()) + ": path " + factor + "=" + pooled.dim(row, d) + ", data " +
                                  field + "=" + util::format_double(*data_value);
                    out.example_source = pooled.source(row);
                }
            }
            out.files = files_seen.size();
            out.disagree = files_differ.size();
            if (out.files > 0) ds.disagreements.push_back(std::move(out));
        };
        for (std::size_t e = path_dims; e < pooled.dim_names.size(); ++e)
            if (field_matches_factor(pooled.dim_names[e], factor))
                check(pooled.dim_names[e], [&](const FrameRow& row) { return number_of(pooled.dim(row, e)); });
        for (std::size_t m = 0; m < pooled.measures.size(); ++m) {
            const auto q = pooled.measures[m].quantity;
            // Only plain numbers compare with a path's text; a time in canonical seconds would not.
            if (q != model::Quantity::count && q != model::Quantity::unknown) continue;
            if (!field_matches_factor(pooled.measures[m].name, factor)) continue;
            check(pooled.measures[m].name, [&](const FrameRow& row) -> std::optional<double> {
                double v = pooled.value(row, m);
                if (!std::isfinite(v)) return std::nullopt;
                return v;
            });
        }
    }
}

// A path dimension (index < path_dims) whose codes correspond one to one with those of dimension
// `e` over every row where both are present, or -1.
int same_levels_as(const Frame& f, std::size_t e, std::size_t path_dims) {
    for (std::size_t d = 0; d < path_dims; ++d) {
        std::map<std::uint32_t, std::uint32_t> forward, backward;
        bool same = f.levels_of(d).size() == f.levels_of(e).size();
        for (const auto& row : f.rows) {
            if (!same) break;
            const auto a = f.code(row, d), b = f.code(row, e);
            if (a == 0 || b == 0) continue;
            same = forward.try_emplace(a, b).first->second == b && backward.try_emplace(b, a).first->second == a;
        }
        if (same) return static_cast<int>(d);
    }
    return -1;
}

// Whether dimension `e` takes one value per combination of the dimensions `by` (a label of
// configurations, not a factor of its own). False when `by` is empty.
bool determined_by(const Frame& f, std::size_t e, const std::vector<std::size_t>& by) {
    if (by.empty()) return false;
    std::map<std::vector<std::uint32_t>, std::uint32_t> value_of;
    std::vector<std::uint32_t> key(by.size());
    for (const auto& row : f.rows) {
        const auto v = f.code(row, e);
        if (v == 0) continue;
        for (std::size_t k = 0; k < by.size(); ++k) key[k] = f.code(row, by[k]);
        if (value_of.try_emplace(key, v).first->second != v) return false;
    }
    return true;
}

Frame pool(const layout::Pattern& pattern, const std::vector<const Frame*>& members, Dataset& ds) {
    Frame f;
    f.file = members.front()->file;
    f.locator = members.front()->locator;
    f.label = f.locator.empty() ? pattern.pattern : pattern.pattern + " [" + f.locator + "]";
    f.id = "dataset-" + slug(pattern.pattern);
    f.derived = members.front()->derived;
    f.document = members.front()->document;
    const RecordDims rec = record_dims(members);
    // Path factors first; a record field of the same name keeps its name, the path factor is marked.
    for (const auto& factor : pattern.factors) {
        std::string name = factor.name;
        if (std::find(rec.names.begin(), rec.names.end(), name) != rec.names.end()) name += " (path)";
        f.dim_names.push_back(name);
        DimRole role = DimRole::category;
        if (factor.role == FactorRole::setting) role = DimRole::setting;
        if (factor.role == FactorRole::replicate) role = DimRole::replicate;
        if (factor.role == FactorRole::session) role = DimRole::session;
        f.dim_role.push_back(role);
        f.dim_is_setting.push_back(role == DimRole::setting);
        ds.factors.push_back(DatasetFactor{name, factor.role, std::string(origin_text(factor.origin)), factor.rule, factor.levels});
    }
    const std::size_t path_dims = f.dim_names.size();
    for (const auto& n : rec.names) f.dim_names.push_back(n);
    f.context = rec.shared_context;
    // Measures: the union by name, in first-seen order.
    std::map<std::string, std::size_t> measure_of;
    for (const auto* m : members)
        for (const auto& ms : m->measures)
            if (measure_of.try_emplace(ms.name, f.measures.size()).second) f.measures.push_back(ms);
    std::size_t total = 0;
    for (const auto* m : members) total += m->rows.size();
    f.rows.reserve(total);
    f.files.reserve(members.size());
    Coder coder(f);
    std::vector<std::uint32_t> codes;
    codes.reserve(total * f.dim_names.size());
    std::vector<double> values(total * f.measures.size(), std::nan(""));
    for (std::size_t i = 0; i < members.size(); ++i) {
        const Frame& m = *members[i];
        f.files.push_back(m.file);
        std::vector<std::size_t> column_of(m.measures.size());
        for (std::size_t k = 0; k < m.measures.size(); ++k) column_of[k] = measure_of[m.measures[k].name];
        for (const auto& r : m.rows) {
            const std::size_t out_r = f.rows.size();
            FrameRow& row = f.rows.emplace_back(r);
            row.file = static_cast<std::uint32_t>(i);
            row.json_path = 0;
            row.failure = 0;
            if (r.json_path) f.set_json_path(row, m.json_path(r).str());
            if (r.failure) f.set_failure_reason(row, m.failure_reason(r));
            for (std::size_t k = 0; k < pattern.factors.size(); ++k) codes.push_back(coder.code(k, pattern.values[i][k]));
            for (std::size_t e = 0; e < rec.names.size(); ++e) codes.push_back(coder.code(path_dims + e, record_dim_text(m, r, rec.names[e])));
            for (std::size_t k = 0; k < m.measures.size(); ++k) values[column_of[k] * total + out_r] = m.value(r, k);
        }
    }
    f.value_storage = std::move(values);
    f.columns.assign(f.measures.size(), nullptr);
    for (std::size_t m = 0; m < f.measures.size(); ++m) f.columns[m] = f.value_storage.data() + m * total;
    f.column_rows = total;
    f.code_storage = std::move(codes);
    // Record dimensions: numeric throughout => a setting, like frame_build decides for columns.
    // Roles first; then, settings before categories, each field is kept as a factor unless it is
    // a timestamp, a repeat of a path factor, or determined by the factors kept so far.
    std::vector<std::vector<std::string>> rec_levels(rec.names.size());
    for (std::size_t e = 0; e < rec.names.size(); ++e) {
        rec_levels[e].assign(f.dim_values[path_dims + e].begin() + 1, f.dim_values[path_dims + e].end());
        const bool setting = all_numeric(rec_levels[e]);
        f.dim_is_setting.push_back(setting);
        f.dim_role.push_back(setting ? DimRole::setting : DimRole::category);
    }
    std::vector<std::size_t> kept;
    std::vector<bool> decided(rec.names.size(), false);
    for (std::size_t d = 0; d < path_dims; ++d)
        if (f.is_config_dim(d)) kept.push_back(d);
    for (const bool settings_pass : {true, false}) {
        for (std::size_t e = 0; e < rec.names.size(); ++e) {
            const std::size_t d = path_dims + e;
            auto& levels = rec_levels[e];
            if (decided[e] || (f.role_of(d) == DimRole::setting) != settings_pass || levels.size() < 2) continue;
            decided[e] = true;
            // A field of timestamps (generated_at) says when, not what: a session, never compared.
            if (!settings_pass && all_timestamps(levels)) {
                f.dim_role[d] = DimRole::session;
                continue;
            }
            // A field that only repeats a path factor (model.device next to a cpu/cuda file name)
            // is one factor read twice, not a second one.
            if (const int twin = same_levels_as(f, d, path_dims); twin >= 0) {
                f.dim_role[d] = DimRole::duplicate;
                ds.factors[static_cast<std::size_t>(twin)].rule += "; also recorded as " + rec.names[e];
                continue;
            }
            // A field with one value per configuration of the factors kept so far (model_id under
            // model/precision folders, num_prompts per test file, config_name next to num_gpu,
            // num_ctx and temperature) describes the configuration; it adds no cells.
            if (determined_by(f, d, kept)) {
                f.dim_role[d] = DimRole::duplicate;
                ds.descriptors.push_back(rec.names[e]);
                continue;
            }
            kept.push_back(d);
            std::sort(levels.begin(), levels.end(), [](const auto& a, const auto& b) { return layout::natural_less(a, b); });
            ds.factors.push_back(DatasetFactor{rec.names[e], settings_pass ? FactorRole::setting : FactorRole::category, "record field",
                                               "varies inside the records", levels});
        }
    }
    // A path factor renamed "x (path)" next to a field x that only repeats it takes its name back.
    for (std::size_t d = 0; d < path_dims; ++d) {
        const std::string& name = f.dim_names[d];
        if (!name.ends_with(" (path)")) continue;
        const std::string base = name.substr(0, name.size() - 7);
        const int e = f.dim_index(base);
        if (e < 0 || f.role_of(static_cast<std::size_t>(e)) != DimRole::duplicate) continue;
        f.dim_names[static_cast<std::size_t>(e)] = base + " (recorded)";
        f.dim_names[d] = base;
        ds.factors[d].name = base;
    }
    f.roles = find_roles(f);
    ds.pattern = pattern.pattern;
    ds.id = f.id;
    ds.files = members.size();
    ds.row_per_file = total == members.size();
    check_disagreements(f, path_dims, ds);
    return f;
}

}  // namespace

std::string frame_signature(const Frame& frame) {
    // Digit runs collapse to one '#': "runs[3]" and "runs[12]" are one shape.
    std::string locator;
    for (char c : frame.locator) {
        const bool digit = c >= '0' && c <= '9';
        if (!digit) locator += c;
        else if (locator.empty() || locator.back() != '#') locator += '#';
    }
    std::vector<std::string> measures, dims = frame.dim_names;
    for (const auto& m : frame.measures) measures.push_back(m.name);
    for (const auto& [k, v] : frame.context) dims.push_back(k);
    return locator + "|" + join_sorted(std::move(measures)) + "|" + join_sorted(std::move(dims));
}

Pooled pool_datasets(std::vector<Frame>& frames) {
    std::vector<layout::FileInput> inputs;
    std::vector<std::size_t> frame_of;
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const Frame& f = frames[i];
        if (f.narrative || !f.files.empty() || f.rows.empty()) continue;
        std::string sig = frame_signature(f);
        // A second frame of one shape in the same file (two tables under two headings) stays alone.
        if (!seen.emplace(std::string(f.file.str()), sig).second) continue;
        inputs.push_back(layout::FileInput{std::string(f.file.str()), std::move(sig)});
        frame_of.push_back(i);
    }
    const layout::Layout found = layout::discover(inputs);
    Pooled out;
    std::set<std::string> ids;
    for (const auto& pattern : found.patterns) {
        if (pattern.files.size() < 2 || pattern.factors.empty()) continue;
        std::vector<const Frame*> members;
        for (auto k : pattern.files) members.push_back(&frames[frame_of[k]]);
        Dataset ds;
        Frame pooled = pool(pattern, members, ds);
        // Two shapes under one pattern (two kinds of CSV in one folder) are two datasets: the
        // second id gets "-2", the third "-3".
        for (int k = 2; !ids.insert(ds.id).second; ++k) ds.id = pooled.id + "-" + std::to_string(k);
        pooled.id = ds.id;
        ds.example = inputs[pattern.files.front()].path;
        pooled.dataset = static_cast<int>(out.datasets.size());
        ds.frame = out.frames.size();
        out.frames.push_back(std::move(pooled));
        out.datasets.push_back(std::move(ds));
    }
    // A document's one-row frame exists only to be pooled: one row compares with nothing.
    std::erase_if(frames, [](const Frame& f) { return f.document; });
    return out;
}

namespace {

// The pattern as a regular expression: literal text escaped, {name} one or more characters of a
// segment, [..] an optional part.
std::regex pattern_regex(std::string_view pattern) {
    std::string re;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '{') {
            i = pattern.find('}', i);
            if (i == std::string_view::npos) break;
            re += "[^/]+?";
        } else if (c == '[') {
            re += "(?:";
        } else if (c == ']') {
            re += ")?";
        } else {
            if (std::string_view(".^$|()*+?\\").find(c) != std::string_view::npos) re += '\\';
            re += c;
        }
    }
    return std::regex(re, std::regex::ECMAScript | std::regex::optimize);
}

std::size_t segments(std::string_view path) { return static_cast<std::size_t>(std::count(path.begin(), path.end(), '/')); }

}  // namespace

void find_empty_members(std::vector<Dataset>& datasets, const std::vector<Frame>& dataset_frames,
                        const std::vector<std::string>& files) {
    for (auto& ds : datasets) {
        const Frame& f = dataset_frames[ds.frame];
        std::set<std::string_view> members;
        for (const auto& file : f.files) members.insert(file.str());
        const std::regex re = pattern_regex(ds.pattern);
        const std::size_t depth = segments(ds.pattern);
        const auto dot = ds.pattern.rfind('.');
        const std::string_view ext = dot == std::string::npos ? std::string_view() : std::string_view(ds.pattern).substr(dot);
        for (const auto& path : files) {
            // Cheap filters first: same depth and extension, then the pattern itself.
            if (segments(path) != depth || !path.ends_with(ext) || members.count(path)) continue;
            if (std::regex_match(path, re)) ds.empty_files.push_back(path);
        }
    }
}

}  // namespace analysis
