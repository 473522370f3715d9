#include <string>

#include "analysis/inventory.hpp"
#include "report/inventory_report.hpp"
#include "report/table.hpp"

namespace report {

namespace {

std::string unit_label(const model::Meaning& m) {
    if (m.role != model::Role::measurement) return std::string(model::role_name(m.role));
    if (!m.unit.known()) return m.unit.original.empty() ? "number (unit unknown)" : m.unit.original + " (not converted)";
    std::string canon(model::canonical_symbol(m.unit.quantity));
    if (m.unit.original.empty() || m.unit.original == canon) return std::string(model::quantity_name(m.unit.quantity)) + (canon.empty() ? "" : " [" + canon + "]");
    return std::string(model::quantity_name(m.unit.quantity)) + " [" + m.unit.original + " -> " + canon + "]";
}

std::string kinds_table(const analysis::Inventory& inv) {
    TextTable t;
    t.header = {"kind", "files", "parsed", "skipped", "failed", "duplicates", "bytes", "latest modified"};
    t.align = {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::right, Align::left};
    for (const auto& k : inv.by_kind) {
        if (!k.files) continue;
        t.rows.push_back({std::string(model::file_kind_name(k.kind)), std::to_string(k.files), std::to_string(k.parsed),
                          std::to_string(k.skipped), std::to_string(k.failed), std::to_string(k.duplicates),
                          std::to_string(k.bytes), analysis::format_utc(k.latest_mtime_s)});
    }
    t.rows.push_back({"total", std::to_string(inv.files), std::to_string(inv.parsed), std::to_string(inv.skipped),
                      std::to_string(inv.failed), std::to_string(inv.duplicates), std::to_string(inv.bytes), ""});
    return render_plain(t);
}

std::string files_table(const model::Corpus& corpus) {
    TextTable t;
    t.header = {"path", "kind", "bytes", "status", "note"};
    t.align = {Align::left, Align::left, Align::right, Align::left, Align::left};
    for (const auto& f : corpus.files) {
        std::string note = f.reason;
        if (!f.duplicate_of.empty()) note = "duplicate of " + f.duplicate_of + (note.empty() ? "" : "; " + note);
        if (f.status == model::FileStatus::parsed && note.empty())
            note = std::to_string(f.tables) + " tables, " + std::to_string(f.rows) + " rows, " + std::to_string(f.scalars) +
                   " scalars, " + std::to_string(f.claims) + " claims";
        if (note.size() > 140) note = note.substr(0, 137) + "...";
        t.rows.push_back({f.path, std::string(model::file_kind_name(f.kind)), std::to_string(f.bytes),
                          std::string(model::file_status_name(f.status)), note});
    }
    return render_plain(t);
}

std::string columns_section(const model::Corpus& corpus) {
    std::string out;
    for (const auto& table : corpus.tables) {
        if (table.rows.empty()) continue;
        std::size_t failed = 0;
        for (const auto& r : table.rows) failed += r.failed;
        out += "\n" + table.file + (table.locator.empty() ? "" : " [" + table.locator + "]") + ": " +
               std::to_string(table.rows.size()) + " rows, " + std::to_string(failed) + " failed\n";
        TextTable t;
        t.header = {"  column", "meaning"};
        for (std::size_t c = 0; c < table.columns.size() && c < table.meanings.size(); ++c)
            t.rows.push_back({"  " + table.columns[c], unit_label(table.meanings[c])});
        out += render_plain(t);
        std::size_t shown = 0;
        for (const auto& r : table.rows) {
            if (!r.failed || shown++ >= 3) continue;
            std::string where = r.line ? "line " + std::to_string(r.line) : r.json_path;
            out += "  failed " + where + ": " + r.failure_reason.substr(0, 160) + "\n";
        }
        if (failed > 3) out += "  ... and " + std::to_string(failed - 3) + " more failed rows\n";
    }
    return out;
}

}  // namespace

std::string render_inventory_text(const model::Corpus& corpus) {
    auto inv = analysis::summarize_inventory(corpus);
    std::string out = "Ingested " + corpus.root + ": " + std::to_string(inv.files) + " files, " +
                      std::to_string(inv.tables) + " tables, " + std::to_string(inv.rows) + " rows (" +
                      std::to_string(inv.failed_rows) + " failed), " + std::to_string(inv.scalars) +
                      " JSON values (" + std::to_string(inv.failed_scalars) + " failed), " +
                      std::to_string(inv.claims) + " claims in prose\n\n";
    out += kinds_table(inv) + "\n" + files_table(corpus);
    out += columns_section(corpus);
    return out;
}

}  // namespace report
