#include "report/narrative_pick.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>

#include "report/report_bounds.hpp"
#include "util/strings.hpp"

namespace report {

namespace {

using analysis::FactFamily;
using analysis::FactKind;

/// One row of the key-findings policy: which facts (one kind, or every kind of a family), how
/// many at most, and the least severity that counts (notice: a significant effect or margin).
struct FindingRule {
    std::optional<FactKind> kind;
    std::optional<FactFamily> family;
    std::size_t cap;
    analysis::Severity at_least;
};

constexpr auto kAny = analysis::Severity::info;
constexpr auto kNotice = analysis::Severity::notice;
constexpr auto kWarning = analysis::Severity::warning;

// The order a reader needs: what is fastest, what the folder's own prose gets wrong, what the
// sweeps and comparisons show, what confounds them, and which runs are missing.
constexpr FindingRule kFindingRules[] = {
    {FactKind::ranking_throughput, {}, 1, kAny},        {FactKind::design_best, {}, 2, kAny},
    {FactKind::design_effect, {}, 2, kNotice},          {FactKind::design_failed_requests, {}, 1, kWarning},
    {{}, FactFamily::claim, 5, kWarning},               {{}, FactFamily::derived, 4, kWarning},
    {FactKind::design_disagreement, {}, 1, kWarning},   {FactKind::design_coverage, {}, 1, kWarning},   {FactKind::sweep_range, {}, 4, kAny},
    {FactKind::sweep_noise, {}, 2, kWarning},           {FactKind::cold_start_confounded, {}, 3, kAny},
    {FactKind::cold_start, {}, 2, kAny},                {FactKind::comparison, {}, 4, kAny},
    {FactKind::quality_failed_folder, {}, 3, kAny},     {FactKind::quality_failed_values, {}, 1, kAny},
};

FactList rule_facts(const analysis::Analysis& a, const FindingRule& rule) {
    FactList out = rule.family ? facts_of_family(a, *rule.family) : facts_of_kind(a, *rule.kind);
    std::erase_if(out, [&](const analysis::Fact* f) { return f->severity < rule.at_least; });
    auto by_value = [](std::string_view label) {
        return [label](const analysis::Fact* x, const analysis::Fact* y) {
            const auto* vx = value_labelled(*x, label);
            const auto* vy = value_labelled(*y, label);
            return (vx ? vx->value : -INFINITY) > (vy ? vy->value : -INFINITY);
        };
    };
    if (rule.kind == FactKind::cold_start) std::stable_sort(out.begin(), out.end(), by_value("cold calls"));
    if (rule.kind == FactKind::design_effect) std::stable_sort(out.begin(), out.end(), by_value("spread between levels"));
    if (rule.family)
        std::stable_sort(out.begin(), out.end(), [](const analysis::Fact* x, const analysis::Fact* y) {
            return contradiction_rank(*x) > contradiction_rank(*y);
        });
    if (rule.kind == FactKind::sweep_range)  // throughput sweeps first
        std::stable_partition(out.begin(), out.end(), [](const analysis::Fact* f) { return is_throughput_fact(*f); });
    if (out.size() > rule.cap) out.resize(rule.cap);
    return out;
}

}  // namespace

std::string text_of(const analysis::Fact* fact, std::string_view label) {
    const auto* v = fact ? value_labelled(*fact, label) : nullptr;
    return v ? v->text : "n/a";
}

std::string frame_part(const std::string& id) {
    auto a = id.find('/');
    if (a == std::string::npos) return "";
    auto b = id.find('/', a + 1);
    return id.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
}

const analysis::Fact* pick_ranking(const analysis::Analysis& a) {
    for (const auto* f : facts_of_kind(a, analysis::FactKind::ranking_throughput))
        if (ranking_entries(*f).size() >= 2) return f;
    return nullptr;
}

const analysis::Fact* pick_best_sweep(const analysis::Analysis& a, bool throughput) {
    const analysis::Fact* best = nullptr;
    for (const auto* f : facts_of_kind(a, analysis::FactKind::sweep_range)) {
        if (is_throughput_fact(*f) != throughput || f->values.empty() || !std::isfinite(f->values[0].value)) continue;
        if (f->values[0].quantity != model::Quantity::throughput && f->values[0].quantity != model::Quantity::time) continue;
        double v = f->values[0].value;
        if (!best || (throughput ? v > best->values[0].value : v < best->values[0].value)) best = f;
    }
    return best;
}

const analysis::Fact* pick_cold_start(const analysis::Analysis& a) {
    // Most cold calls first (the pattern, not one outlier), then the largest cold TTFT.
    const analysis::Fact* best = nullptr;
    auto key = [](const analysis::Fact* f) {
        const auto* n = value_labelled(*f, "cold calls");
        const auto* t = value_labelled(*f, "max cold TTFT");
        return std::pair{n ? n->value : 0.0, t && std::isfinite(t->value) ? t->value : 0.0};
    };
    for (const auto* f : facts_of_kind(a, analysis::FactKind::cold_start))
        if (!best || key(f) > key(best)) best = f;
    return best;
}

const analysis::Fact* pick_confounded(const analysis::Analysis& a, const analysis::Fact* cold) {
    auto all = facts_of_kind(a, analysis::FactKind::cold_start_confounded);
    if (all.empty()) return nullptr;
    if (cold)
        for (const auto* f : all)
            if (frame_part(f->id) == frame_part(cold->id)) return f;
    return all.front();
}

std::string confounded_level(const analysis::Fact& f) {
    return f.scope.level.empty() ? "" : f.scope.factor + "=" + f.scope.level;
}

FactList contradictions(const analysis::Analysis& a) {
    FactList out;
    for (const auto& f : a.facts)
        if ((analysis::kind_family(f.kind) == FactFamily::claim || analysis::kind_family(f.kind) == FactFamily::derived) &&
            f.severity == analysis::Severity::warning)
            out.push_back(&f);
    return out;
}

double claim_gap(const analysis::Fact& f) {
    const auto* claimed = value_labelled(f, "claimed");
    const auto* closest = value_containing(f, "closest");
    if (!claimed || !closest || claimed->value <= 0 || closest->value <= 0) return 0;
    return std::fabs(std::log(claimed->value / closest->value));
}

std::tuple<double, double, double> contradiction_rank(const analysis::Fact& f) {
    double disagree = 0, throughput = 0;
    for (const auto& v : f.values) {
        if (!std::isfinite(v.value)) continue;
        if (v.label.find("disagree") != std::string::npos) disagree = std::max(disagree, v.value);
        if (v.quantity == model::Quantity::throughput) throughput = 1;
    }
    return {disagree, claim_gap(f), throughput};
}

const analysis::Fact* biggest_contradiction(const FactList& all) {
    const analysis::Fact* best = nullptr;
    for (const auto* f : all)
        if (!best || contradiction_rank(*f) > contradiction_rank(*best)) best = f;
    return best;
}

std::string contradiction_summary(const ReportInput& in, const analysis::Fact& f) {
    const std::string& s = f.statement;
    const auto* claimed = value_labelled(f, "claimed");
    const auto* closest = value_containing(f, "closest");
    auto claims_at = s.find(" claims ");
    if (claimed && closest && claims_at != std::string::npos)
        return in.decorate(s.substr(0, claims_at)) + " claims " + claimed->text + ", but the closest raw statistic is " + closest->text;
    auto eg = s.find(", e.g.");
    std::string head = eg == std::string::npos ? s : s.substr(0, eg);
    if (!head.empty() && head.back() == '.') head.pop_back();
    return clip(in.decorate.statement(f, head));
}

FactList contradictions_of(const analysis::Analysis& a, analysis::FactFamily family) {
    FactList out;
    for (const auto* f : contradictions(a))
        if (analysis::kind_family(f->kind) == family) out.push_back(f);
    return out;
}

const analysis::Fact* range_of_noise(const analysis::Analysis& a, const analysis::Fact& noise) {
    auto slash = noise.id.find('/');
    return slash == std::string::npos ? nullptr : analysis::find_fact(a, "sweep-range" + noise.id.substr(slash));
}

const analysis::Fact* pick_single_run_noise(const analysis::Analysis& a) {
    const analysis::Fact* first = nullptr;
    for (const auto* f : facts_of_kind(a, analysis::FactKind::sweep_noise)) {
        if (f->severity != analysis::Severity::warning || !value_labelled(*f, "spread")) continue;
        const auto* range = range_of_noise(a, *f);
        if (range && is_throughput_fact(*range)) return f;
        if (!first) first = f;
    }
    return first;
}

namespace {
bool file_like(std::string_view s) {
    return s.find('/') != std::string_view::npos || util::ends_with(s, ".csv") || util::ends_with(s, ".json") ||
           util::ends_with(s, ".jsonl") || util::ends_with(s, ".md");
}
}  // namespace

std::string subject_phrase(std::string_view subject) {
    auto open = subject.rfind(" (");
    if (open != std::string_view::npos && subject.back() == ')') {
        std::string_view head = subject.substr(0, open), note = subject.substr(open + 2, subject.size() - open - 3);
        if (head == note) return subject_phrase(note);
        return code(head) + " (" + (file_like(note) ? code(note) : std::string(note)) + ")";
    }
    return file_like(subject) ? "the model measured in " + code(subject) : code(subject);
}

std::string some_names(const std::vector<std::string>& names, std::size_t limit) {
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < names.size() && i < limit; ++i) shown.push_back(code(names[i]));
    if (names.size() <= limit) return join_words(shown);
    std::string out;
    for (const auto& s : shown) out += s + ", ";
    return out + "and others (see Data Quality)";
}

FactList key_findings(const analysis::Analysis& a) {
    FactList out;
    for (const auto& rule : kFindingRules)
        for (const auto* f : rule_facts(a, rule))
            if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
    return out;
}

}  // namespace report
