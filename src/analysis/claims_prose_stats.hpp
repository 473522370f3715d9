#pragma once
// Internal to the prose claim checker (claims_prose.cpp): how a claim is written (its printed
// digits, bounds, statistic words) and the raw statistics it may be compared with.
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/claims_subject.hpp"
#include "analysis/fact.hpp"
#include "analysis/frame.hpp"
#include "model/corpus.hpp"

namespace analysis::claims_util {

/// Statistic families a claim's words allow (bit set).
/// kOther: a statistic the raw summaries do not compute (p99, p90, standard deviation): such a
/// claim has nothing like it to be compared with.
enum Statistic : unsigned { kMean = 1, kMedian = 2, kMin = 4, kMax = 8, kP95 = 16, kAllStatistics = 31, kOther = 32 };

/// Which raw measure a claim speaks of.
enum MeasureKind : int { kNoMeasure = -1, kThroughput = 0, kTtft = 1, kLoad = 2, kLatency = 3 };

/// Tolerance: a claim agrees with a raw statistic R when |claim − R| ≤ max(half a unit of the
/// claim's last printed digit, kExactRelative × |R|), or kApproxRelative × |R| when the text marks
/// the number as approximate ("~102.3", "about 0.1 s"). The printed digits carry the precision the
/// author claimed; the small relative floor absorbs float formatting and rounding of rounding.
inline constexpr double kExactRelative = 0.0005;
inline constexpr double kApproxRelative = 0.01;

/// How a claim is written.
struct ClaimShape {
    double canonical = 0;             ///< the claimed value in the canonical unit
    std::string printed;              ///< the number as printed ("0.128"), "" when not found in the text
    double half_unit_canonical = 0;   ///< half a unit of the last printed digit, canonical unit
    double relative_tolerance = kExactRelative;
    bool not_a_level = false;         ///< a bound (<, under, up to), a range (2.3-2.6) or a difference (+12 ms)
    bool names_statistic = false;     ///< the text says mean, median, peak, lowest, p95, ...
    /// The one statistic the claim is compared with (like with like): the statistic word nearest
    /// the number, or kMean when the text names none. Never a set to pick the nearest from.
    unsigned statistics = kMean;
    bool weighted = false;            ///< "weighted" mean: the token-weighted rate, not the mean of rates
    bool best = false;                ///< text or heading says best / top / fastest / optimal
    bool worst = false;               ///< text or heading says worst / slowest
};

/// Reads the claim's number back from its text (the occurrence closest to Claim::value) and the
/// words around it.
ClaimShape shape_of(const model::Claim& claim);

/// Throughput claims speak of tokens/s; time claims of TTFT ("TTFT", "first token"), load time
/// ("load") or latency ("latency", "generation time", "response time"), read from the text, else
/// the heading. Anything else (durations of a test, ...) is kNoMeasure.
int measure_kind(const model::Claim& claim);

/// The frame's raw measure of that kind; -1 when absent or when it is an aggregate (mean_...).
int measure_of(const Frame& frame, int kind);

/// Successful calls of the group with a finite value of the kind's measure.
std::size_t successful_calls(const Frame& frame, const SubjectGroup& group, int kind);
inline bool group_has_data(const Frame& frame, const SubjectGroup& group, int kind) {
    return successful_calls(frame, group, kind) > 0;
}

/// A raw statistic a claim may mean.
struct Candidate {
    std::string label;       ///< "mean", "warm median", "best configuration (`num_gpu=60`) mean", ...
    double value = 0;        ///< canonical unit
    std::size_t group = 0;   ///< index of the group it was computed from
    bool headline = false;   ///< shown when the claim is contradicted
};

/// The claim's one statistic (ClaimShape::statistics) over successful calls, and over warm calls
/// when cold starts exist (the same statistic without reloads); the token-weighted rate instead
/// when a throughput claim says "weighted"; when the words say best / worst / fastest, only the
/// best / worst configuration mean of a sweep (the group's own statistic when it is no sweep).
std::vector<Candidate> candidates_for(const Frame& frame, const SubjectGroup& group, int kind, const ClaimShape& shape,
                                      std::size_t group_index);

/// Whether `value` lies within [min − tolerance, max + tolerance] of the group's successful calls.
bool within_range(const Frame& frame, const SubjectGroup& group, int kind, double value, double tolerance);

/// The claimed number as written ("0.128 s", "102.85 tokens/s"), canonical value attached.
FactValue claim_value(const model::Claim& claim, const ClaimShape& shape);

}  // namespace analysis::claims_util
