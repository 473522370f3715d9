// The Frame type itself: row storage, interned failure texts and JSON paths, copies, measure
// keys and aggregate names. Building frames from a corpus is frame_build.cpp.
#include "analysis/frame.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "util/strings.hpp"

namespace analysis {

namespace {

constexpr std::string_view kAggregatePrefixes[] = {"mean_", "median_", "avg_", "average_", "overall_"};
constexpr std::string_view kAggregateSuffixes[] = {"_mean", "_median", "_avg", "_average"};

}  // namespace

void Frame::set_failure_reason(FrameRow& row, const std::string& reason) {
    if (reason.empty()) {
        row.failure = 0;
        return;
    }
    // Most frames have no or one distinct reason; a linear search over the distinct texts is enough
    // and keeps frames copyable without an index.
    if (failure_reasons.empty()) failure_reasons.emplace_back();  // index 0: none
    auto it = std::find(failure_reasons.begin() + 1, failure_reasons.end(), reason);
    if (it == failure_reasons.end()) it = failure_reasons.insert(failure_reasons.end(), reason);
    row.failure = static_cast<std::uint32_t>(it - failure_reasons.begin());
}

void Frame::set_json_path(FrameRow& row, std::string_view path) {
    if (path.empty()) {
        row.json_path = 0;
        return;
    }
    // Paths of a frame's rows are distinct ("runs[0]", "runs[1]", ...): appended, not searched.
    if (json_paths.empty()) json_paths.emplace_back();  // index 0: none
    row.json_path = static_cast<std::uint32_t>(json_paths.size());
    json_paths.emplace_back(path);
}

std::string measure_key(const Measure& measure) {
    return measure.key.empty() ? util::normalise_name(measure.name) : measure.key;
}

std::string_view measure_key(const Measure& measure, std::string& scratch) {
    if (!measure.key.empty()) return measure.key;
    scratch = util::normalise_name(measure.name);
    return scratch;
}

void add_row_source(std::vector<model::Source>& sources, const Frame& f, const FrameRow& row) {
    if (!model::extend_last_source(sources, f.file_of(row), row.line, row.line_end, f.json_path(row))) sources.push_back(f.source(row));
}

Frame::Frame(const Frame& other) : FrameData(other) {
    // Columns in the other frame's own storage move to the same place in this copy's; views of
    // ingested tables stay as they are.
    const double* first = other.value_storage.data();
    const double* end = first + other.value_storage.size();
    const std::less<const double*> before;  // a total order, even between unrelated arrays
    for (auto& column : columns)
        if (!before(column, first) && before(column, end)) column = value_storage.data() + (column - first);
}

Frame& Frame::operator=(const Frame& other) {
    if (this != &other) *this = Frame(other);
    return *this;
}

void Frame::fit_storage() {
    const std::size_t n = rows.size(), width = measures.size();
    const std::size_t old_n = column_rows;
    std::vector<double> next(n * width, std::nan(""));
    for (std::size_t m = 0; m < width && m < columns.size(); ++m)
        for (std::size_t r = 0; r < old_n && r < n; ++r) next[m * n + r] = columns[m][r];
    value_storage = std::move(next);
    columns.assign(width, nullptr);
    for (std::size_t m = 0; m < width; ++m) columns[m] = value_storage.data() + m * n;
    column_rows = n;
    code_storage.resize(n * dim_names.size(), 0);
}

void add_row(Frame& f, FrameRow row, const std::vector<std::string>& dims, const std::vector<double>& values) {
    if (f.dim_values.size() != f.dim_names.size()) f.dim_values.assign(f.dim_names.size(), std::vector<std::string>{std::string()});
    std::vector<std::uint32_t> codes;
    for (std::size_t d = 0; d < f.dim_names.size(); ++d) {
        const std::string value = d < dims.size() ? dims[d] : std::string();
        auto& texts = f.dim_values[d];
        auto it = std::find(texts.begin(), texts.end(), value);
        if (it == texts.end()) it = texts.insert(texts.end(), value);
        codes.push_back(static_cast<std::uint32_t>(it - texts.begin()));
    }
    f.rows.push_back(std::move(row));
    f.fit_storage();
    const std::size_t r = f.rows.size() - 1;
    for (std::size_t m = 0; m < values.size() && m < f.measures.size(); ++m) f.own_value(r, m) = values[m];
    std::copy(codes.begin(), codes.end(), f.code_storage.begin() + static_cast<std::ptrdiff_t>(r * f.dim_names.size()));
}

bool is_aggregate_name(std::string_view name) {
    // Every affix joins its word with '_': most names are ruled out by one search. The loops over
    // the constant affixes unroll into fixed-length compares.
    if (name.find('_') == std::string_view::npos) return false;
    for (auto p : kAggregatePrefixes)
        if (name.starts_with(p)) return true;
    for (auto s : kAggregateSuffixes)
        if (name.ends_with(s)) return true;
    return false;
}

std::string strip_aggregate(std::string_view name) {
    for (auto p : kAggregatePrefixes)
        if (util::starts_with(name, p)) return std::string(name.substr(p.size()));
    for (auto s : kAggregateSuffixes)
        if (util::ends_with(name, s)) return std::string(name.substr(0, name.size() - s.size()));
    return std::string(name);
}

int Frame::measure_index(std::string_view name) const {
    for (std::size_t i = 0; i < measures.size(); ++i)
        if (measures[i].name == name) return static_cast<int>(i);
    return -1;
}

int Frame::dim_index(std::string_view name) const {
    for (std::size_t i = 0; i < dim_names.size(); ++i)
        if (dim_names[i] == name) return static_cast<int>(i);
    return -1;
}

std::string Frame::context_value(std::string_view name) const {
    for (const auto& [k, v] : context)
        if (k == name) return v;
    return "";
}

}  // namespace analysis
