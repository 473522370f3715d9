#include "analysis/quality.hpp"

#include <map>
#include <set>

#include "analysis/inventory.hpp"

namespace analysis {

namespace {

// The folder part of a path ("." at the top level), as a view of `path`.
std::string_view folder_view(std::string_view path) {
    auto slash = path.find_last_of('/');
    return slash == std::string_view::npos ? std::string_view(".") : path.substr(0, slash);
}

std::string folder_of(const std::string& path) { return std::string(folder_view(path)); }

std::string shorten(const std::string& s, std::size_t n = 140) { return s.size() > n ? s.substr(0, n - 3) + "..." : s; }

// The error part of a failure reason: "error: Failed to connect ...; all metrics recorded as 0".
std::string error_text(const std::string& reason) {
    auto colon = reason.find(": ");
    std::string text = colon == std::string::npos ? reason : reason.substr(colon + 2);
    auto semi = text.find("; ");
    return semi == std::string::npos ? text : text.substr(0, semi);
}

Fact file_list_fact(FactKind kind, const std::string& id, Severity sev, const std::vector<const model::FileEntry*>& files,
                    const std::string& what) {
    Fact f;
    f.kind = kind;
    f.id = id;
    f.severity = sev;
    f.subject = "folder";
    f.values = {make_count(what, static_cast<double>(files.size()))};
    f.statement = f.values[0].text + " " + what + ":";
    for (const auto* e : files) {
        f.statement += " " + e->path + " (" + shorten(e->reason.empty() ? "duplicate of " + e->duplicate_of : e->reason) + ");";
        f.sources.push_back(model::Source{e->path, 0, ""});
    }
    f.statement.back() = '.';
    return f;
}

}  // namespace

void add_inventory_facts(const model::Corpus& corpus, std::vector<Fact>& facts) {
    auto inv = summarize_inventory(corpus);
    Fact f;
    f.kind = FactKind::inventory_files;
    f.id = "inventory/files";
    f.subject = "folder";
    f.values = {make_count("files", static_cast<double>(inv.files)), make_count("parsed", static_cast<double>(inv.parsed)),
                make_count("skipped", static_cast<double>(inv.skipped)), make_count("failed", static_cast<double>(inv.failed)),
                make_count("duplicates", static_cast<double>(inv.duplicates)),
                make_value("bytes", static_cast<double>(inv.bytes), model::Quantity::bytes)};
    f.statement = "The folder holds " + f.values[0].text + " files (" + f.values[5].text + "): " + f.values[1].text +
                  " parsed, " + f.values[2].text + " skipped, " + f.values[3].text + " failed, " + f.values[4].text +
                  " byte-identical duplicates.";
    facts.push_back(f);
    for (const auto& k : inv.by_kind) {
        if (!k.files) continue;
        Fact kf;
        kf.kind = FactKind::inventory_kind;
        std::string name(model::file_kind_name(k.kind));
        kf.id = "inventory/kind/" + name;
        kf.subject = name;
        kf.values = {make_count(name + " files", static_cast<double>(k.files)),
                     make_count(name + " parsed", static_cast<double>(k.parsed))};
        kf.statement = name + ": " + kf.values[0].text + " files, " + kf.values[1].text + " parsed, latest modified " +
                       format_utc(k.latest_mtime_s) + " (" + k.latest_path + ").";
        kf.sources.push_back(model::Source{k.latest_path, 0, ""});
        facts.push_back(std::move(kf));
    }
    Fact r;
    r.kind = FactKind::inventory_records;
    r.id = "inventory/records";
    r.subject = "folder";
    r.values = {make_count("tables", static_cast<double>(inv.tables)), make_count("rows", static_cast<double>(inv.rows)),
                make_count("failed rows", static_cast<double>(inv.failed_rows)),
                make_count("JSON values", static_cast<double>(inv.scalars)),
                make_count("failed JSON values", static_cast<double>(inv.failed_scalars)),
                make_count("claims", static_cast<double>(inv.claims))};
    r.statement = "Read " + r.values[0].text + " tables with " + r.values[1].text + " rows (" + r.values[2].text +
                  " failed), " + r.values[3].text + " other JSON values (" + r.values[4].text + " failed) and " +
                  r.values[5].text + " numeric claims in prose.";
    facts.push_back(std::move(r));
}

void add_quality_facts(const model::Corpus& corpus, std::vector<Fact>& facts) {
    std::vector<const model::FileEntry*> skipped, failed, dups;
    std::set<std::string> dup_files;
    for (const auto& e : corpus.files) {
        if (e.status == model::FileStatus::skipped) skipped.push_back(&e);
        if (e.status == model::FileStatus::failed) failed.push_back(&e);
        if (!e.duplicate_of.empty()) { dups.push_back(&e); dup_files.insert(e.path); }
    }
    if (!skipped.empty()) facts.push_back(file_list_fact(FactKind::quality_skipped_files, "quality/skipped-files", Severity::info, skipped, "files skipped"));
    if (!failed.empty()) facts.push_back(file_list_fact(FactKind::quality_failed_files, "quality/failed-files", Severity::warning, failed, "files could not be read"));
    if (!dups.empty()) facts.push_back(file_list_fact(FactKind::quality_duplicates, "quality/duplicates", Severity::notice, dups, "files are byte-identical copies, counted once"));

    // Failed rows per table; tables where every row failed are failed runs.
    std::map<std::string, std::vector<std::string>> failed_runs;  // folder -> files
    std::map<std::string, std::set<std::string>> failed_run_errors;  // folder -> distinct error texts
    std::map<std::string, std::size_t> tables_with_rows;           // folder -> tables that hold rows
    {
        // Tables come file by file, so runs of them share a folder: look the counter up once per run.
        std::string_view last_folder;
        std::size_t* count = nullptr;
        for (const auto& t : corpus.tables) {
            if (t.rows.empty() || dup_files.count(t.file)) continue;
            const std::string_view folder = folder_view(t.file);  // a view of the interned path: stays valid
            if (!count || folder != last_folder) {
                count = &tables_with_rows[std::string(folder)];
                last_folder = folder;
            }
            ++*count;
        }
    }
    for (const auto& t : corpus.tables) {
        if (t.failed_rows() == 0 || dup_files.count(t.file)) continue;
        std::size_t n_failed = 0, success_errors = 0, zeros = 0;
        std::map<std::string, std::size_t> errors;
        Fact f;
        for (const auto& row : t.rows) {
            if (!row.failed) continue;
            ++n_failed;
            ++errors[error_text(row.failure_reason)];
            success_errors += row.failure_reason.find("recorded as success but") != std::string::npos;
            zeros += row.failure_reason.find("recorded as 0") != std::string::npos ||
                     row.failure_reason.find("impossible 0") != std::string::npos;
            f.sources.push_back(model::Source{t.file, row.line, row.json_path});
        }
        if (n_failed == 0) continue;
        std::string where = t.file + (t.locator.empty() ? "" : " [" + t.locator + "]");
        f.kind = n_failed == t.rows.size() ? FactKind::quality_failed_run : FactKind::quality_failed_rows;
        f.severity = Severity::warning;
        f.subject = where;
        f.id = (n_failed == t.rows.size() ? "quality/failed-run/" : "quality/failed-rows/") + slug(where);
        f.values = {make_count("failed rows", static_cast<double>(n_failed)), make_count("rows", static_cast<double>(t.rows.size())),
                    make_count("successes that are errors", static_cast<double>(success_errors)),
                    make_count("rows with impossible zeros", static_cast<double>(zeros))};
        std::string errs;
        for (const auto& [text, count] : errors) errs += (errs.empty() ? "" : "; ") + std::string("\"") + shorten(text, 110) + "\" x" + std::to_string(count);
        f.statement = where + ": " + f.values[0].text + " of " + f.values[1].text + " rows failed and are excluded from statistics (" + errs + ")";
        if (success_errors) f.statement += "; " + f.values[2].text + " of them were recorded as successes although their output is an error message";
        if (zeros) f.statement += "; " + f.values[3].text + " hold zeros where a latency or throughput cannot be zero";
        f.statement += ".";
        if (n_failed == t.rows.size()) {
            failed_runs[folder_of(t.file)].push_back(t.file);
            for (const auto& [text, count] : errors) failed_run_errors[folder_of(t.file)].insert(shorten(text, 110));
        }
        facts.push_back(std::move(f));
    }
    // Failed JSON values (e.g. a backend whose compilation failed, benchmark stored as 0.0 ms).
    std::map<std::string, std::vector<const model::Scalar*>> failed_scalars;
    for (const auto& s : corpus.scalars)
        if (s.failed && !dup_files.count(s.source.file)) failed_scalars[s.source.file].push_back(&s);
    for (const auto& [file, list] : failed_scalars) {
        Fact f;
        f.kind = FactKind::quality_failed_values;
        f.severity = Severity::warning;
        f.subject = file;
        f.id = "quality/failed-values/" + slug(file);
        std::map<std::string, std::size_t> reasons;
        for (const auto* s : list) {
            ++reasons[shorten(s->failure_reason, 150)];
            f.sources.push_back(s->source);
        }
        f.values = {make_count("failed values", static_cast<double>(list.size()))};
        f.statement = file + ": " + f.values[0].text + " values belong to failed entries and are excluded:";
        for (const auto& [reason, count] : reasons) f.statement += " " + reason + " (x" + std::to_string(count) + ");";
        f.statement.back() = '.';
        facts.push_back(std::move(f));
    }
    for (const auto& [folder, files] : failed_runs) {
        // A folder failed entirely only when every table in it failed; one bad file is not a failed run.
        if (files.size() != tables_with_rows[folder]) continue;
        Fact f;
        f.kind = FactKind::quality_failed_folder;
        f.severity = Severity::warning;
        f.subject = folder;
        f.id = "quality/failed-folder/" + slug(folder);
        f.values = {make_count("files with every row failed", static_cast<double>(files.size()))};
        f.statement = "Run folder " + folder + " failed entirely: every row of its " + f.values[0].text +
                      " table(s) is a failure (";
        std::string sep;
        for (const auto& e : failed_run_errors[folder]) {
            f.statement += sep + "\"" + e + "\"";
            sep = "; ";
        }
        f.statement += ").";
        for (const auto& file : files) f.sources.push_back(model::Source{file, 0, ""});
        facts.push_back(std::move(f));
    }
    for (const auto& t : corpus.tables) {
        if (!t.rows.empty() || dup_files.count(t.file)) continue;
        Fact f;
        f.kind = FactKind::quality_empty_table;
        f.severity = Severity::notice;
        f.subject = t.file;
        f.id = "quality/empty/" + slug(t.file + " " + t.locator);
        f.statement = t.file + (t.locator.empty() ? "" : " [" + t.locator + "]") + " has columns but no records (empty telemetry or export).";
        f.sources.push_back(model::Source{t.file, t.line, t.locator});
        facts.push_back(std::move(f));
    }
}

void add_same_data_facts(const std::vector<Frame>& frames, std::vector<Fact>& facts) {
    for (const auto& f : frames) {
        if (f.same_data_as.empty()) continue;
        Fact fact;
        fact.kind = FactKind::quality_same_data;
        fact.severity = Severity::notice;
        fact.subject = f.label;
        fact.id = "quality/same-data/" + f.id;
        fact.values = {make_count("rows", static_cast<double>(f.rows.size()))};
        fact.statement = f.label + " repeats the " + fact.values[0].text + " measured rows of " + f.same_data_as +
                         " value for value (the same run in another format); its data is counted once.";
        fact.sources = {model::Source{f.file, 0, f.locator}};
        for (const auto& row : f.rows) add_row_source(fact.sources, f, row);
        facts.push_back(std::move(fact));
    }
}

}  // namespace analysis
