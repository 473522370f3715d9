#include "ingest/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <utility>

#include "ingest/unit_parser.hpp"
#include "util/strings.hpp"

namespace ingest {

namespace {

constexpr std::size_t kMaxWarningsPerKind = 100;
constexpr std::size_t kMaxExtraShown = 5;   // extra fields quoted in a ragged-row warning
constexpr std::size_t kMaxQuotedBytes = 40;  // longest cell text quoted in a warning
constexpr std::size_t kMaxUnitBytes = 24;

// Bytes that end an unquoted field. A table lookup keeps the hot loop to one load and a branch.
constexpr std::array<bool, 256> kStop = [] {
    std::array<bool, 256> stop{};
    for (unsigned char c : {',', '\n', '\r'}) stop[c] = true;
    return stop;
}();

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Same as util::trim, inlined because it runs once per cell.
inline std::string_view trim_fast(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

// One field of the current record. Buffers are reused across records to avoid reallocations.
struct Field {
    std::string_view view;  // raw text: unquoted field, or quoted content while nothing was unescaped
    std::string buffer;     // unescaped text once `owned`
    bool quoted = false;
    bool owned = false;
    std::string_view text() const { return owned ? std::string_view(buffer) : view; }
    void own() {
        if (!owned) buffer.assign(view);
        owned = true;
    }
    // Cell text: quoted fields are exact, unquoted ones trimmed; whitespace-only is missing.
    std::string_view cell_text() const {
        if (!quoted) return trim_fast(view);
        return trim_fast(text()).empty() ? std::string_view() : text();
    }
};

enum class ScanStatus { record, end, unterminated };

// Splits text into records and counts physical lines: CRLF, LF and a lone CR each end one line,
// inside quoted fields too.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    // Reads the next record into fields[0, count); `start_line` receives its first line.
    ScanStatus next(std::vector<Field>& fields, std::size_t& count, long long& start_line) {
        const std::size_t n = text_.size();
        if (pos_ >= n) return ScanStatus::end;
        start_line = line_;
        count = 0;
        for (;;) {
            if (count == fields.size()) fields.emplace_back();
            Field& field = fields[count++];
            field.quoted = field.owned = false;
            std::size_t j = pos_;
            while (j < n && (text_[j] == ' ' || text_[j] == '\t')) ++j;
            if (j < n && text_[j] == '"') {
                pos_ = j;
                if (!scan_quoted(field)) return ScanStatus::unterminated;
            } else {
                field.view = scan_to_stop();
            }
            if (pos_ >= n) return ScanStatus::record;
            const char c = text_[pos_++];
            if (c == ',') continue;
            if (c == '\r' && pos_ < n && text_[pos_] == '\n') ++pos_;
            ++line_;
            return ScanStatus::record;
        }
    }

    // The line where the unterminated quoted field opened.
    long long error_line() const { return error_line_; }

private:
    std::string_view scan_to_stop() {
        const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
        const std::size_t start = pos_;
        while (pos_ < text_.size() && !kStop[bytes[pos_]]) ++pos_;
        return text_.substr(start, pos_ - start);
    }

    // pos_ is at the opening quote. Returns false when the text ends inside the field.
    bool scan_quoted(Field& field) {
        field.quoted = true;
        field.view = {};
        const long long open_line = line_;
        const std::size_t n = text_.size();
        ++pos_;
        for (;;) {
            const void* hit = std::memchr(text_.data() + pos_, '"', n - pos_);
            if (hit == nullptr) {
                error_line_ = open_line;
                pos_ = n;
                return false;
            }
            const auto quote = static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data());
            const std::string_view segment = text_.substr(pos_, quote - pos_);
            count_lines(segment);
            pos_ = quote + 1;
            const bool escaped = pos_ < n && text_[pos_] == '"';  // "" is one quote
            if (!escaped && !field.owned) {
                field.view = segment;
                break;
            }
            field.own();
            field.buffer.append(segment);
            if (!escaped) break;
            field.buffer += '"';
            ++pos_;
        }
        // Not RFC 4180, but seen in hand-edited files: `"abc"def` reads as `abcdef`, like Python's csv.
        std::string_view tail = scan_to_stop();
        while (!tail.empty() && is_space(tail.back())) tail.remove_suffix(1);
        if (!tail.empty()) {
            field.own();
            field.buffer.append(tail);
        }
        return true;
    }

    void count_lines(std::string_view segment) {
        line_ += std::count(segment.begin(), segment.end(), '\n');
        if (segment.find('\r') == std::string_view::npos) return;
        for (std::size_t i = 0; i < segment.size(); ++i)  // lone CR ends a line; CRLF was counted by its LF
            if (segment[i] == '\r' && (i + 1 == segment.size() || segment[i + 1] != '\n')) ++line_;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    long long line_ = 1;
    long long error_line_ = 0;
};

// A blank line reads as one unquoted, whitespace-only field; such records are skipped.
bool is_blank(const std::vector<Field>& fields, std::size_t count) {
    return count == 1 && !fields[0].quoted && trim_fast(fields[0].view).empty();
}

// Clinger's fast path (W. D. Clinger, "How to Read Floating Point Numbers Accurately", 1990):
// for [-]digits[.digits] with at most 15 digits, the digits form an exact double and 10^k
// (k <= 15) is exact, so one IEEE division gives the correctly rounded value: the same double
// that std::from_chars returns. Needs FLT_EVAL_METHOD == 0 (SSE2, no x87 excess precision).
inline bool parse_plain_decimal(std::string_view text, double& out) {
    static constexpr std::array<double, 16> kPow10 = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                      1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    if (FLT_EVAL_METHOD != 0) return false;
    const bool negative = !text.empty() && text[0] == '-';
    std::uint64_t mantissa = 0;
    std::size_t digits = 0, fraction = 0;
    bool point = false;
    for (std::size_t i = negative ? 1 : 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
            ++digits;
            fraction += point ? 1 : 0;
        } else if (c == '.' && !point && digits > 0) {
            point = true;
        } else {
            return false;
        }
    }
    if (digits == 0 || digits > 15 || (point && fraction == 0)) return false;
    // Signed conversion is one instruction; mantissa < 10^15 fits.
    const double value = static_cast<double>(static_cast<std::int64_t>(mantissa)) / kPow10[fraction];
    out = negative ? -value : value;
    return true;
}

// util::parse_number with its common cases inlined: a plain decimal ("74.11") takes Clinger's
// fast path, another decimal ("-3e-5") goes straight to std::from_chars as parse_number would.
// Anything else (signs, NaN/inf, thousands separators, overflow, whitespace) takes the full
// function, so results are identical to util::parse_number (checked by the fuzz target).
inline std::optional<double> parse_cell_number(std::string_view text) {
    double value = 0;
    if (parse_plain_decimal(text, value)) return value;
    const char c = text.empty() ? '\0' : (text[0] == '-' && text.size() > 1 ? text[1] : text[0]);
    if ((c >= '0' && c <= '9') || c == '.') {
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
        if (ec == std::errc() && ptr == text.data() + text.size()) return value;
    }
    return util::parse_number(text);
}

// Cheap filter so that text cells skip parsing: a number starts with a digit, sign or '.', or is NaN/Inf.
inline bool may_be_number(std::string_view text) {
    text = trim_fast(text);
    if (text.empty()) return false;
    const char c = text.front();
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'n' || c == 'N' || c == 'i' ||
           c == 'I';
}

// Cuts at a UTF-8 character boundary so that warnings stay valid UTF-8.
std::string quoted(std::string_view text) {
    if (text.size() <= kMaxQuotedBytes) return "'" + std::string(text) + "'";
    std::size_t cut = kMaxQuotedBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return "'" + std::string(text.substr(0, cut)) + "...'";
}

std::string prefix(const std::string& file, long long line) { return file + ":" + std::to_string(line) + ": "; }

// Warnings of one kind, listed up to kMaxWarningsPerKind and then only counted.
class WarningList {
public:
    WarningList(std::vector<std::string>& out, std::string what) : out_(out), what_(std::move(what)) {}
    // `make` builds the message; it runs only while this kind is under its limit.
    template <typename Make>
    void add(Make make) {
        if (total_++ < kMaxWarningsPerKind) out_.push_back(make());
    }
    void finish(const std::string& file) {
        if (total_ > kMaxWarningsPerKind)
            out_.push_back(file + ": " + std::to_string(total_ - kMaxWarningsPerKind) + " more " + what_ +
                           " not listed");
    }

private:
    std::vector<std::string>& out_;
    std::string what_;
    std::size_t total_ = 0;
};

std::string ragged_message(const std::string& file, long long line, const std::vector<Field>& fields,
                           std::size_t count, std::size_t columns) {
    std::string message = prefix(file, line) + "row has " + std::to_string(count) + " fields, header has " +
                          std::to_string(columns);
    if (count <= columns) return message;
    message += "; extra fields dropped: ";
    for (std::size_t i = columns; i < count && i < columns + kMaxExtraShown; ++i)
        message += (i == columns ? "" : ", ") + quoted(fields[i].cell_text());
    if (count > columns + kMaxExtraShown) message += ", ...";
    return message;
}

// Expected rows, from the line density of the first 64 KiB; capped so that odd inputs cannot
// reserve far more than the data needs (untouched reserved pages cost nothing).
std::size_t estimate_rows(std::string_view text) {
    const std::size_t sample = std::min<std::size_t>(text.size(), 64 * 1024);
    const auto lines = static_cast<std::size_t>(std::count(text.data(), text.data() + sample, '\n'));
    return std::min<std::size_t>(text.size() * lines / std::max<std::size_t>(sample, 1) + 1, std::size_t{1} << 20);
}

// Unit words of profiler exports (Nsight Compute: "register/thread", "Kbyte/block",
// "inst/cycle", "sector/request") beyond what parse_unit knows; an SI prefix may precede them.
bool is_unit_word(std::string_view word) {
    static constexpr std::array<std::string_view, 38> kWords = {
        "block",  "warp",    "thread",   "register",  "sm",     "pass",   "cycle",    "cycles",
        "inst",   "instruction", "instructions", "sector", "sectors", "request", "requests", "byte",
        "bytes",  "second",  "seconds",  "sec",       "hz",     "flop",   "flops",    "op",
        "ops",    "element", "elements", "wavefront", "kernel", "tok",    "token",    "tokens",
        "req",    "%",       "percent",  "us",        "ns",     "ms"};
    const std::string lowered = util::to_lower(word);
    auto known = [](std::string_view w) { return std::find(kWords.begin(), kWords.end(), w) != kWords.end(); };
    const bool si_prefix = lowered.size() >= 3 && std::string_view("kmgtun").find(lowered[0]) != std::string_view::npos;
    return known(lowered) || (si_prefix && known(std::string_view(lowered).substr(1)));
}

// "register/thread", "Kbyte/block", "inst/cycle": every '/'-separated part is a unit word.
bool is_composite_unit(std::string_view text) {
    if (text.empty() || text.size() > kMaxUnitBytes) return false;
    const auto parts = util::split(text, '/');
    return std::all_of(parts.begin(), parts.end(), [](std::string_view p) { return !p.empty() && is_unit_word(p); });
}

void append_row(model::Table& table, const std::vector<Field>& fields, std::size_t count, long long line,
                WarningList& non_finite) {
    const std::size_t columns = table.columns.size();
    model::Row& row = table.rows.emplace_back();
    row.line = line;
    row.cells.reserve(columns);  // one allocation; a short row is padded at the end
    for (std::size_t i = 0; i < count && i < columns; ++i) {
        const std::string_view text = fields[i].cell_text();
        std::optional<double> value;
        if (may_be_number(text)) value = parse_cell_number(text);
        if (!value) {
            row.cells.push_back(model::Cell{std::string(text)});
            continue;
        }
        row.cells.push_back(model::Cell{std::string(text), *value, true});
        if (std::isfinite(*value)) continue;
        non_finite.add([&] {
            return prefix(table.file, line) + "column '" + table.columns[i] + "' holds non-finite value " +
                   quoted(text);
        });
    }
    row.cells.resize(columns);
}

// Fills table.columns from the header record and warns about duplicate names. False when no
// name is non-empty.
bool read_header(model::Table& table, const std::vector<Field>& fields, std::size_t count, long long line) {
    table.line = line;
    for (std::size_t i = 0; i < count; ++i) table.columns.emplace_back(util::trim(fields[i].text()));
    if (std::all_of(table.columns.begin(), table.columns.end(), [](const std::string& c) { return c.empty(); }))
        return false;
    WarningList duplicates(table.warnings, "duplicate column names");
    std::unordered_map<std::string_view, std::size_t> first_seen;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].empty()) continue;
        auto [it, inserted] = first_seen.emplace(table.columns[i], i);
        if (inserted) continue;
        duplicates.add([&, first = it->second] {
            return prefix(table.file, line) + "duplicate column name " + quoted(table.columns[i]) + " (columns " +
                   std::to_string(first + 1) + " and " + std::to_string(i + 1) + ")";
        });
    }
    duplicates.finish(table.file);
    return true;
}

// The second record, trimmed and cut or padded to the header's width, when it is a unit row.
std::optional<std::vector<std::string>> unit_row(const std::vector<Field>& fields, std::size_t count,
                                                 std::size_t columns) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < count && i < columns; ++i) cells.emplace_back(util::trim(fields[i].cell_text()));
    cells.resize(columns);
    if (!is_unit_row(cells)) return std::nullopt;
    return cells;
}

}  // namespace

bool is_unit_row(const std::vector<std::string>& cells) {
    std::size_t non_empty = 0, known = 0;
    bool strong = false;  // a known unit longer than one letter: "x,b,s" stays text
    for (const std::string& cell : cells) {
        const std::string_view text = util::trim(cell);
        if (text.empty()) continue;
        ++non_empty;
        if (util::parse_number(text)) return false;
        const bool is_unit = is_composite_unit(text) || parse_unit(text).has_value();
        const bool short_token = text.size() <= kMaxUnitBytes && std::none_of(text.begin(), text.end(), is_space);
        if (!is_unit && !short_token) return false;
        known += is_unit ? 1 : 0;
        strong = strong || (is_unit && (text.size() >= 2 || text == "%"));
    }
    return non_empty > 0 && strong && known * 2 > non_empty;
}

constexpr std::size_t kMaxColumns = 16384;

// Fields of the first record, counted cheaply (quote-aware) and capped just past kMaxColumns, so a
// 50 MB line of commas is refused before a field vector of that size is built.
std::size_t header_field_count(std::string_view text) {
    bool quoted = false;
    std::size_t fields = 1;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == ',' && ++fields > kMaxColumns) break;
        else if (!quoted && (c == '\n' || c == '\r')) break;
    }
    return fields;
}

util::Result<model::Table> read_csv(std::string_view text, const std::string& file) {
    if (util::starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
    if (trim_fast(text).empty()) return util::make_error(file, 0, "empty file");
    if (header_field_count(text) > kMaxColumns)
        return util::make_error(file, 1, "header has more than " + std::to_string(kMaxColumns) +
                                             " columns: not a benchmark table");
    model::Table table;
    table.file = file;
    Scanner scanner(text);
    std::vector<Field> fields;
    std::size_t count = 0;
    long long line = 0;
    ScanStatus status;
    while ((status = scanner.next(fields, count, line)) == ScanStatus::record && is_blank(fields, count)) {}
    if (status == ScanStatus::end) return util::make_error(file, 0, "empty file");
    if (status == ScanStatus::record && !read_header(table, fields, count, line))
        return util::make_error(file, line, "header has no column names");

    const std::size_t columns = table.columns.size();
    // A benchmark table has tens of columns, a profiler export a few hundred; a header of millions
    // of fields is a data dump on one line, not a table (and would cost gigabytes per row).
    if (columns > kMaxColumns)
        return util::make_error(file, line, "header has " + std::to_string(columns) + " columns, more than " +
                                                std::to_string(kMaxColumns) + ": not a benchmark table");
    WarningList ragged(table.warnings, "ragged rows");
    WarningList non_finite(table.warnings, "non-finite values");
    table.rows.reserve(estimate_rows(text));
    bool second_record = true;
    while (status == ScanStatus::record && (status = scanner.next(fields, count, line)) == ScanStatus::record) {
        if (is_blank(fields, count)) continue;
        if (count != columns) ragged.add([&] { return ragged_message(file, line, fields, count, columns); });
        if (std::exchange(second_record, false)) {
            if (auto units = unit_row(fields, count, columns)) {
                table.units = std::move(*units);
                continue;
            }
        }
        append_row(table, fields, count, line, non_finite);
    }
    if (status == ScanStatus::unterminated)
        return util::make_error(file, scanner.error_line(), "unterminated quoted field (opened on this line)");
    ragged.finish(file);
    non_finite.finish(file);
    return table;
}

}  // namespace ingest
