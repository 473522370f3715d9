#include <map>
#include <vector>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "analysis/inventory.hpp"
#include "report/inventory_report.hpp"
#include "report/json_lines.hpp"

namespace report {

namespace {

using Json = nlohmann::ordered_json;

Json unit_json(const model::Meaning& m) {
    Json j;
    j["role"] = model::role_name(m.role);
    if (m.role == model::Role::measurement) {
        j["quantity"] = model::quantity_name(m.unit.quantity);
        j["unit"] = m.unit.original;
        j["canonical_unit"] = model::canonical_symbol(m.unit.quantity);
        j["to_canonical"] = m.unit.to_canonical;
    }
    j["reason"] = m.reason;
    return j;
}

Json file_json(const model::FileEntry& f) {
    Json j;
    j["path"] = f.path;
    j["kind"] = model::file_kind_name(f.kind);
    j["bytes"] = f.bytes;
    j["mtime"] = analysis::format_iso_utc(f.mtime_s);
    j["hash"] = f.hash;
    j["encoding"] = f.encoding;
    j["status"] = model::file_status_name(f.status);
    j["reason"] = f.reason;
    j["duplicate_of"] = f.duplicate_of.empty() ? Json(nullptr) : Json(f.duplicate_of);
    j["tables"] = f.tables;
    j["rows"] = f.rows;
    j["scalars"] = f.scalars;
    j["claims"] = f.claims;
    j["headings"] = f.headings.size();
    j["warnings"] = f.warnings;
    return j;
}

Json table_json(const model::Table& t) {
    Json j;
    j["file"] = t.file;
    j["locator"] = t.locator;
    j["line"] = t.line;
    j["rows"] = t.rows.size();
    Json cols = Json::array();
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        Json col;
        col["name"] = t.columns[c];
        if (c < t.meanings.size()) col.update(unit_json(t.meanings[c]));
        if (c < t.units.size() && !t.units[c].empty()) col["unit_row"] = t.units[c];
        cols.push_back(std::move(col));
    }
    j["columns"] = std::move(cols);
    Json failed = Json::array();
    for (const auto& r : t.rows) {
        if (!r.failed) continue;
        Json fr;
        if (r.line) fr["line"] = r.line;
        if (!r.json_path.empty()) fr["json_path"] = r.json_path;
        fr["reason"] = r.failure_reason;
        failed.push_back(std::move(fr));
    }
    j["failed_rows"] = std::move(failed);
    j["warnings"] = t.warnings;
    return j;
}

// Scalars grouped by file and pattern, so a keyed level (backend=...) reads as one series.
Json scalar_series_json(const model::Corpus& corpus) {
    Json out = Json::array();
    std::map<std::pair<std::string, std::string>, std::vector<const model::Scalar*>> groups;
    std::vector<std::pair<std::string, std::string>> order;
    for (const auto& s : corpus.scalars) {
        auto key = std::make_pair(s.source.file, s.pattern.empty() ? s.source.json_path.str() : s.pattern);
        auto [it, inserted] = groups.try_emplace(key);
        if (inserted) order.push_back(key);
        it->second.push_back(&s);
    }
    for (const auto& key : order) {
        const auto& members = groups[key];
        Json j;
        j["file"] = key.first;
        j["pattern"] = key.second;
        j["key"] = members.front()->key;
        j.update(unit_json(members.front()->meaning));
        j["count"] = members.size();
        // The inventory names series, units and failures; values themselves belong to `analyze`.
        j["first_json_path"] = members.front()->source.json_path;
        Json dims = Json::object();
        for (const auto* s : members)
            for (const auto& [k, val] : s->dimensions)
                if (s->source.json_path.str().find(val) != std::string::npos) dims[k].push_back(val);
        if (!dims.empty()) j["keyed_dimensions"] = std::move(dims);
        Json failed = Json::array();
        for (const auto* s : members) {
            if (!s->failed) continue;
            failed.push_back({{"json_path", s->source.json_path}, {"value", number_or_null(s->value)}, {"reason", s->failure_reason}});
        }
        j["failed_values"] = std::move(failed);
        out.push_back(std::move(j));
    }
    return out;
}

Json claim_json(const model::Claim& c) {
    Json j;
    j["file"] = c.source.file;
    j["line"] = c.source.line;
    j["heading"] = c.heading;
    j["text"] = c.text;
    j["value"] = number_or_null(c.value);
    j["unit"] = c.unit_text;
    j["quantity"] = model::quantity_name(c.unit.quantity);
    j["canonical_value"] = number_or_null(c.value * c.unit.to_canonical);
    return j;
}

}  // namespace

nlohmann::ordered_json inventory_summary_json(const analysis::Inventory& inv) {
    Json j;
    j["files"] = inv.files;
    j["parsed"] = inv.parsed;
    j["skipped"] = inv.skipped;
    j["failed"] = inv.failed;
    j["duplicates"] = inv.duplicates;
    j["bytes"] = inv.bytes;
    j["tables"] = inv.tables;
    j["rows"] = inv.rows;
    j["failed_rows"] = inv.failed_rows;
    j["scalars"] = inv.scalars;
    j["failed_scalars"] = inv.failed_scalars;
    j["claims"] = inv.claims;
    Json kinds = Json::object();
    for (const auto& k : inv.by_kind) {
        Json kj;
        kj["files"] = k.files;
        kj["parsed"] = k.parsed;
        kj["skipped"] = k.skipped;
        kj["failed"] = k.failed;
        kj["duplicates"] = k.duplicates;
        kj["bytes"] = k.bytes;
        kj["latest_mtime"] = k.files ? Json(analysis::format_iso_utc(k.latest_mtime_s)) : Json(nullptr);
        kj["latest_path"] = k.files ? Json(k.latest_path) : Json(nullptr);
        kinds[std::string(model::file_kind_name(k.kind))] = std::move(kj);
    }
    j["by_kind"] = std::move(kinds);
    return j;
}

void write_inventory_json(std::ostream& out, const model::Corpus& corpus, const std::string& tool_version) {
    Json head;
    head["schema"] = "chimera-insight/ingest";
    head["schema_version"] = kIngestSchemaVersion;
    head["tool"] = {{"name", "chimera-insight"}, {"version", tool_version}};
    head["root"] = corpus.root;
    head["summary"] = inventory_summary_json(analysis::summarize_inventory(corpus));
    out << open_document(head) << ",\n  \"files\": ";
    write_json_lines_array(out, corpus.files.size(), [&](std::size_t i) { return file_json(corpus.files[i]); });
    out << ",\n  \"tables\": ";
    write_json_lines_array(out, corpus.tables.size(), [&](std::size_t i) { return table_json(corpus.tables[i]); });
    Json series = scalar_series_json(corpus);
    out << ",\n  \"scalar_series\": ";
    write_json_lines_array(out, series.size(), [&](std::size_t i) { return series[i]; });
    out << ",\n  \"claims\": ";
    write_json_lines_array(out, corpus.claims.size(), [&](std::size_t i) { return claim_json(corpus.claims[i]); });
    out << "\n}\n";
}

std::string render_inventory_json(const model::Corpus& corpus, const std::string& tool_version) {
    std::ostringstream out;
    write_inventory_json(out, corpus, tool_version);
    return std::move(out).str();
}

}  // namespace report
