// "## 3. Performance Analysis": the design subsection, then one overview table of the most
// important raw frames (report_bounds.hpp caps it), a detail subsection for the first few, and a
// count of the rest. Cells hold FactValue numbers; the unit sits in its own column.
#include <algorithm>
#include <map>
#include <tuple>

#include "report/report_bounds.hpp"
#include "report/report_sections.hpp"
#include "report/table.hpp"

namespace report {

namespace {

constexpr std::size_t kContextShown = 6;

/// What makes a frame worth reading first, by the kinds of its facts (docs/report-schema.md).
struct Signal {
    analysis::FactFamily family;
    std::string_view shown;  ///< as the overview table names it
};
constexpr Signal kSignals[] = {{analysis::FactFamily::sweep, "sweep"},
                               {analysis::FactFamily::comparison, "comparison"},
                               {analysis::FactFamily::cold_start, "cold starts"}};

// Statement kinds shown under a frame's table, in this order; other kinds follow.
constexpr analysis::FactKind kFrameKinds[] = {
    analysis::FactKind::summary_weighted_throughput, analysis::FactKind::comparison, analysis::FactKind::sweep_range,
    analysis::FactKind::sweep_noise, analysis::FactKind::sweep_effect, analysis::FactKind::cold_start,
    analysis::FactKind::cold_start_confounded};

struct SummaryRow {
    const analysis::Fact* fact = nullptr;
    std::string measure;  ///< "ttft_s (warm)"
    std::string group;    ///< "model=gemma3:latest" or ""
};

// The measure and group of a summary, from its scope.
SummaryRow summary_row(const analysis::Fact& fact) {
    const auto& scope = fact.scope;
    return SummaryRow{&fact, scope.metric + (scope.warm ? " (warm)" : ""), analysis::cell_text(scope.cell)};
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

std::string summary_table(const std::vector<const analysis::Fact*>& facts) {
    std::vector<SummaryRow> rows;
    for (const auto* fact : facts) rows.push_back(summary_row(*fact));
    TextTable t{{"measure", "group", "unit", "n", "mean", "sd", "median", "p95", "min", "max"},
                {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right, Align::right,
                 Align::right, Align::right, Align::right},
                {},
                {}};
    bool any_group = false;
    if (rows.size() > kLimits.measures_per_frame) rows.resize(kLimits.measures_per_frame);
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
    std::string more = more_in_json(facts.size() - rows.size(), "summaries of this table");
    return render_markdown(t) + (more.empty() ? "" : "\n" + more + "\n");
}

std::string frame_bullets(const ReportInput& in, const std::vector<const analysis::Fact*>& facts) {
    std::vector<const analysis::Fact*> ordered;
    for (auto kind : kFrameKinds)
        for (const auto* fact : facts)
            if (fact->kind == kind) ordered.push_back(fact);
    for (const auto* fact : facts)
        if (std::find(ordered.begin(), ordered.end(), fact) == ordered.end()) ordered.push_back(fact);
    std::string out;
    std::size_t shown = std::min(ordered.size(), kLimits.statements_per_frame);
    for (std::size_t i = 0; i < shown; ++i) {
        out += "- " + clip(shown_statement(in, *ordered[i])) + " " + fact_ref(*ordered[i]) + "\n";
        for (const auto& w : ordered[i]->warnings) out += "  - note: " + w + "\n";
    }
    if (std::string more = more_in_json(ordered.size() - shown, "statements about this table"); !more.empty())
        out += "- " + more + "\n";
    return out;
}

/// A raw frame with its facts and how much it matters to a reader.
struct RankedFrame {
    const analysis::Frame* frame = nullptr;
    FactList summaries, others;
    std::vector<std::string> shows;  ///< signals present, in kSignals order, then "failed rows"
    std::size_t rows = 0;
};

RankedFrame ranked_frame(const ReportInput& in, const analysis::Frame& f) {
    RankedFrame r{&f, {}, {}, {}, f.rows.size()};
    if (auto it = in.index.facts.find(f.id); it != in.index.facts.end())
        for (const auto* fact : it->second) (fact->kind == analysis::FactKind::summary ? r.summaries : r.others).push_back(fact);
    for (const auto& signal : kSignals)
        if (std::any_of(r.others.begin(), r.others.end(), [&](const auto* x) { return analysis::kind_family(x->kind) == signal.family; }))
            r.shows.emplace_back(signal.shown);
    if (std::any_of(f.rows.begin(), f.rows.end(), [](const auto& row) { return row.failed; })) r.shows.emplace_back("failed rows");
    return r;
}

// The frame's first throughput summary, or nullptr.
const analysis::Fact* throughput_summary(const RankedFrame& r) {
    for (const auto* f : r.summaries)
        if (const auto* m = value_labelled(*f, "median"); m && m->quantity == model::Quantity::throughput) return f;
    return nullptr;
}

// The summary a frame's overview row quotes: its first throughput summary, else its first.
const analysis::Fact* headline(const RankedFrame& r) {
    if (const auto* f = throughput_summary(r)) return f;
    return r.summaries.empty() ? nullptr : r.summaries.front();
}

// Raw frames with facts, most important first: more signals (sweep, comparison, cold starts,
// failures), then frames that measure throughput (before telemetry and the like), then more rows,
// then analysis order.
std::vector<RankedFrame> ranked_frames(const ReportInput& in) {
    std::vector<RankedFrame> out;
    for (const auto& f : in.analysis.frames)
        if (!f.derived)
            if (auto r = ranked_frame(in, f); !r.summaries.empty() || !r.others.empty()) out.push_back(std::move(r));
    auto key = [](const RankedFrame& r) { return std::tuple{r.shows.size(), throughput_summary(r) != nullptr, r.rows}; };
    std::stable_sort(out.begin(), out.end(), [&](const RankedFrame& a, const RankedFrame& b) { return key(a) > key(b); });
    return out;
}

std::string overview_table(const std::vector<RankedFrame>& frames, std::size_t shown) {
    TextTable t{{"table", "shows", "headline measure", "n", "median", "p95", "fact"},
                {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right},
                {},
                {}};
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& r = frames[i];
        const auto* h = headline(r);
        std::string shows = r.shows.empty() ? "statistics" : join_words(r.shows);
        if (!h) {
            t.rows.push_back({code(r.frame->label), shows, "", "", "", "", fact_ref(*r.others.front())});
            continue;
        }
        auto row = summary_row(*h);
        std::string measure = code(row.measure) + (row.group.empty() ? "" : " " + code(row.group));
        auto text = [&](const char* label) {
            const auto* v = value_labelled(*h, label);
            return v ? v->text : std::string();
        };
        t.rows.push_back({code(r.frame->label), shows, measure, text("n"), text("median"), text("p95"), fact_ref(*h)});
    }
    return render_markdown(t);
}

std::string frame_section(const ReportInput& in, const RankedFrame& r) {
    const auto& f = *r.frame;
    std::string out = "### " + code(f.label) + "\n\n";
    if (!f.context.empty()) {
        std::vector<std::string> pairs;
        for (std::size_t i = 0; i < f.context.size() && i < kContextShown; ++i)
            pairs.push_back(code(f.context[i].first + "=" + f.context[i].second));
        out += "Constant over this table: " + join_words(pairs) +
               (f.context.size() > kContextShown ? " (the rest in `report.json`)" : "") + ".\n\n";
    }
    if (!r.summaries.empty()) out += summary_table(r.summaries) + "\n";
    if (!r.others.empty()) out += frame_bullets(in, r.others) + "\n";
    return out;
}

}  // namespace

std::string render_performance(const ReportInput& in) {
    std::string out = "## 3. Performance Analysis\n\n";
    const std::string design = render_design(in);
    out += design;
    out += "Statistics per raw table, computed from successful rows only (failed rows are excluded, see Data Quality). "
           "Percentiles use linear interpolation between order statistics (numpy's default); `sd` is the sample "
           "standard deviation. TTFT statistics exclude cold starts and model reloads (marked `(warm)`). Aggregate "
           "tables and tables inside Markdown documents are not summarised here: they are claims, checked against "
           "the raw data under Data Quality.\n\n";
    for (const auto* r : facts_of_kind(in.analysis, analysis::FactKind::ranking_throughput))
        out += "**Folder-wide ranking.** " + clip(in.decorate.statement(*r), kLimits.long_statement_chars) + " " +
               fact_ref(*r) + "\n\n";
    auto frames = ranked_frames(in);
    if (frames.empty()) return out + (design.empty() ? "No raw measurements were found.\n\n" : "");
    std::size_t shown = std::min(frames.size(), kLimits.frames_in_table);
    out += "The most important raw tables first (sweeps, comparisons, cold starts and failures, then the most rows); "
           "`shows` names what the table's facts cover and the headline is its first throughput summary.\n\n";
    out += overview_table(frames, shown) + "\n";
    if (std::string more = more_in_json(frames.size() - shown, "raw tables with statistics"); !more.empty())
        out += more + "\n\n";
    // With datasets shown above, the per-table details repeat what their cells say: fewer of them.
    const std::size_t detailed = design.empty() ? kLimits.frames_detailed : kLimits.frames_detailed_with_datasets;
    for (std::size_t i = 0; i < std::min(frames.size(), detailed); ++i) out += frame_section(in, frames[i]);
    return out;
}

}  // namespace report
