#pragma once
// Datasets (docs/design.md "Datasets"): the frames of files that share one layout pattern and one
// schema, pooled into a single frame with the path factors as dimensions. A folder of 300 run
// folders is one dataset of 300 runs, not 300 tables of n = 1.
#include <string>
#include <vector>

#include "analysis/frame.hpp"
#include "analysis/layout.hpp"

namespace analysis {

/// One factor of a dataset, as discovered in the paths or found varying inside the records.
struct DatasetFactor {
    std::string name;
    layout::FactorRole role = layout::FactorRole::category;
    std::string origin;               ///< "folder", "file name" or "record field"
    std::string rule;                 ///< how it was read and named
    std::vector<std::string> levels;  ///< distinct levels, natural order
};

/// A path factor whose value also exists in the data, with the files where the two disagree.
struct FactorDisagreement {
    std::string factor, field;  ///< path factor ("ctx") and the data field ("options.num_ctx")
    std::size_t files = 0;      ///< files where both are present
    std::size_t disagree = 0;   ///< files where they differ
    std::string example;        ///< "run_3/metrics.json: path ctx=512, data num_ctx=2048"
    model::Source example_source;
};

struct Dataset {
    std::string id;        ///< slug of the pattern, unique
    std::string pattern;   ///< layout pattern with {factor} places
    std::size_t files = 0;
    std::string example;   ///< its first file, naming it where two datasets share a pattern
    std::size_t frame = 0; ///< index of its pooled frame in Analysis::dataset_frames
    /// How rows were read: one per file (documents of scalars) or one per record.
    bool row_per_file = false;
    std::vector<DatasetFactor> factors;  ///< path factors first, then record fields that vary
    /// Record fields with one value per configuration of the path (model_id, num_prompts): they
    /// describe configurations and add no cells.
    std::vector<std::string> descriptors;
    std::vector<FactorDisagreement> disagreements;
    /// Parsed files whose path fits the pattern but which hold no rows of this shape (a sweep
    /// file with an empty step list), in path order.
    std::vector<std::string> empty_files;
};

/// A frame's schema signature: its locator's shape, measure names and dimension names. Frames of
/// equal signature from different files can be pooled.
std::string frame_signature(const Frame& frame);

/// The datasets of a folder and their pooled frames (Dataset::frame indexes `frames`).
struct Pooled {
    std::vector<Dataset> datasets;
    std::vector<Frame> frames;
};

/// Pools the raw frames of same-shaped files (layout::discover over their paths and signatures)
/// into datasets: each pattern of two or more files becomes one frame (rows keep their own file,
/// line and JSON path; path factors become dimensions). The per-file frames stay in `frames` for
/// the per-table analyzers, except the one-row frames of JSON documents, which exist only to be
/// pooled and are removed. Frames of Markdown tables are never pooled (they are claims about
/// data). Deterministic.
Pooled pool_datasets(std::vector<Frame>& frames);

/// Fills Dataset::empty_files: every path of `files` (the parsed files of the folder) that fits a
/// dataset's pattern ({factor} = one or more characters within a segment, [..] optional) but is
/// none of its files.
void find_empty_members(std::vector<Dataset>& datasets, const std::vector<Frame>& dataset_frames,
                        const std::vector<std::string>& files);

}  // namespace analysis
