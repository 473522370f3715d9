// Facts about the runs of a dataset rather than its cells (docs/design.md "Path against data",
// "Coverage of sweeps", "Cold starts across files"): failed requests, sweeps that stop early,
// cold calls per run, and path factors against the data.
#include "analysis/design_run_facts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <span>

#include "analysis/select.hpp"
#include "util/strings.hpp"

namespace analysis::design_detail {

namespace {

// Names of a run's failed-request and completed-request counts, as benchmark tools write them
// (vLLM and SGLang "failed"/"completed", others "errors", "num_failed", "successful_requests").
constexpr std::string_view kFailedCountNames[] = {"failed", "failed_requests", "num_failed", "errors", "error_count", "num_errors"};
constexpr std::string_view kCompletedCountNames[] = {"completed", "successful_requests", "num_completed", "successful", "completed_requests"};

int count_measure(const Frame& f, std::span<const std::string_view> names) {
    std::string scratch;
    for (std::size_t m = 0; m < f.measures.size(); ++m) {
        const auto q = f.measures[m].quantity;
        if (q != model::Quantity::count && q != model::Quantity::unknown) continue;
        const std::string_view key = measure_key(f.measures[m], scratch);
        if (std::find(names.begin(), names.end(), key) != names.end()) return static_cast<int>(m);
    }
    return -1;
}

}  // namespace

void add_disagreement_facts(const Dataset& ds, std::vector<Fact>& facts) {
    for (const auto& d : ds.disagreements) {
        Fact& fact = facts.emplace_back();
        fact.kind = FactKind::design_disagreement;
        fact.subject = ds.pattern;
        fact.id = "design-disagreement/" + ds.id + "/" + slug(d.factor + "-" + d.field);
        fact.scope.dataset = ds.id;
        fact.scope.factor = d.factor;
        fact.values = {make_count("files compared", static_cast<double>(d.files)), make_count("files that disagree", static_cast<double>(d.disagree))};
        if (d.disagree == 0) {
            fact.statement = "Path factor " + d.factor + " matches the data field " + d.field + " in all " + fact.values[0].text + " files.";
        } else {
            fact.severity = Severity::warning;
            fact.statement = "Path factor " + d.factor + " disagrees with the data field " + d.field + " in " + fact.values[1].text +
                             " of " + fact.values[0].text + " files (e.g. `" + d.example + "`); the data is reported as recorded.";
            fact.sources.push_back(d.example_source);
        }
    }
}

// Cold starts across the files of a dataset (docs/design.md "Cold starts across files"): how many,
// what the numbers say caused them (load time or prompt evaluation dominating TTFT), and whether
// they concentrate on one level of a factor or on one replicate index.
void add_cold_facts(const Frame& f, const Dataset& ds, std::vector<Fact>& facts) {
    std::size_t cold = 0, load_dominated = 0, runs = 0;
    const int ttft = ttft_measure(f), load = load_measure(f);
    std::uint32_t last_file = std::numeric_limits<std::uint32_t>::max();
    for (const auto& row : f.rows) {
        if (row.file != last_file) ++runs;
        last_file = row.file;
        if (!row.cold) continue;
        ++cold;
        if (ttft >= 0 && load >= 0) {
            const double t = f.value(row, static_cast<std::size_t>(ttft)), l = f.value(row, static_cast<std::size_t>(load));
            load_dominated += std::isfinite(t) && std::isfinite(l) && l >= 0.5 * t;
        }
    }
    if (cold == 0) return;
    Fact& fact = facts.emplace_back();
    fact.kind = FactKind::design_cold;
    fact.severity = Severity::notice;
    fact.subject = ds.pattern;
    fact.id = "design-cold/" + ds.id;
    fact.scope.dataset = ds.id;
    fact.values = {make_count("cold calls", static_cast<double>(cold)), make_count("runs", static_cast<double>(runs)),
                   make_count("load-dominated", static_cast<double>(load_dominated))};
    std::string st = "Cold calls in " + ds.pattern + ": " + fact.values[0].text + " across " + fact.values[1].text +
                     " runs, excluded from the warm TTFT statistics; ";
    st += load >= 0 ? fact.values[2].text + " of them spent at least half of their TTFT loading the model."
                    : "no load time is recorded, so the cause (load or prompt evaluation) is not known.";
    // Concentration: every cold call on one level of a dimension that has several.
    for (std::size_t d = 0; d < f.dim_names.size(); ++d) {
        if (f.levels_of(d).size() < 2) continue;
        std::uint32_t code = 0;
        bool one = true;
        for (const auto& row : f.rows) {
            if (!row.cold) continue;
            if (code == 0) code = f.code(row, d);
            one = one && f.code(row, d) == code;
        }
        if (!one || code == 0 || cold < 2) continue;
        st += " All of them fall on `" + f.dim_names[d] + "=" + f.dim_values[d][code] + "`" +
              (f.role_of(d) == DimRole::replicate ? " (a replicate index: the first run pays the load)." : ".");
        break;
    }
    fact.statement = st;
    for (const auto& row : f.rows)
        if (row.cold && fact.sources.size() < 20) add_row_source(fact.sources, f, row);
}


// Runs whose own counts say some requests failed (a run can "succeed" with 102 failed requests
// of 300): how many runs, how many requests, and the worst run.
void add_failed_request_facts(const Frame& f, const Dataset& ds, std::vector<Fact>& facts) {
    const int failed = count_measure(f, kFailedCountNames);
    const int completed = count_measure(f, kCompletedCountNames);
    if (failed < 0 || completed < 0) return;
    std::size_t runs = 0, runs_failing = 0;
    double failed_total = 0, requests_total = 0, worst = 0;
    const FrameRow* worst_row = nullptr;
    for (const auto& row : f.rows) {
        const double nf = f.value(row, static_cast<std::size_t>(failed)), nc = f.value(row, static_cast<std::size_t>(completed));
        if (!std::isfinite(nf) || !std::isfinite(nc)) continue;
        ++runs;
        failed_total += nf;
        requests_total += nf + nc;
        if (nf <= 0) continue;
        ++runs_failing;
        if (nf > worst) {
            worst = nf;
            worst_row = &row;
        }
    }
    if (runs == 0) return;
    Fact& fact = facts.emplace_back();
    fact.kind = FactKind::design_failed_requests;
    fact.subject = ds.pattern;
    fact.id = "design-failed-requests/" + ds.id;
    fact.scope.dataset = ds.id;
    fact.values = {make_count("runs with failed requests", static_cast<double>(runs_failing)), make_count("runs", static_cast<double>(runs)),
                   make_count("failed requests", failed_total), make_count("requests", requests_total)};
    if (runs_failing == 0) {
        fact.statement = "No failed requests in " + ds.pattern + ": all " + fact.values[3].text + " requests of " + fact.values[1].text +
                         " runs completed (`" + f.measures[static_cast<std::size_t>(failed)].name + "` is 0 throughout).";
        return;
    }
    fact.severity = Severity::warning;
    fact.values.push_back(make_count("failed requests in the worst run", worst));
    fact.statement = "Failed requests in " + ds.pattern + ": " + fact.values[0].text + " of " + fact.values[1].text + " runs report failures, " +
                     fact.values[2].text + " of " + fact.values[3].text + " requests in all; the worst run, `" +
                     std::string(f.file_of(*worst_row).str()) + "`, lost " + fact.values[4].text +
                     ". Their latency and throughput figures describe only the requests that completed.";
    fact.sources.push_back(f.source(*worst_row));
    for (const auto& row : f.rows)
        if (&row != worst_row && f.value(row, static_cast<std::size_t>(failed)) > 0 && fact.sources.size() < 10) fact.sources.push_back(f.source(row));
}


// Runs that stop early or hold nothing (docs/design.md "Coverage"): for each numeric factor read
// inside the records (a sweep such as configured_rps), the runs that cover fewer of its levels
// than the dataset does, with the highest level each reached; and the files of the pattern that
// hold no rows of this shape at all.
void add_coverage_facts(const Frame& f, const Dataset& ds, std::vector<Fact>& facts) {
    // Keyed JSON objects ({"2000": null, ...}) leave out null entries: a missing level there is a
    // value not reached, not a run that stopped. Only lists of records and tables are sweeps.
    if (f.locator.ends_with("*")) return;
    for (const auto& factor : ds.factors) {
        if (factor.origin != "record field" || factor.role != layout::FactorRole::setting || factor.levels.size() < 2) continue;
        const int d = f.dim_index(factor.name);
        if (d < 0) continue;
        std::map<std::uint32_t, std::set<std::uint32_t>> levels_of_file;
        for (const auto& row : f.rows)
            if (const auto c = f.code(row, static_cast<std::size_t>(d)); c != 0) levels_of_file[row.file].insert(c);
        // A run stopped early when it covers the first levels of the sweep in order and not the
        // rest, while most runs cover them all; runs that each cover their own subset (unrelated
        // files of one shape) are not a sweep that stopped.
        std::vector<std::uint32_t> rank(f.dim_values[static_cast<std::size_t>(d)].size(), 0);
        for (std::size_t c = 1; c < rank.size(); ++c)
            rank[c] = static_cast<std::uint32_t>(
                std::find(factor.levels.begin(), factor.levels.end(), f.dim_values[static_cast<std::size_t>(d)][c]) - factor.levels.begin());
        std::vector<std::pair<std::uint32_t, std::size_t>> short_runs;  // file, levels reached
        std::size_t complete = 0;
        bool prefixes = true;
        for (const auto& [file, codes] : levels_of_file) {
            if (codes.size() == factor.levels.size()) {
                ++complete;
                continue;
            }
            for (auto c : codes) prefixes = prefixes && rank[c] < codes.size();
            short_runs.emplace_back(file, codes.size());
        }
        if (!prefixes || complete * 2 < levels_of_file.size()) continue;
        if (short_runs.empty() && ds.empty_files.empty()) continue;
        Fact& fact = facts.emplace_back();
        fact.kind = FactKind::design_coverage;
        fact.severity = Severity::warning;
        fact.subject = ds.pattern;
        fact.id = "design-coverage/" + ds.id + "/" + slug(factor.name);
        fact.scope.dataset = ds.id;
        fact.scope.factor = factor.name;
        fact.values = {make_count("runs", static_cast<double>(levels_of_file.size())),
                       make_count("runs that stop early", static_cast<double>(short_runs.size())),
                       make_count(factor.name + " levels", static_cast<double>(factor.levels.size())),
                       make_count("files without rows", static_cast<double>(ds.empty_files.size()))};
        std::string st = "Coverage of the " + factor.name + " sweep in " + ds.pattern + ": " + fact.values[1].text + " of " +
                         fact.values[0].text + " runs stop before covering its " + fact.values[2].text + " levels";
        std::vector<std::string> examples;
        for (std::size_t i = 0; i < short_runs.size() && i < 3; ++i) {
            const auto file = short_runs[i].first;
            const FrameRow* last = nullptr;
            for (const auto& row : f.rows)
                if (row.file == file) last = &row;
            // The highest level the run reached, in natural order (a level is a name: code span).
            std::string highest;
            for (auto c : levels_of_file[file]) {
                const std::string& level = f.dim_values[static_cast<std::size_t>(d)][c];
                if (highest.empty() || layout::natural_less(highest, level)) highest = level;
            }
            fact.values.push_back(make_count("levels reached by " + std::string(f.files[file].str()), static_cast<double>(short_runs[i].second)));
            examples.push_back("`" + std::string(f.files[file].str()) + "` reached " + fact.values.back().text + ", up to `" + highest + "`");
            if (last) fact.sources.push_back(f.source(*last));
        }
        if (!examples.empty()) {
            st += " (";
            for (std::size_t i = 0; i < examples.size(); ++i) st += (i ? "; " : "") + examples[i];
            st += short_runs.size() > examples.size() ? "; …)" : ")";
        }
        if (!ds.empty_files.empty()) {
            st += "; " + fact.values[3].text + " file(s) of the pattern hold no rows at all (e.g. `" + ds.empty_files.front() + "`)";
            fact.sources.push_back(model::Source{model::SharedPath(ds.empty_files.front()), 0, {}, 0});
        }
        fact.statement = st + ". Effects of " + factor.name + " rest on the runs that reached each level.";
    }
}

}  // namespace analysis::design_detail
