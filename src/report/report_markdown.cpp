// report.md: the document frame (header, section order, workflow summary, appendix) and the data
// ingestion section. The prose sections come from a Narrator (narrator.hpp; the offline one lives in
// narrative*.cpp), the tables from report_*.cpp.
#include <cctype>
#include <cmath>
#include <cstdio>

#include "analysis/inventory.hpp"
#include "report/narrator.hpp"
#include "report/report_bounds.hpp"
#include "report/report_context.hpp"
#include "report/report_sections.hpp"
#include "report/table.hpp"
#include "util/parallel.hpp"

namespace report {

namespace {

std::string header(const ReportContext& c) {
    std::string out = "# " + c.title + "\n\n";
    out += "**Date:** " + c.date + "\n";
    out += "**Agent Type:** " + c.agent_type + "\n";
    out += "**Model:** " + c.model + "\n";
    out += "**Configuration:** " + c.configuration + "\n";
    if (!c.input_root.empty()) out += "**Input:** " + code(c.input_root) + "\n";
    return out + "\n---\n\n";
}

std::string seconds(double s) {
    if (!std::isfinite(s)) return "n/a";  // a stage not measured (yet)
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f s", s);
    return buffer;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// Rows of a fact's values as "item | value" with the fact cited once per row.
void add_value_rows(TextTable& t, const analysis::Fact* f) {
    if (!f) return;
    for (const auto& v : f->values) t.rows.push_back({v.label, v.text, fact_ref(*f)});
}

// The workflow's data summary: per kind, the first few paths (kLimits.data_summary_paths), the rest counted, latest mtime.
std::string data_summary(const ReportInput& in, const std::string& total) {
    auto inv = analysis::summarize_inventory(in.corpus);
    std::string out = "```text\nTotal files analyzed: " + total + "\n";
    for (const auto& k : inv.by_kind) {
        if (!k.files) continue;
        out += '\n';
        out += upper(model::file_kind_name(k.kind)) + " Files (" + std::to_string(k.files) + ")\n";
        std::size_t shown = 0;
        for (const auto& f : in.corpus.files) {
            if (f.kind != k.kind || shown == kLimits.data_summary_paths) continue;
            out += "  - " + f.path + "\n";
            ++shown;
        }
        if (k.files > shown) out += "  ... and " + std::to_string(k.files - shown) + " more\n";
        out += "  Latest modified: " + analysis::format_utc(k.latest_mtime_s) + "\n";
    }
    return out + "```\n";
}

}  // namespace

std::string render_ingestion(const ReportInput& in) {
    std::string out = "## 2. Data Ingestion Summary\n\n";
    const auto* files = analysis::find_fact(in.analysis, "inventory/files");
    const auto* records = analysis::find_fact(in.analysis, "inventory/records");
    if (files) out += in.decorate.statement(*files) + " " + fact_ref(*files) + "\n\n";
    auto inv = analysis::summarize_inventory(in.corpus);
    TextTable kinds{{"kind", "files", "parsed", "latest modified", "latest file", "fact"},
                    {Align::left, Align::right, Align::right}, {}, {}};
    for (const auto* f : facts_of_kind(in.analysis, analysis::FactKind::inventory_kind)) {
        const auto* n = value_labelled(*f, f->subject + " files");
        const auto* parsed = value_labelled(*f, f->subject + " parsed");
        std::string when, path;
        for (const auto& k : inv.by_kind)
            if (model::file_kind_name(k.kind) == f->subject && k.files) {
                when = code(analysis::format_utc(k.latest_mtime_s));
                path = code(k.latest_path);
            }
        kinds.rows.push_back({f->subject, n ? std::string(n->number()) : "", parsed ? std::string(parsed->number()) : "", when, path, fact_ref(*f)});
    }
    if (!kinds.rows.empty()) out += render_markdown(kinds) + "\n";
    TextTable counts{{"item", "value", "fact"}, {Align::left, Align::right}, {}, {}};
    add_value_rows(counts, files);
    add_value_rows(counts, records);
    if (!counts.rows.empty()) out += render_markdown(counts) + "\n";
    if (records) out += in.decorate.statement(*records) + " " + fact_ref(*records) + "\n\n";
    if (!files && !records) out += "No inventory facts were computed.\n\n";
    out += "Skipped, failed and duplicate files are counted, with the worst examples, under Data Quality.\n\n";
    return out;
}

std::string render_workflow(const ReportInput& in) {
    const auto* files = analysis::find_fact(in.analysis, "inventory/files");
    const auto* n = files ? value_labelled(*files, "files") : nullptr;
    std::string total = n ? std::string(n->number()) : "unknown";
    const auto& c = in.context;
    std::string out = "## Workflow Summary\n\n";
    out += "- Files analysed: " + total + "\n";
    double total_s = 0;
    for (double stage_s : {c.ingest_s, c.analysis_s, c.report_s})
        if (std::isfinite(stage_s)) total_s += stage_s;
    out += "- Execution time: " + seconds(total_s) + " (ingest " + seconds(c.ingest_s) +
           " | analysis " + seconds(c.analysis_s) + " | report " + seconds(c.report_s) + ")\n";
    if (!c.tool_version.empty()) out += "- Tool: " + code("chimera-insight " + c.tool_version) + "\n";
    out += "- Narrator: " + (c.model == "none" ? std::string("offline templates (no LLM)") : code(c.model)) + "\n";
    out += "- Data summary:\n\n" + data_summary(in, total) + "\n";
    return out;
}

std::string render_appendix(const ReportInput& in) {
    std::string out = "## Appendix: Facts\n\n";
    out += "Every fact the analysis computed, in analysis order. Sources read `file:line` (CSV or Markdown line) or "
           "`file#json_path`; notes are the statistical caveats attached to a fact.\n\n";
    // Each half of the facts renders on its own thread (the decorator is immutable), in order.
    std::string halves[2];
    const auto& facts = in.analysis.facts;
    util::for_halves(facts.size(), 2048, [&](std::size_t from, std::size_t to) {
        std::string& part = halves[from == 0 ? 0 : 1];
        for (std::size_t i = from; i < to; ++i) {
            const auto& f = facts[i];
            part += "- " + code(f.id) + " (" + std::string(analysis::kind_name(f.kind)) + ", " + std::string(analysis::severity_name(f.severity)) +
                    "): " + in.decorate.statement(f) + "\n";
            if (!f.sources.empty()) part += "  - sources: " + sources_text(f.sources) + "\n";
            for (const auto& w : f.warnings) part += "  - note: " + w + "\n";
        }
    });
    out += halves[0];
    out += halves[1];
    if (in.analysis.facts.empty()) out += "No facts.\n";
    return out;
}

std::string render_report_markdown(const analysis::Analysis& analysis, const model::Corpus& corpus,
                                   const ReportContext& context) {
    return render_report_markdown(analysis, corpus, context, offline_narrator());
}

std::string render_report_markdown(const analysis::Analysis& analysis, const model::Corpus& corpus,
                                   const ReportContext& context, const Narrator& narrator) {
    Decorator decorate(analysis, corpus);
    const FrameIndex index = index_frames(analysis);
    ReportInput in{analysis, corpus, context, decorate, index};
    const Narrative prose = narrator.narrate(make_brief(analysis, kLimits.brief_facts), in);
    std::string out = header(context);
    out += prose.executive_summary;
    out += render_ingestion(in);
    out += render_performance(in);
    out += prose.key_findings;
    out += prose.recommendations;
    out += render_data_quality(in);
    out += prose.conclusion;
    out += render_workflow(in);
    out = fit_markdown(std::move(out));  // the final guard; by design it never has to cut
    if (context.appendix) out += render_appendix(in);
    return out;
}

}  // namespace report
