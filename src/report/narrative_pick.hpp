#pragma once
// Which facts the narrator talks about: the choices behind the executive summary, key findings,
// recommendations and conclusion, kept in one place so every section picks the same facts.
// Internal to src/report; every function is pure and returns nullptr / empty when nothing fits.
#include <string>
#include <tuple>

#include "report/report_facts.hpp"

namespace report {

/// The labelled value's text ("88.38 tok/s"), or "n/a" when the fact or value is absent.
std::string text_of(const analysis::Fact* fact, std::string_view label);

/// The throughput ranking when it ranks at least two entries.
const analysis::Fact* pick_ranking(const analysis::Analysis& analysis);
/// The sweep.range fact with the best value: highest tok/s (`throughput`) or lowest time.
const analysis::Fact* pick_best_sweep(const analysis::Analysis& analysis, bool throughput);
/// The cold_start fact with the most cold calls (ties: the largest cold TTFT).
const analysis::Fact* pick_cold_start(const analysis::Analysis& analysis);
/// A cold_start.confounded fact, preferring one on the same frame as `cold` (may be null).
const analysis::Fact* pick_confounded(const analysis::Analysis& analysis, const analysis::Fact* cold);
/// The `name=value` level a confounded fact names ("temperature=0.2"), from its scope, or "".
std::string confounded_level(const analysis::Fact& confounded);
/// Claim and derived-check facts of warning severity: prose or digests the raw data contradicts.
FactList contradictions(const analysis::Analysis& analysis);
/// How bad a contradiction is, for ordering: disagreeing digest values, then the gap between a
/// claimed value and the closest raw statistic, then throughput before other quantities.
std::tuple<double, double, double> contradiction_rank(const analysis::Fact& contradiction);
/// The contradiction with the highest contradiction_rank(); nullptr for an empty list.
const analysis::Fact* biggest_contradiction(const FactList& contradictions);
/// |ln(claimed / closest raw statistic)| of a claim fact; 0 when either value is missing.
double claim_gap(const analysis::Fact& claim);
/// Contradictions of one family (FactFamily::claim or FactFamily::derived).
FactList contradictions_of(const analysis::Analysis& analysis, analysis::FactFamily family);
/// One short clause for a contradiction: "`file:26` claims 0.165 s, but the closest raw
/// statistic is 136.1 ms", or a digest statement cut before its example.
std::string contradiction_summary(const ReportInput& in, const analysis::Fact& contradiction);
/// A warning sweep.noise fact (one run per configuration), a throughput sweep's first.
const analysis::Fact* pick_single_run_noise(const analysis::Analysis& analysis);
/// The sweep.range fact a sweep.noise fact belongs to.
const analysis::Fact* range_of_noise(const analysis::Analysis& analysis, const analysis::Fact& noise);
/// The frame id inside a fact id ("cold-start/<frame>/..." -> "<frame>").
std::string frame_part(const std::string& fact_id);

/// A subject in prose: a model tag as "`tag`", a file label as "the model measured in `file`",
/// a sweep subject "`model` (`file`)" with the file named once when both are the same.
std::string subject_phrase(std::string_view subject);
/// Code-formatted names, at most `limit`, then "and others (see Data Quality)".
std::string some_names(const std::vector<std::string>& names, std::size_t limit);

/// Key findings: facts chosen by kind in a fixed priority order, each kind capped.
FactList key_findings(const analysis::Analysis& analysis);

}  // namespace report
