// report.json (docs/report-schema.md): the same facts and frames as report.md, as data.
#include <cmath>
#include <ostream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "analysis/inventory.hpp"
#include "report/inventory_report.hpp"
#include "report/json_lines.hpp"
#include "report/json_writer.hpp"
#include "report/report_context.hpp"

namespace report {

namespace {

using Json = nlohmann::ordered_json;

void write_source(JsonWriter& w, const model::Source& s) {
    w.begin_object().key("file").value(s.file);
    if (s.line > 0) w.key("line").value(s.line);
    if (s.line_end > s.line) w.key("line_end").value(s.line_end);
    if (!s.json_path.empty()) w.key("json_path").value(s.json_path);
    w.end_object();
}

std::string fact_json(const analysis::Fact& f) {
    std::string out;
    out.reserve(512 + f.statement.size() + 96 * f.values.size() + 48 * f.sources.size());
    JsonWriter w(out);
    w.begin_object();
    w.key("id").value(f.id).key("kind").value(analysis::kind_name(f.kind)).key("severity").value(analysis::severity_name(f.severity));
    w.key("subject").value(f.subject).key("statement").value(f.statement);
    w.key("values").begin_array();
    for (const auto& v : f.values)
        w.begin_object()
            .key("label").value(v.label)
            .key("value").value(v.value)
            .key("quantity").value(model::quantity_name(v.quantity))
            .key("text").value(v.text)
            .end_object();
    w.end_array().key("sources").begin_array();
    for (const auto& s : f.sources) write_source(w, s);
    w.end_array().key("warnings").value(f.warnings).end_object();
    return out;
}

std::string frame_json(const analysis::Frame& f) {
    std::string out;
    JsonWriter w(out);
    w.begin_object().key("id").value(f.id).key("label").value(f.label).key("file").value(f.file);
    w.key("locator").value(f.locator).key("derived").value(f.derived).key("dims").value(f.dim_names);
    w.key("measures").begin_array();
    for (const auto& m : f.measures)
        w.begin_object()
            .key("name").value(m.name)
            .key("quantity").value(model::quantity_name(m.quantity))
            .key("original_unit").value(m.original_unit)
            .end_object();
    w.end_array();
    long long failed = 0, cold = 0;
    for (const auto& r : f.rows) {
        failed += r.failed;
        cold += r.cold;
    }
    w.key("rows").value(static_cast<long long>(f.rows.size())).key("failed_rows").value(failed).key("cold_rows").value(cold);
    w.end_object();
    return out;
}

}  // namespace

void write_report_json(std::ostream& out, const analysis::Analysis& analysis, const model::Corpus& corpus,
                       const ReportContext& context) {
    Json doc;
    doc["schema"] = "chimera-insight/report";
    doc["schema_version"] = kReportSchemaVersion;
    doc["tool"] = {{"name", "chimera-insight"}, {"version", context.tool_version}};
    doc["context"] = {{"date", context.date},
                      {"model", context.model},
                      {"configuration", context.configuration},
                      {"input_root", context.input_root}};
    doc["timings_s"] = {{"ingest", number_or_null(context.ingest_s)},
                        {"analysis", number_or_null(context.analysis_s)},
                        {"report", number_or_null(context.report_s)}};
    doc["inventory"] = inventory_summary_json(analysis::summarize_inventory(corpus));
    out << open_document(doc) << ",\n  \"facts\": ";
    write_json_lines_array(out, analysis.facts.size(), [&](std::size_t i) { return fact_json(analysis.facts[i]); });
    out << ",\n  \"frames\": ";
    write_json_lines_array(out, analysis.frames.size(), [&](std::size_t i) { return frame_json(analysis.frames[i]); });
    out << "\n}\n";
}

std::string render_report_json(const analysis::Analysis& analysis, const model::Corpus& corpus, const ReportContext& context) {
    std::ostringstream out;
    write_report_json(out, analysis, corpus, context);
    return std::move(out).str();
}

}  // namespace report
