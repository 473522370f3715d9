// Scope of a claim (docs/design.md "Claims within their scope"): run folder, dataset,
// experiment, read from the folder tree of the analysed root.
#include "analysis/claims_scope.hpp"

#include <algorithm>
#include <array>

#include "analysis/claims_subject.hpp"
#include "util/strings.hpp"

namespace analysis::claims_util {

namespace {

/// Folder and file-stem words too common to name one experiment or one file: a claim saying
/// "the data" or "our results" names none of them.
constexpr std::array kGenericNames = {"benchmark", "benchmarks", "data",   "experiment", "experiments", "log",
                                      "logs",      "metrics",    "output", "outputs",    "raw",         "report",
                                      "reports",   "result",     "results", "run",       "runs",        "summary",
                                      "test",      "tests"};

bool generic(std::string_view name) {
    return std::find(kGenericNames.begin(), kGenericNames.end(), name) != kGenericNames.end();
}

std::string_view folder_of(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::string_view last_segment(std::string_view folder) {
    auto slash = folder.rfind('/');
    return slash == std::string_view::npos ? folder : folder.substr(slash + 1);
}

/// Whether `folder` is `root` or lies below it ("" holds everything).
bool within(std::string_view folder, std::string_view root) {
    if (root.empty() || folder == root) return true;
    return folder.size() > root.size() && folder.substr(0, root.size()) == root && folder[root.size()] == '/';
}

/// The segment of `folder` right below `root` (which must hold it strictly): "a/b/c" below "a" is "b".
std::string_view segment_below(std::string_view folder, std::string_view root) {
    std::string_view rest = root.empty() ? folder : folder.substr(root.size() + 1);
    return rest.substr(0, rest.find('/'));
}

std::string join(std::string_view folder, std::string_view child) {
    return folder.empty() ? std::string(child) : std::string(folder) + "/" + std::string(child);
}

}  // namespace

std::string_view scope_name(ScopeRank rank) {
    switch (rank) {
        case ScopeRank::run: return "run";
        case ScopeRank::dataset: return "dataset";
        case ScopeRank::experiment: return "experiment";
        case ScopeRank::outside: return "outside";
    }
    return "outside";
}

std::string name_shape(std::string_view name) {
    std::string out;
    for (char c : util::to_lower(name)) {
        bool digit = c >= '0' && c <= '9';
        if (!digit) out += c;
        else if (out.empty() || out.back() != '#') out += '#';
    }
    return out;
}

ScopeTree::ScopeTree(const std::vector<std::string_view>& files, const std::vector<std::string_view>& data_files) {
    for (auto file : files) {
        std::string_view folder = folder_of(file);
        std::size_t start = 0;
        while (start < folder.size()) {
            auto end = folder.find('/', start);
            if (end == std::string_view::npos) end = folder.size();
            children_[std::string(folder.substr(0, start ? start - 1 : 0))].insert(std::string(folder.substr(start, end - start)));
            start = end + 1;
        }
    }
    // Wrapper folders: while a folder holds exactly one subfolder, its child is the real root.
    for (auto it = children_.find(wrapper_); it != children_.end() && it->second.size() == 1; it = children_.find(wrapper_))
        wrapper_ = join(wrapper_, *it->second.begin());
    data_known_ = !data_files.empty();
    for (auto file : data_files) data_experiments_.insert(experiment_of(file));
}

std::string ScopeTree::experiment_of(std::string_view path) const {
    std::string_view folder = folder_of(path);
    if (folder == wrapper_ || !within(folder, wrapper_)) return "";
    return join(wrapper_, segment_below(folder, wrapper_));
}

ClaimScope ScopeTree::scope_of(std::string_view claim_file) const {
    ClaimScope s;
    s.run = std::string(folder_of(claim_file));
    s.parent = std::string(folder_of(s.run));
    s.run_shape = name_shape(last_segment(s.run));
    s.experiment = experiment_of(claim_file);
    // A flat folder of documents (no raw data, no subfolders: `notes/`, `docs/`) writes about the
    // whole root. A folder with structure of its own (`expA/run_1/report.md`) stays an experiment
    // even when its data is missing: its claims are then not checkable.
    if (data_known_ && !s.experiment.empty() && !data_experiments_.count(s.experiment)) {
        auto it = children_.find(s.experiment);
        if (it == children_.end() || it->second.empty()) s.experiment.clear();
    }
    return s;
}

ScopeRank scope_rank(const ClaimScope& scope, std::string_view data_file, const ScopeTree& tree) {
    std::string_view folder = folder_of(data_file);
    if (within(folder, scope.run)) return ScopeRank::run;
    std::string experiment = tree.experiment_of(data_file);
    bool same_experiment = scope.experiment.empty() || experiment == scope.experiment;
    if (!same_experiment) return ScopeRank::outside;
    // A sibling of the run folder with the same name pattern, inside the same experiment and
    // strictly below its folder (experiments themselves are never one dataset).
    bool below_experiment = !scope.run.empty() && scope.run != scope.experiment && within(scope.run, scope.experiment);
    if (below_experiment && folder != scope.parent && within(folder, scope.parent) &&
        name_shape(segment_below(folder, scope.parent)) == scope.run_shape)
        return ScopeRank::dataset;
    return ScopeRank::experiment;
}

std::vector<std::string> data_names(std::string_view data_file, const ScopeTree& tree) {
    auto distinctive = [](const std::string& n) { return n.size() >= 3 && !generic(n); };
    std::string name = util::to_lower(last_segment(data_file));
    std::vector<std::string> out = {name};
    auto dot = name.rfind('.');
    if (dot != std::string::npos && dot > 0 && distinctive(name.substr(0, dot))) out.push_back(name.substr(0, dot));
    std::string experiment = util::to_lower(last_segment(tree.experiment_of(data_file)));
    if (distinctive(experiment)) out.push_back(experiment);
    return out;
}

bool names_data(const std::vector<std::string>& tokens, std::string_view data_file, const ScopeTree& tree) {
    for (const auto& name : data_names(data_file, tree))
        if (std::find(tokens.begin(), tokens.end(), name) != tokens.end()) return true;
    return false;
}

}  // namespace analysis::claims_util
