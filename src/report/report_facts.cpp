#include "report/report_facts.hpp"

#include <cmath>

#include "util/strings.hpp"

namespace report {

FactList facts_of_kind(const analysis::Analysis& analysis, analysis::FactKind kind) {
    FactList out;
    for (const auto& f : analysis.facts)
        if (f.kind == kind) out.push_back(&f);
    return out;
}

FactList facts_of_family(const analysis::Analysis& analysis, analysis::FactFamily family) {
    FactList out;
    for (const auto& f : analysis.facts)
        if (analysis::kind_family(f.kind) == family) out.push_back(&f);
    return out;
}

const analysis::FactValue* value_labelled(const analysis::Fact& fact, std::string_view label) {
    for (const auto& v : fact.values)
        if (v.label == label) return &v;
    return nullptr;
}

const analysis::FactValue* value_containing(const analysis::Fact& fact, std::string_view part) {
    for (const auto& v : fact.values)
        if (v.label.find(part) != std::string::npos) return &v;
    return nullptr;
}

std::string fact_ref(const analysis::Fact& fact) { return code("[fact: " + fact.id + "]"); }

std::string fact_refs(const FactList& facts) {
    std::string out;
    for (const auto* f : facts) {
        if (!out.empty()) out += ' ';
        out += fact_ref(*f);
    }
    return out;
}

std::string source_text(const model::Source& s) {
    std::string out = s.file;
    if (s.line > 0) out.append(":").append(std::to_string(s.line));
    if (s.line_end > s.line) out.append("-").append(std::to_string(s.line_end));
    if (!s.json_path.empty()) out.append("#").append(s.json_path);
    return out;
}

std::string sources_text(const std::vector<model::Source>& sources, std::size_t limit) {
    std::string out;
    for (std::size_t i = 0; i < sources.size() && i < limit; ++i) {
        if (i > 0) out += ", ";
        out += code(source_text(sources[i]));
    }
    if (sources.size() > limit) {
        std::string more = "+";
        more += std::to_string(sources.size() - limit);
        more += " more";
        out.append(" ").append(code(more));
    }
    return out;
}

bool fact_on_frame(const analysis::Fact& fact, std::string_view frame_id) {
    auto slash = fact.id.find('/');
    if (slash == std::string::npos) return false;
    std::string_view rest = std::string_view(fact.id).substr(slash + 1);
    return rest == frame_id || (util::starts_with(rest, frame_id) && rest.size() > frame_id.size() && rest[frame_id.size()] == '/');
}

FrameIndex index_frames(const analysis::Analysis& analysis) {
    FrameIndex index;
    for (const auto& f : analysis.frames) index.frames.emplace(f.id, &f);
    for (const auto& fact : analysis.facts) {
        // Frame ids are slugs without '/': the second segment of a fact id, or the rest of it.
        auto slash = fact.id.find('/');
        if (slash == std::string::npos) continue;
        auto end = fact.id.find('/', slash + 1);
        std::string segment = fact.id.substr(slash + 1, end == std::string::npos ? std::string::npos : end - slash - 1);
        index.facts[segment].push_back(&fact);
    }
    return index;
}

std::string compact_statement(const analysis::Fact& fact) {
    const auto& scope = fact.scope;
    if (scope.context_size == 0 || std::size_t{scope.context_at} + scope.context_size > fact.statement.size()) return fact.statement;
    return fact.statement.substr(0, scope.context_at) + fact.statement.substr(scope.context_at + scope.context_size);
}

std::string shown_statement(const ReportInput& in, const analysis::Fact& fact) {
    return in.decorate.statement(fact, compact_statement(fact));
}

std::vector<RankEntry> ranking_entries(const analysis::Fact& ranking) {
    std::vector<RankEntry> out;
    for (const auto& v : ranking.values) {
        auto take = [&](std::string_view suffix) -> std::optional<std::string> {
            if (!util::ends_with(v.label, suffix)) return std::nullopt;
            return v.label.substr(0, v.label.size() - suffix.size());
        };
        if (auto name = take(" median tokens/s")) {
            out.push_back(RankEntry{*name, &v, nullptr, nullptr});
        } else if (auto calls = take(" successful calls"); calls && !out.empty() && out.back().name == *calls) {
            out.back().calls = &v;
        } else if (auto w = take(" token-weighted tokens/s"); w && !out.empty() && out.back().name == *w) {
            out.back().weighted = &v;
        }
    }
    return out;
}

std::string config_code(const analysis::Cell& config) {
    std::string out;
    for (const auto& [dimension, level] : config) out += (out.empty() ? "" : ", ") + code(dimension + "=" + level);
    return out;
}

bool is_throughput_fact(const analysis::Fact& fact) {
    return !fact.values.empty() && fact.values.front().quantity == model::Quantity::throughput;
}

const analysis::Fact* max_by_value(const FactList& facts, std::string_view label) {
    const analysis::Fact* best = nullptr;
    double best_value = -INFINITY;
    for (const auto* f : facts) {
        const auto* v = value_labelled(*f, label);
        if (v && std::isfinite(v->value) && v->value > best_value) {
            best = f;
            best_value = v->value;
        }
    }
    return best;
}

std::string join_words(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? (items.size() > 2 ? ", and " : " and ") : ", ";
        out += items[i];
    }
    return out;
}

}  // namespace report
