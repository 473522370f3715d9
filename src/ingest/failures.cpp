#include "ingest/failures.hpp"

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "util/strings.hpp"

namespace ingest {

namespace {

using model::Quantity;
using model::Role;

constexpr std::array<std::string_view, 14> kErrorOpenings = {
    "error", "exception", "traceback", "failed", "failure", "fatal", "connection refused",
    "could not", "cannot", "unable to", "timeout", "timed out", "http error", "internal server error"};

bool zero_is_impossible(const model::Meaning& m) {
    return m.role == Role::measurement && (m.unit.quantity == Quantity::time || m.unit.quantity == Quantity::throughput);
}

bool is_false_text(std::string_view text) {
    std::string t = util::to_lower(util::trim(text));
    return t == "false" || t == "0" || t == "no" || t == "fail" || t == "failed";
}

std::string shorten(std::string_view text, std::size_t limit = 160) {
    text = util::trim(text);
    std::string out(text.substr(0, limit));
    for (char& c : out)
        if (c == '\n' || c == '\r') c = ' ';
    if (text.size() > limit) out += "...";
    return out;
}

// Names the columns holding an exact zero where zero cannot be measured.
std::string impossible_zeros(const model::Table& table, const model::Row& row) {
    std::string names;
    for (std::size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c) {
        const auto& cell = row.cells[c];
        if (cell.is_number && cell.number == 0.0 && zero_is_impossible(table.meanings[c]))
            names += (names.empty() ? "" : ", ") + table.columns[c];
    }
    return names;
}

bool measurements_all_zero(const model::Table& table, const model::Row& row) {
    bool any = false;
    for (std::size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c) {
        if (table.meanings[c].role != Role::measurement) continue;
        const auto& cell = row.cells[c];
        if (cell.missing()) continue;
        if (!cell.is_number || cell.number != 0.0) return false;
        any = true;
    }
    return any;
}

void add_reason(model::Row& row, const std::string& reason) {
    row.failed = true;
    row.failure_reason += (row.failure_reason.empty() ? "" : "; ") + reason;
}

}  // namespace

bool looks_like_error_text(std::string_view text) {
    std::string t = util::to_lower(util::trim(text));
    if (t.empty()) return false;
    for (auto opening : kErrorOpenings)
        if (util::starts_with(t, opening)) return true;
    // Short texts that mention a failure anywhere ("Request failed: All connection attempts failed").
    return t.size() < 300 && (t.find("connection attempts failed") != std::string::npos ||
                              t.find("failed to connect") != std::string::npos ||
                              t.find("connection refused") != std::string::npos ||
                              t.find("traceback (most recent call last)") != std::string::npos);
}

namespace {

// Which columns can signal a failure, decided once per table (not per cell).
struct FailureColumns {
    std::vector<std::size_t> errors, success_flags, completion_counts, texts;
    bool any_zero_check = false;
};

FailureColumns failure_columns(const model::Table& table) {
    FailureColumns fc;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const auto& m = table.meanings[c];
        if (m.role == Role::error) fc.errors.push_back(c);
        if (m.role == Role::success_flag) fc.success_flags.push_back(c);
        if (m.role == Role::text) fc.texts.push_back(c);
        // "completed": 0 (of N prompts) in a run summary: nothing ran.
        std::string name = util::normalise_name(table.columns[c]);
        if (name == "completed" || name == "succeeded" || name == "successful" || name == "success_count" ||
            name == "successful_tests" || name == "completed_requests")
            fc.completion_counts.push_back(c);
        fc.any_zero_check = fc.any_zero_check || zero_is_impossible(m);
    }
    return fc;
}

bool is_empty_error(std::string_view text) {
    if (text.empty() || is_false_text(text)) return true;
    std::string t = util::to_lower(util::trim(text));
    return t.empty() || t == "none" || t == "null";
}

}  // namespace

void flag_failed_rows(model::Table& table) {
    if (table.meanings.size() != table.columns.size()) return;
    const FailureColumns fc = failure_columns(table);
    for (auto& row : table.rows) {
        const auto& cells = row.cells;
        auto has = [&](std::size_t c) { return c < cells.size() && !cells[c].missing(); };
        bool claims_success = false;
        for (auto c : fc.errors)
            if (has(c) && !is_empty_error(cells[c].text)) add_reason(row, table.columns[c] + ": " + shorten(cells[c].text));
        for (auto c : fc.success_flags) {
            if (!has(c)) continue;
            if (is_false_text(cells[c].text)) add_reason(row, table.columns[c] + "=" + std::string(util::trim(cells[c].text)));
            else claims_success = true;
        }
        for (auto c : fc.completion_counts)
            if (has(c) && cells[c].is_number && cells[c].number == 0.0) add_reason(row, table.columns[c] + "=0: no call completed");
        for (auto c : fc.texts) {
            if (!has(c) || !looks_like_error_text(cells[c].text)) continue;
            add_reason(row, std::string(claims_success ? "recorded as success but " : "") + table.columns[c] +
                                " is an error message: " + shorten(cells[c].text, 120));
        }
        if (!fc.any_zero_check) continue;
        if (!row.failed) {
            // No error text, but every measurement is exactly 0: a run that never happened.
            if (measurements_all_zero(table, row) && !impossible_zeros(table, row).empty())
                add_reason(row, "all metrics recorded as 0 with no error text");
            continue;
        }
        if (measurements_all_zero(table, row)) row.failure_reason += "; all metrics recorded as 0";
        else if (auto zeros = impossible_zeros(table, row); !zeros.empty())
            row.failure_reason += "; impossible 0 in " + zeros;
    }
}

void describe_failed_scalars(std::span<model::Scalar> scalars) {
    for (auto& s : scalars) {
        if (!s.failed || s.value != 0.0 || !zero_is_impossible(s.meaning)) continue;
        if (s.failure_reason.find("impossible 0") == std::string::npos)
            s.failure_reason += "; impossible 0 recorded for " + s.key;
    }
}

}  // namespace ingest
