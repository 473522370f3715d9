#include "ingest/json_flatten.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/json_rules.hpp"

namespace ingest::json {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;
using Dimensions = std::vector<std::pair<std::string, std::string>>;

constexpr std::size_t kMaxLookAheadMembers = 32;  // bigger child objects lend their parent no dimensions
constexpr std::size_t kMaxObjectDimensions = 32;  // more strings than this: a config dump (server_info)
constexpr std::size_t kMaxDimensions = 64;        // per scalar; keeps output linear in the input

/// Builds a table whose columns grow as records bring new keys.
struct TableBuilder {
    model::Table table;
    std::unordered_map<std::string, std::size_t> index;
    std::size_t skipped = 0;  // array elements that were neither objects nor arrays

    std::size_t column(std::string name) {
        auto [it, inserted] = index.try_emplace(std::move(name), table.columns.size());
        if (inserted) table.columns.push_back(it->first);
        return it->second;
    }
    static void set(model::Row& row, std::size_t column, model::Cell cell) {
        if (row.cells.size() <= column) row.cells.resize(column + 1);
        row.cells[column] = std::move(cell);
    }
    model::Table finish() {
        for (auto& row : table.rows) row.cells.resize(table.columns.size());
        if (skipped > 0) {
            const std::string where = table.line > 0 ? table.file + ":" + std::to_string(table.line) : table.file.str();
            table.warnings.push_back(where + ": " + (table.locator.empty() ? std::string("root array") : table.locator) +
                                     ": " + std::to_string(skipped) + " elements that are not objects were skipped");
        }
        return std::move(table);
    }
};
}  // namespace

struct Flattener::Impl {
    model::SharedPath file;  // interned once: copied into every table and scalar of the document
    long long line = 0;
    std::string path, pattern;     // JSON path and pattern of the value being walked
    std::size_t scope_start = 0;   // where the current scope (root, level entry, record) starts in path
    Dimensions dims;               // innermost last; a later name shadows an earlier one
    Dimensions dims_cache;
    bool cache_valid = false;
    bool failed = false;
    std::string failure;
    bool emit_numbers = true;      // false while walking a record's object part (its numbers are cells)
    FileContent out;                      // scalars (tables live in `tables` until finish)
    std::deque<TableBuilder> tables;      // deque: references stay valid while nested tables are added
    std::unordered_map<std::string, std::size_t> table_index;  // locator -> position in `tables`

    /// Restores the walk state on scope exit.
    class Mark {
    public:
        explicit Mark(Impl& w)
            : w_(w), path_(w.path.size()), pattern_(w.pattern.size()), scope_(w.scope_start),
              dims_(w.dims.size()), failed_(w.failed), emit_(w.emit_numbers) {}
        ~Mark() {
            w_.path.resize(path_);
            w_.pattern.resize(pattern_);
            w_.scope_start = scope_;
            if (w_.dims.size() != dims_) { w_.dims.resize(dims_); w_.cache_valid = false; }
            if (!failed_ && w_.failed) { w_.failed = false; w_.failure.clear(); }
            w_.emit_numbers = emit_;
        }
        Mark(const Mark&) = delete;
        Mark& operator=(const Mark&) = delete;

    private:
        Impl& w_;
        std::size_t path_, pattern_, scope_, dims_;
        bool failed_, emit_;
    };

    void push_key(std::string_view key, bool as_star = false) {
        if (!path.empty()) path += '.';
        path += key;
        if (!pattern.empty()) pattern += '.';
        pattern += as_star ? std::string_view{"*"} : key;
    }
    void push_index(std::size_t index) {
        path += '[';
        path += std::to_string(index);
        path += ']';
        pattern += "[*]";
    }
    /// Path of the current object relative to its scope, with a trailing '.', or "".
    std::string rel_prefix() const {
        std::string_view rel(path);
        rel.remove_prefix(std::min(scope_start, rel.size()));
        if (!rel.empty() && rel.front() == '.') rel.remove_prefix(1);
        return rel.empty() ? std::string{} : std::string(rel) + ".";
    }
    bool has_dimension(std::string_view name) const {
        return std::any_of(dims.begin(), dims.end(), [&](const auto& d) { return d.first == name; });
    }
    /// Adds a dimension unless the innermost one of that name has the same value or the cap is hit.
    void add_dimension(std::string name, std::string_view value) {
        if (dims.size() >= kMaxDimensions) return;
        for (auto it = dims.rbegin(); it != dims.rend(); ++it) {
            if (it->first != name) continue;
            if (it->second == value) return;
            break;
        }
        dims.emplace_back(std::move(name), value);
        cache_valid = false;
    }
    void add_object_dimensions(object obj, std::string_view prefix) {
        std::size_t count = 0;
        for (auto [key, value] : obj)
            if (dimension_text(value) && !is_prose_key(key) && ++count > kMaxObjectDimensions) return;
        for (auto [key, value] : obj) {
            auto text = dimension_text(value);
            if (text && !is_prose_key(key)) add_dimension(std::string(prefix) + std::string(key), *text);
        }
    }
    TableBuilder& table_at(std::string locator) {
        auto [it, inserted] = table_index.try_emplace(locator, tables.size());
        if (inserted) {
            TableBuilder& builder = tables.emplace_back();
            builder.table.file = file;
            builder.table.locator = std::move(locator);
            builder.table.line = line;
        }
        return tables[it->second];
    }
    const Dimensions& visible_dimensions() {
        if (cache_valid) return dims_cache;
        dims_cache.clear();
        for (auto it = dims.rbegin(); it != dims.rend(); ++it) {
            bool shadowed = std::any_of(dims_cache.begin(), dims_cache.end(),
                                        [&](const auto& d) { return d.first == it->first; });
            if (!shadowed) dims_cache.push_back(*it);
        }
        std::reverse(dims_cache.begin(), dims_cache.end());
        cache_valid = true;
        return dims_cache;
    }
    void set_failure(std::optional<std::string> reason) {
        if (failed || !reason) return;
        failed = true;
        failure = std::move(*reason);
    }

    void emit_scalar(double value, std::string_view key) {
        model::Scalar scalar;
        scalar.source.file = file;
        scalar.source.line = line;
        scalar.source.json_path = path;
        scalar.key = key;
        scalar.pattern = pattern;
        scalar.value = value;
        scalar.dimensions = visible_dimensions();
        scalar.failed = failed;
        if (failed) scalar.failure_reason = failure;
        out.scalars.push_back(std::move(scalar));
    }

    void walk_value(element value, std::string_view key, int depth);
    void walk_object(object obj, bool scope_root, bool entry, int depth);
    void walk_level(object level, std::string_view key, int depth);
    void walk_array(array arr, std::string_view key, int depth);
    void build_table(array arr, std::string_view key, int depth);
    void add_record(TableBuilder& builder, object record, std::size_t index, const std::string& dim_name,
                    const std::string& dim_value, int depth);
    void flatten_record(TableBuilder& builder, model::Row& row, object obj, const std::string& prefix,
                        bool& has_arrays, int depth);
};

void Flattener::Impl::walk_value(element value, std::string_view key, int depth) {
    if (depth > kMaxDepth) return;
    switch (value.type()) {
        case element_type::OBJECT:
            if (is_dimension_level(as_object(value))) walk_level(as_object(value), key, depth);
            else walk_object(as_object(value), false, false, depth);
            break;
        case element_type::ARRAY: walk_array(value.get_array().value_unsafe(), key, depth); break;
        default:
            if (!emit_numbers) break;
            if (auto number = number_of(value)) emit_scalar(*number, key);
    }
}

// Dimensions of an object: its own string/bool members, plus those of its small plain child
// objects (`model.device` qualifies every number beside `model`), named by their path in the scope.
void Flattener::Impl::walk_object(object obj, bool scope_root, bool entry, int depth) {
    Mark mark(*this);
    if (scope_root) scope_start = path.size();
    const std::string prefix = rel_prefix();
    add_object_dimensions(obj, prefix);
    for (auto [key, value] : obj) {
        if (value.type() != element_type::OBJECT) continue;
        object child = as_object(value);
        if (child.size() <= kMaxLookAheadMembers && !is_dimension_level(child))
            add_object_dimensions(child, prefix + std::string(key) + ".");
    }
    if (!failed) set_failure(entry ? find_failure(obj, prefix, depth) : direct_failure(obj, prefix));
    for (auto [key, value] : obj) {
        Mark member(*this);
        push_key(key);
        walk_value(value, key, depth + 1);
    }
}

void Flattener::Impl::walk_level(object level, std::string_view key, int depth) {
    std::string name = key.empty() ? std::string("key") : singular(key);
    if (has_dimension(name)) name = rel_prefix() + std::string(key.empty() ? "key" : key);
    if (has_dimension(name)) name += "#" + std::to_string(depth);
    for (auto [entry_key, value] : level) {
        if (value.type() != element_type::OBJECT) continue;
        Mark mark(*this);
        push_key(entry_key, true);
        add_dimension(name, entry_key);
        walk_object(as_object(value), true, true, depth + 1);
    }
}

void Flattener::Impl::walk_array(array arr, std::string_view key, int depth) {
    std::size_t objects = 0, total = 0;
    for (element e : arr) {
        ++total;
        if (e.type() == element_type::OBJECT) ++objects;
    }
    if (objects > 0 && objects * 2 >= total) return build_table(arr, key, depth);
    Mark mark(*this);
    emit_numbers = true;
    std::size_t index = 0;
    for (element e : arr) {
        Mark element_mark(*this);
        push_index(index++);
        if (e.type() == element_type::OBJECT && !is_dimension_level(as_object(e)))
            walk_object(as_object(e), true, false, depth + 1);
        else
            walk_value(e, key, depth + 1);
    }
}

void Flattener::Impl::build_table(array arr, std::string_view key, int depth) {
    TableBuilder& builder = table_at(star_indices(path));
    const std::string dim_name = key.empty() ? std::string("record") : singular(key);
    std::size_t index = 0;
    for (element e : arr) {
        const std::size_t i = index++;
        if (e.type() == element_type::OBJECT) {
            add_record(builder, as_object(e), i, dim_name, std::to_string(i), depth + 1);
        } else if (e.type() == element_type::ARRAY) {
            Mark mark(*this);
            push_index(i);
            walk_array(e.get_array().value_unsafe(), key, depth + 1);
        } else {
            ++builder.skipped;
        }
    }
}

// One record becomes one row; arrays inside it are walked afterwards for their own tables and
// scalars, qualified by the record's strings and by `dim_name=dim_value` (its index or line).
void Flattener::Impl::add_record(TableBuilder& builder, object record, std::size_t index, const std::string& dim_name,
                                 const std::string& dim_value, int depth) {
    model::Row row;
    row.line = line;
    row.json_path = path + "[" + std::to_string(index) + "]";
    bool has_arrays = false;
    flatten_record(builder, row, record, "", has_arrays, depth);
    if (failed) {
        row.failed = true;
        row.failure_reason = failure;
    } else if (auto reason = find_failure(record, "", depth)) {
        row.failed = true;
        row.failure_reason = std::move(*reason);
    }
    if (has_arrays) {
        Mark mark(*this);
        push_index(index);
        add_dimension(dim_name, dim_value);
        if (row.failed) set_failure(row.failure_reason);
        emit_numbers = false;
        walk_object(record, true, false, depth);
    }
    builder.table.rows.push_back(std::move(row));
}

void Flattener::Impl::flatten_record(TableBuilder& builder, model::Row& row, object obj, const std::string& prefix,
                                     bool& has_arrays, int depth) {
    if (depth > kMaxDepth) return;
    for (auto [key, value] : obj) {
        std::string name = prefix + std::string(key);
        if (value.type() == element_type::OBJECT)
            flatten_record(builder, row, as_object(value), name + ".", has_arrays, depth + 1);
        else if (value.type() == element_type::ARRAY)
            has_arrays = true;
        else
            TableBuilder::set(row, builder.column(std::move(name)), make_cell(value));
    }
}

Flattener::Flattener(std::string file) : impl_(std::make_unique<Impl>()) { impl_->file = std::move(file); }
Flattener::~Flattener() = default;

void Flattener::add_document(simdjson::dom::element root, long long line) {
    impl_->line = line;
    impl_->walk_value(root, "", 0);
}

void Flattener::add_line(simdjson::dom::element value, std::size_t index, long long line) {
    Impl& w = *impl_;
    w.line = line;
    if (value.type() != element_type::OBJECT) {
        Impl::Mark mark(w);
        w.push_index(index);
        w.walk_value(value, "", 1);
        return;
    }
    w.add_record(w.table_at(""), as_object(value), index, "line", std::to_string(line), 1);
}

FileContent Flattener::finish() {
    FileContent content = std::move(impl_->out);
    content.tables.reserve(impl_->tables.size());
    for (TableBuilder& builder : impl_->tables) content.tables.push_back(builder.finish());
    return content;
}

}  // namespace ingest::json
