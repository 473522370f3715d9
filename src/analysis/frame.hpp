#pragma once
// Frames: every table and every keyed JSON object turned into one shape the analyzers share —
// dimensions and canonical measurements per row, with sources, failure and cold-start flags.
#include <cassert>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "model/corpus.hpp"

namespace analysis {

struct Measure {
    std::string name;                                   ///< column or JSON key path ("tokens_s")
    model::Quantity quantity = model::Quantity::unknown;
    std::string original_unit;                          ///< as in the data ("ms"); values are canonical
    std::string key;  ///< util::normalise_name(name), set by build_frames; "" in frames built by hand
};

/// The normalised name of a measure ("tokens_s"), from Measure::key when set.
std::string measure_key(const Measure& measure);
/// The same without a copy: a view of Measure::key, or of `scratch` when the key is unset.
std::string_view measure_key(const Measure& measure, std::string& scratch);

/// One record of a frame. Its values and dimension codes live in the frame's storage, read with
/// Frame::value() and Frame::code(): a row stays 32 bytes with no pointer (a folder of 10^5
/// files has 10^7 rows).
struct FrameRow {
    long long line = 0;       ///< 1-based line where the record starts; 0 for values inside a JSON document
    long long line_end = 0;   ///< > line: the record owns the lines up to here (a multi-line CSV record)
    bool failed = false;
    bool cold = false;              ///< load-dominated first call / reload (set by mark_cold_starts)
    std::uint32_t failure = 0;      ///< index into Frame::failure_reasons; 0 = none recorded
    /// Where a JSON record or value sits: index into Frame::json_paths; 0 ("") for CSV, Markdown
    /// and JSONL rows, which are located by line.
    std::uint32_t json_path = 0;
    /// The row's file: index into Frame::files of a dataset pooled from several files; 0 (the
    /// frame's own `file`) otherwise.
    std::uint32_t file = 0;
};
static_assert(sizeof(FrameRow) == 32, "a folder of 10^5 files has 10^7 rows");

/// What a dimension's levels are (docs/design.md "Datasets"): a configuration to compare, a
/// numeric setting, a repeat of the same cell, or the session (a timestamp) it ran in.
enum class DimRole : std::uint8_t {
    category,
    setting,
    replicate,
    session,
    duplicate,  ///< the same levels as another dimension, read twice (a path factor and a field)
};

/// Which measure plays each role (select.hpp says how each is chosen); -1 = none.
struct MeasureRoles {
    int throughput = -1, ttft = -1, load = -1, latency = -1, tokens = -1, decode = -1;
};

/// The data of a frame; Frame adds the copy operations that keep its own columns pointing into
/// its own storage.
struct FrameData {
    std::string id;                 ///< slug of file + locator, unique within a corpus
    model::SharedPath file;         ///< the table's file, shared by every source of its rows
    std::string locator;
    std::string label;              ///< "gemma3/gemma3_param_tuning.csv" or "...json [backends]"
    bool derived = false;           ///< holds aggregates (mean_/median_ columns), not raw samples
    bool narrative = false;         ///< a table inside a Markdown document (also derived)
    /// One row of a JSON document's top-level numbers (a result file of scalars): kept only when
    /// pooled with documents of the same shape into a dataset (docs/design.md "Datasets").
    bool document = false;
    std::string same_data_as;       ///< label of an earlier frame with the same measurements (then derived too)
    std::vector<std::string> dim_names;
    std::vector<bool> dim_is_setting;  ///< numeric configuration settings (num_gpu, temperature)
    /// Per dimension its role; empty = category, or setting where dim_is_setting says so. A
    /// replicate or session dimension is never compared as if it were a configuration.
    std::vector<DimRole> dim_role;
    /// Files of a pooled dataset, indexed by FrameRow::file; empty for a frame of one file.
    std::vector<model::SharedPath> files;
    /// A dataset pooled from several files (docs/design.md "Datasets"): its index in
    /// Analysis::datasets, or -1.
    int dataset = -1;
    std::vector<Measure> measures;
    /// Found once by build_frames, since every analyzer asks; frames built by hand leave it empty
    /// and the select.hpp functions then search the measures on each call.
    std::optional<MeasureRoles> roles;
    std::vector<FrameRow> rows;
    std::vector<std::pair<std::string, std::string>> context;  ///< dimensions constant over the frame
    /// Per dimension: "" (code 0, missing), then its distinct values in first-seen order.
    std::vector<std::vector<std::string>> dim_values;
    /// Distinct failure texts of the rows: rows of a failed run repeat one error. Empty while no
    /// row has one; then [0] = "" (index 0 means none).
    std::vector<std::string> failure_reasons;
    /// JSON paths of the rows that have one, likewise empty or led by [0] = ""; CSV rows, the
    /// most, need none.
    std::vector<model::SharedPath> json_paths;
    /// Per measure, its column: one value per row in row order (canonical unit, NaN when missing).
    /// A column already in canonical units is the ingested table's own column (Table::values),
    /// viewed, not copied: a 1 GB folder holds 10^8 values. Others point into value_storage.
    std::vector<const double*> columns;
    std::size_t column_rows = 0;  ///< values in each column: rows.size() once the frame is built
    /// The columns the frame holds itself, column after column, rows.size() values each.
    std::vector<double> value_storage;
    /// Every row's dimension codes, row after row, dim_names.size() each: the value's index in
    /// dim_values (0 = missing).
    std::vector<std::uint32_t> code_storage;
};

struct Frame : FrameData {
    Frame() = default;
    Frame(const Frame& other);
    Frame& operator=(const Frame& other);
    Frame(Frame&&) noexcept = default;  // moved storage keeps its buffer: columns stay valid
    Frame& operator=(Frame&&) noexcept = default;

    /// Gives every measure a column of its own in value_storage (rows.size() values, NaN where
    /// new, existing values kept) and code_storage rows x dimensions (new cells 0). For frames
    /// built row by row (tests, JSON scalars).
    void fit_storage();
    /// The value cell of measure `m` in row `r` of a frame whose columns are its own.
    double& own_value(std::size_t r, std::size_t m) { return value_storage[m * rows.size() + r]; }

    /// Position of `row`, which must be an element of `rows`.
    std::size_t index_of(const FrameRow& row) const {
        assert(&row >= rows.data() && &row < rows.data() + rows.size());
        return static_cast<std::size_t>(&row - rows.data());
    }
    /// Measure `m` of `row`: canonical unit, NaN when missing.
    double value(const FrameRow& row, std::size_t m) const { return columns[m][index_of(row)]; }
    /// Code of dimension `d` in `row`: its index in dim_values[d] (0 = missing).
    std::uint32_t code(const FrameRow& row, std::size_t d) const { return code_storage[index_of(row) * dim_names.size() + d]; }

    /// Index of a measure / dimension by name, or -1.
    int measure_index(std::string_view name) const;
    int dim_index(std::string_view name) const;
    /// Where `row` came from (the frame's file plus the row's lines or JSON path).
    model::Source source(const FrameRow& row) const { return model::Source{file_of(row), row.line, json_path(row), row.line_end}; }
    /// The file `row` came from.
    const model::SharedPath& file_of(const FrameRow& row) const { return files.empty() ? file : files[row.file]; }
    /// Role of dimension `d` (see DimRole).
    DimRole role_of(std::size_t d) const {
        if (d < dim_role.size()) return dim_role[d];
        return d < dim_is_setting.size() && dim_is_setting[d] ? DimRole::setting : DimRole::category;
    }
    /// A dimension whose levels are configurations (category or setting), not replicates or sessions.
    bool is_config_dim(std::size_t d) const {
        const DimRole r = role_of(d);
        return r == DimRole::category || r == DimRole::setting;
    }
    /// The JSON path of `row` ("" when it is located by line).
    const model::SharedPath& json_path(const FrameRow& row) const {
        static const model::SharedPath kNone;
        return row.json_path == 0 ? kNone : json_paths[row.json_path];
    }
    /// Records `path` as the JSON path of `row`.
    void set_json_path(FrameRow& row, std::string_view path);
    /// Why `row` failed ("" when it did not or no reason was recorded).
    const std::string& failure_reason(const FrameRow& row) const {
        static const std::string kNone;
        return row.failure == 0 ? kNone : failure_reasons[row.failure];
    }
    /// Records `reason` as the failure of `row` (interned).
    void set_failure_reason(FrameRow& row, const std::string& reason);
    /// The text of dimension `d` in `row` ("" when missing).
    const std::string& dim(const FrameRow& row, std::size_t d) const { return dim_values[d][code(row, d)]; }
    /// Distinct non-empty values of dimension `d`, in first-seen order.
    std::span<const std::string> levels_of(std::size_t d) const {
        return std::span<const std::string>(dim_values[d]).subspan(1);
    }
    /// Value of a context dimension ("" when absent).
    std::string context_value(std::string_view name) const;
};

/// Builds frames from all tables and keyed scalars of parsed, non-duplicate files, in file order.
/// Constant dimensions move to Frame::context. Columns already in canonical units view the
/// corpus's tables, so `corpus` must outlive the frames' values.
std::vector<Frame> build_frames(const model::Corpus& corpus);

/// model::add_source(sources, frame.source(row)) without building a Source when the row only
/// extends the last range (most rows of most facts).
void add_row_source(std::vector<model::Source>& sources, const Frame& frame, const FrameRow& row);

/// Appends a row to a frame built by hand (tests), with its dimension values as text and its
/// values (one per measure).
void add_row(Frame& frame, FrameRow row, const std::vector<std::string>& dims, const std::vector<double>& values);


/// True when a name reads as an aggregate ("mean_tokens_s", "median_ttft_s", "avg_latency").
bool is_aggregate_name(std::string_view name);

/// Strips an aggregate prefix or suffix: "mean_tokens_s" -> "tokens_s", "eval_s_mean" -> "eval_s".
std::string strip_aggregate(std::string_view name);

}  // namespace analysis
