// report.json (docs/report-schema.md): the same facts and frames as report.md, as data.
#include <cmath>
#include <nlohmann/json.hpp>

#include "analysis/inventory.hpp"
#include "report/inventory_report.hpp"
#include "report/json_lines.hpp"
#include "report/report_context.hpp"

namespace report {

namespace {

using Json = nlohmann::ordered_json;

Json source_json(const model::Source& s) {
    Json j;
    j["file"] = s.file;
    if (s.line > 0) j["line"] = s.line;
    if (s.line_end > s.line) j["line_end"] = s.line_end;
    if (!s.json_path.empty()) j["json_path"] = s.json_path;
    return j;
}

Json fact_json(const analysis::Fact& f) {
    Json j;
    j["id"] = f.id;
    j["kind"] = f.kind;
    j["severity"] = analysis::severity_name(f.severity);
    j["subject"] = f.subject;
    j["statement"] = f.statement;
    Json values = Json::array();
    for (const auto& v : f.values)
        values.push_back({{"label", v.label},
                          {"value", number_or_null(v.value)},
                          {"quantity", model::quantity_name(v.quantity)},
                          {"text", v.text}});
    j["values"] = std::move(values);
    Json sources = Json::array();
    for (const auto& s : f.sources) sources.push_back(source_json(s));
    j["sources"] = std::move(sources);
    j["warnings"] = f.warnings;
    return j;
}

Json frame_json(const analysis::Frame& f) {
    Json j;
    j["id"] = f.id;
    j["label"] = f.label;
    j["file"] = f.file;
    j["locator"] = f.locator;
    j["derived"] = f.derived;
    j["dims"] = f.dim_names;
    Json measures = Json::array();
    for (const auto& m : f.measures)
        measures.push_back({{"name", m.name}, {"quantity", model::quantity_name(m.quantity)}, {"original_unit", m.original_unit}});
    j["measures"] = std::move(measures);
    std::size_t failed = 0, cold = 0;
    for (const auto& r : f.rows) {
        failed += r.failed;
        cold += r.cold;
    }
    j["rows"] = f.rows.size();
    j["failed_rows"] = failed;
    j["cold_rows"] = cold;
    return j;
}

}  // namespace

std::string render_report_json(const analysis::Analysis& analysis, const model::Corpus& corpus, const ReportContext& context) {
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
    std::string out = open_document(doc);
    out += ",\n  \"facts\": " + json_lines_array(analysis.facts.size(), [&](std::size_t i) { return fact_json(analysis.facts[i]); });
    out += ",\n  \"frames\": " + json_lines_array(analysis.frames.size(), [&](std::size_t i) { return frame_json(analysis.frames[i]); });
    return out + "\n}\n";
}

}  // namespace report
