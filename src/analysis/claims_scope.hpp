#pragma once
// Internal to the prose claim checker (claims_prose.cpp): which data a claim may be checked
// against, read from folder paths alone (docs/design.md "Claims within their scope"). A number
// written in a run's report is about that run: it is checked against the run folder's data first,
// then the same dataset, then the same experiment, and never against another experiment unless
// the claim names it. Kept small and path-only so the discovered layout can later supply the
// run, dataset and experiment folders instead of these rules.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace analysis::claims_util {

/// How near a data file lies to a claim, nearest first. The order is the preference order.
enum class ScopeRank {
    run = 0,         ///< the claim file's own folder or one of its subfolders
    dataset = 1,     ///< a sibling folder of the same name pattern ("run_2" next to "run_1")
    experiment = 2,  ///< anywhere under the claim's experiment folder
    outside = 3,     ///< another experiment: never used unless the claim names it
};

/// "run", "dataset", "experiment", "outside", for statements.
std::string_view scope_name(ScopeRank rank);

/// Where a claim file sits: its run folder, the folder its dataset's siblings share, its folder's
/// name pattern and its experiment folder ("" = the analysed root).
struct ClaimScope {
    std::string run;         ///< the claim file's folder ("" at the root)
    std::string parent;      ///< the run folder's parent ("" at the root)
    std::string run_shape;   ///< name_shape() of the run folder's last segment
    std::string experiment;  ///< the experiment folder holding the claim ("" = the whole root)
};

/// A folder name with every digit run collapsed to '#' and lower-cased: "run_12" -> "run_#",
/// "20251002-151204" -> "#-#". Sibling folders of one shape are one dataset's runs.
std::string name_shape(std::string_view name);

/// The folder tree of the analysed root, enough to tell experiments apart. An experiment is a
/// top-level folder of the root when the root holds several folders; a root that holds a single
/// folder ("results/") is a wrapper, and the rule applies one level down, and so on. Files that
/// sit above the experiment level (a root README, an index) have the whole root as their scope.
class ScopeTree {
public:
    /// Builds the tree from every relative '/'-separated file path of the root. `data_files` are
    /// the files that hold raw data: a flat experiment folder holding none of them and no
    /// subfolders (`notes/`, `docs/`) is documentation about the whole root, so its claims take
    /// the root as scope.
    explicit ScopeTree(const std::vector<std::string_view>& files, const std::vector<std::string_view>& data_files = {});

    /// The scope of a claim written in `claim_file`.
    ClaimScope scope_of(std::string_view claim_file) const;

    /// The experiment folder holding `path` ("" when it sits above the experiment level).
    std::string experiment_of(std::string_view path) const;

private:
    std::unordered_map<std::string, std::unordered_set<std::string>> children_;  ///< folder -> subfolders
    std::string wrapper_;  ///< the deepest single-child chain below the root ("" when none)
    std::unordered_set<std::string> data_experiments_;  ///< experiments holding raw data
    bool data_known_ = false;
};

/// How near `data_file` lies to a claim of scope `scope` (see ScopeRank).
ScopeRank scope_rank(const ClaimScope& scope, std::string_view data_file, const ScopeTree& tree);

/// The names by which a claim names `data_file` outright, lower-case: its file name, its stem
/// and the name of its experiment folder (stem and folder only when distinctive: three
/// characters or more and not a generic word such as "data" or "results").
std::vector<std::string> data_names(std::string_view data_file, const ScopeTree& tree);

/// Whether a claim whose text has `tokens` (claim_tokens()) names `data_file` outright: its file
/// name, its stem, or the name of the experiment folder holding it (stems and folder names only
/// when distinctive: not a generic word such as "data" or "results"). Named data may be checked
/// even when it lies in another experiment.
bool names_data(const std::vector<std::string>& tokens, std::string_view data_file, const ScopeTree& tree);

}  // namespace analysis::claims_util
