// "## 3. Performance Analysis": per raw frame, a table of its summary facts and the frame's other
// statements. Cells hold FactValue numbers; the unit sits in its own column.
#include <algorithm>
#include <map>

#include "report/report_sections.hpp"
#include "report/table.hpp"

namespace report {

namespace {

constexpr std::size_t kContextShown = 6;

// Statement kinds shown under a frame's table, in this order; other kinds follow.
constexpr std::string_view kFrameKinds[] = {"summary.weighted_throughput", "comparison", "sweep.range", "sweep.noise",
                                            "sweep.effect", "cold_start", "cold_start.confounded"};

struct SummaryRow {
    const analysis::Fact* fact = nullptr;
    std::string measure;  ///< "ttft_s (warm)"
    std::string group;    ///< "model=gemma3:latest" or ""
};

// The measure a summary statement describes: "<subject>, [warm ]<measure>: n=...".
SummaryRow summary_row(const analysis::Frame& f, const analysis::Fact& fact) {
    SummaryRow row{&fact, "", ""};
    if (fact.subject.size() > f.label.size() + 1) row.group = fact.subject.substr(f.label.size() + 1);
    std::size_t best = 0;
    for (const auto& m : f.measures) {
        for (bool warm : {false, true}) {
            std::string needle = std::string(", ") + (warm ? "warm " : "") + m.name + ": n=";
            if (m.name.size() > best && fact.statement.find(needle) != std::string::npos) {
                best = m.name.size();
                row.measure = m.name + (warm ? " (warm)" : "");
            }
        }
    }
    if (row.measure.empty()) row.measure = fact.id.substr(fact.id.rfind('/') + 1);
    return row;
}

std::string cell(const analysis::FactValue* v, const std::string& unit) {
    if (!v) return "";
    return v->unit() == unit || v->unit().empty() ? std::string(v->number())
                                                  : std::string(v->number()) + " " + std::string(v->unit());
}

// Notes under the table: each distinct warning once, with the rows it applies to.
void add_notes(TextTable& t, const std::vector<SummaryRow>& rows) {
    std::map<std::string, std::vector<std::string>> by_warning;
    std::vector<std::string> order;
    for (const auto& r : rows)
        for (const auto& w : r.fact->warnings) {
            auto [it, inserted] = by_warning.try_emplace(w);
            if (inserted) order.push_back(w);
            it->second.push_back(code(r.measure + (r.group.empty() ? "" : " " + r.group)));
        }
    for (const auto& w : order) {
        const auto& which = by_warning[w];
        std::string where = which.size() == rows.size() ? "every row" : join_words(which);
        t.footnotes.push_back("note: " + w + " (" + where + ")");
    }
}

std::string summary_table(const analysis::Frame& f, const std::vector<const analysis::Fact*>& facts) {
    std::vector<SummaryRow> rows;
    for (const auto* fact : facts) rows.push_back(summary_row(f, *fact));
    TextTable t{{"measure", "group", "unit", "n", "mean", "sd", "median", "p95", "min", "max"},
                {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right, Align::right,
                 Align::right, Align::right, Align::right},
                {},
                {}};
    bool any_group = false;
    for (const auto& r : rows) {
        const auto& fact = *r.fact;
        const auto* median = value_labelled(fact, "median");
        std::string unit = median ? std::string(median->unit()) : "";
        std::vector<std::string> line{code(r.measure), r.group.empty() ? "" : code(r.group), unit};
        for (const char* label : {"n", "mean", "sd", "median", "p95", "min", "max"}) line.push_back(cell(value_labelled(fact, label), unit));
        any_group = any_group || !r.group.empty();
        t.rows.push_back(std::move(line));
    }
    if (!any_group) {  // drop the empty group column
        t.header.erase(t.header.begin() + 1);
        t.align.erase(t.align.begin() + 1);
        for (auto& line : t.rows) line.erase(line.begin() + 1);
    }
    add_notes(t, rows);
    return render_markdown(t);
}

std::string frame_bullets(const ReportInput& in, const std::vector<const analysis::Fact*>& facts) {
    std::vector<const analysis::Fact*> ordered;
    for (auto kind : kFrameKinds)
        for (const auto* fact : facts)
            if (fact->kind == kind) ordered.push_back(fact);
    for (const auto* fact : facts)
        if (std::find(ordered.begin(), ordered.end(), fact) == ordered.end()) ordered.push_back(fact);
    std::string out;
    for (const auto* fact : ordered) {
        out += "- " + shown_statement(in, *fact) + " " + fact_ref(*fact) + "\n";
        for (const auto& w : fact->warnings) out += "  - note: " + w + "\n";
    }
    return out;
}

std::string frame_section(const ReportInput& in, const analysis::Frame& f) {
    std::vector<const analysis::Fact*> summaries, others;
    if (auto it = in.index.facts.find(f.id); it != in.index.facts.end())
        for (const auto* fact : it->second) (fact->kind == "summary" ? summaries : others).push_back(fact);
    if (summaries.empty() && others.empty()) return "";
    std::string out = "### " + code(f.label) + "\n\n";
    if (!f.context.empty()) {
        std::vector<std::string> pairs;
        for (std::size_t i = 0; i < f.context.size() && i < kContextShown; ++i)
            pairs.push_back(code(f.context[i].first + "=" + f.context[i].second));
        out += "Constant over this table: " + join_words(pairs) +
               (f.context.size() > kContextShown ? " (the rest in `report.json`)" : "") + ".\n\n";
    }
    if (!summaries.empty()) out += summary_table(f, summaries) + "\n";
    if (!others.empty()) out += frame_bullets(in, others) + "\n";
    return out;
}

}  // namespace

std::string render_performance(const ReportInput& in) {
    std::string out = "## 3. Performance Analysis\n\n";
    out += "Statistics per raw table, computed from successful rows only (failed rows are excluded, see Data Quality). "
           "Percentiles use linear interpolation between order statistics (numpy's default); `sd` is the sample "
           "standard deviation. TTFT statistics exclude cold starts and model reloads (marked `(warm)`). Aggregate "
           "tables and tables inside Markdown documents are not summarised here: they are claims, checked against "
           "the raw data under Data Quality.\n\n";
    for (const auto* r : facts_of_kind(in.analysis, "ranking.throughput"))
        out += "**Folder-wide ranking.** " + in.decorate.statement(*r) + " " + fact_ref(*r) + "\n\n";
    std::string frames;
    for (const auto& f : in.analysis.frames)
        if (!f.derived) frames += frame_section(in, f);
    out += frames.empty() ? "No raw measurements were found.\n\n" : frames;
    return out;
}

}  // namespace report
