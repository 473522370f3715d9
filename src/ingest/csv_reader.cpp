#include "ingest/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "ingest/unit_parser.hpp"
#include "util/strings.hpp"

namespace ingest {

namespace {

constexpr std::size_t kMaxWarningsPerKind = 100;
constexpr std::size_t kMaxExtraShown = 5;
constexpr std::size_t kMaxExtraBytes = 40;
constexpr std::size_t kMaxUnitBytes = 24;

// Bytes that end an unquoted field. A table lookup keeps the hot loop to one load and a branch.
constexpr std::array<bool, 256> kStop = [] {
    std::array<bool, 256> stop{};
    stop[static_cast<unsigned char>(',')] = true;
    stop[static_cast<unsigned char>('\n')] = true;
    stop[static_cast<unsigned char>('\r')] = true;
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
    std::string_view view;  // raw text: unquoted field, or quoted content when nothing was unescaped
    std::string buffer;     // unescaped text when `owned`
    bool quoted = false;
    bool owned = false;
    std::string_view text() const { return owned ? std::string_view(buffer) : view; }
    // The cell text: quoted fields are exact, unquoted ones are trimmed.
    // A whitespace-only cell is missing.
    std::string_view cell_text() const {
        if (!quoted) return trim_fast(view);
        std::string_view exact = text();
        return trim_fast(exact).empty() ? std::string_view() : exact;
    }
};

enum class ScanStatus { record, end, unterminated };

// Splits text into records. Counts physical lines: CRLF, LF and lone CR each end one line,
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
            field.quoted = false;
            field.owned = false;
            std::size_t j = pos_;
            while (j < n && (text_[j] == ' ' || text_[j] == '\t')) ++j;
            if (j < n && text_[j] == '"') {
                pos_ = j;
                if (!scan_quoted(field)) return ScanStatus::unterminated;
            } else {
                scan_unquoted(field);
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
    void scan_unquoted(Field& field) {
        const std::size_t start = pos_;
        const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
        const std::size_t n = text_.size();
        std::size_t i = pos_;
        while (i < n && !kStop[bytes[i]]) ++i;
        pos_ = i;
        field.view = text_.substr(start, i - start);
    }

    // pos_ is at the opening quote. Returns false when the text ends inside the field.
    bool scan_quoted(Field& field) {
        field.quoted = true;
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
            std::string_view segment = text_.substr(pos_, quote - pos_);
            count_lines(segment);
            if (quote + 1 < n && text_[quote + 1] == '"') {  // "" -> one quote
                if (!field.owned) {
                    field.owned = true;
                    field.buffer.clear();
                }
                field.buffer.append(segment);
                field.buffer += '"';
                pos_ = quote + 2;
                continue;
            }
            if (field.owned) field.buffer.append(segment);
            else field.view = segment;
            pos_ = quote + 1;
            break;
        }
        // Not RFC 4180, but seen in hand-edited files: `"abc"def` reads as `abcdef`, like Python's csv.
        const std::size_t tail_start = pos_;
        const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
        while (pos_ < n && !kStop[bytes[pos_]]) ++pos_;
        std::string_view tail = text_.substr(tail_start, pos_ - tail_start);
        while (!tail.empty() && is_space(tail.back())) tail.remove_suffix(1);
        if (!tail.empty()) {
            if (!field.owned) {
                field.buffer.assign(field.view);
                field.owned = true;
            }
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

// util::parse_number, with its common case inlined: a plain decimal such as "74.11" or "-3e-5"
// goes straight to std::from_chars, which is exactly what parse_number would call for it. Anything
// else (signs, NaN/inf, thousands separators, overflow, whitespace) takes the full function.
inline std::optional<double> parse_cell_number(std::string_view text) {
    const char* first = text.data();
    const char* last = first + text.size();
    const char c = text.empty() ? '\0' : (text[0] == '-' && text.size() > 1 ? text[1] : text[0]);
    if ((c >= '0' && c <= '9') || c == '.') {
        double value = 0;
        auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
        if (ec == std::errc() && ptr == last) return value;
    }
    return util::parse_number(text);
}

// Cheap filter so that text cells skip parse_number: a number starts with a digit, sign, '.',
// or is NaN/Inf.
inline bool may_be_number(std::string_view text) {
    text = trim_fast(text);
    if (text.empty()) return false;
    const char c = text.front();
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'n' || c == 'N' || c == 'i' ||
           c == 'I';
}

// Cuts at a UTF-8 character boundary so that warnings stay valid UTF-8.
std::string_view shorten(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut);
}

// Warnings of one kind, listed up to kMaxWarningsPerKind and then only counted.
class WarningList {
public:
    WarningList(std::vector<std::string>& out, std::string what) : out_(out), what_(std::move(what)) {}
    bool wants_detail() const { return total_ < kMaxWarningsPerKind; }
    void add(std::string message) {
        if (total_++ < kMaxWarningsPerKind) out_.push_back(std::move(message));
    }
    void count_only() { ++total_; }
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

std::string prefix(const std::string& file, long long line) { return file + ":" + std::to_string(line) + ": "; }

void warn_ragged(WarningList& ragged, const std::string& file, long long line, const std::vector<Field>& fields,
                 std::size_t count, std::size_t columns) {
    if (!ragged.wants_detail()) return ragged.count_only();
    std::string message = prefix(file, line) + "row has " + std::to_string(count) + " fields, header has " +
                          std::to_string(columns);
    if (count > columns) {
        message += "; extra fields dropped:";
        for (std::size_t i = columns; i < count && i < columns + kMaxExtraShown; ++i) {
            std::string_view extra = fields[i].cell_text();
            message += (i == columns ? " '" : ", '");
            message.append(shorten(extra, kMaxExtraBytes));
            message += extra.size() > kMaxExtraBytes ? "...'" : "'";
        }
        if (count > columns + kMaxExtraShown) message += ", ...";
    }
    ragged.add(std::move(message));
}

// Expected rows, from the line density of the first 64 KiB; capped so odd inputs cannot make
// us reserve far more than the data needs.
std::size_t estimate_rows(std::string_view text) {
    const std::size_t sample = std::min<std::size_t>(text.size(), 64 * 1024);
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(sample), '\n'));
    const std::size_t estimate = sample == 0 ? 0 : text.size() * lines / sample + 1;
    return std::min<std::size_t>(estimate, std::size_t{1} << 20);
}

// Unit words seen in profiler exports (Nsight Compute: "register/thread", "Kbyte/block",
// "inst/cycle", "sector/request") beyond what parse_unit knows; an SI prefix is allowed in front.
bool is_unit_word(std::string_view word) {
    static constexpr std::array<std::string_view, 38> kWords = {
        "block", "warp",    "thread",   "register", "sm",      "pass",     "cycle",   "cycles",
        "inst",  "instruction", "instructions", "sector", "sectors", "request", "requests", "byte",
        "bytes", "second",  "seconds",  "sec",      "hz",      "flop",     "flops",   "op",
        "ops",   "element", "elements", "wavefront", "kernel", "tok",      "token",   "tokens",
        "req",   "%",       "percent",  "us",       "ns",      "ms"};
    std::string lowered = util::to_lower(word);
    auto known = [](std::string_view w) { return std::find(kWords.begin(), kWords.end(), w) != kWords.end(); };
    if (known(lowered)) return true;
    return lowered.size() >= 3 && std::string_view("kmgtun").find(lowered[0]) != std::string_view::npos &&
           known(std::string_view(lowered).substr(1));
}

// "register/thread", "Kbyte/block", "inst/cycle": every '/'-separated part is a unit word.
bool is_composite_unit(std::string_view text) {
    if (text.empty() || text.size() > kMaxUnitBytes) return false;
    for (std::string_view part : util::split(text, '/'))
        if (part.empty() || !is_unit_word(part)) return false;
    return true;
}

bool is_short_token(std::string_view text) {
    return text.size() <= kMaxUnitBytes && std::none_of(text.begin(), text.end(), is_space);
}

void append_row(model::Table& table, const std::vector<Field>& fields, std::size_t count, long long line,
                WarningList& non_finite) {
    const std::size_t columns = table.columns.size();
    model::Row& row = table.rows.emplace_back();
    row.line = line;
    row.cells.reserve(columns);
    const std::size_t used = std::min(count, columns);
    for (std::size_t i = 0; i < used; ++i) {
        std::string_view text = fields[i].cell_text();
        std::optional<double> value;
        if (may_be_number(text)) value = parse_cell_number(text);
        if (!value) {
            row.cells.push_back(model::Cell{std::string(text)});
            continue;
        }
        row.cells.push_back(model::Cell{std::string(text), *value, true});
        if (std::isfinite(*value)) continue;
        if (!non_finite.wants_detail()) {
            non_finite.count_only();
            continue;
        }
        non_finite.add(prefix(table.file, line) + "column '" + table.columns[i] + "' holds non-finite value '" +
                       std::string(shorten(text, kMaxExtraBytes)) + "'");
    }
    row.cells.resize(columns);  // pad a short row with missing cells
}

}  // namespace

bool is_unit_row(const std::vector<std::string>& cells) {
    std::size_t non_empty = 0, known = 0;
    bool strong = false;  // one known unit longer than a letter: "x,b,s" stays text
    for (const std::string& cell : cells) {
        std::string_view text = util::trim(cell);
        if (text.empty()) continue;
        ++non_empty;
        if (util::parse_number(text)) return false;
        const bool is_unit = is_composite_unit(text) || parse_unit(text).has_value();
        if (!is_unit && !is_short_token(text)) return false;
        if (is_unit) {
            ++known;
            if (text.size() >= 2 || text == "%") strong = true;
        }
    }
    return non_empty > 0 && strong && known * 2 > non_empty;
}

util::Result<model::Table> read_csv(std::string_view text, const std::string& file) {
    if (util::starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
    if (trim_fast(text).empty()) return util::make_error(file, 0, "empty file");

    model::Table table;
    table.file = file;
    Scanner scanner(text);
    std::vector<Field> fields;
    std::size_t count = 0;
    long long line = 0;
    auto unterminated = [&] {
        return util::make_error(file, scanner.error_line(), "unterminated quoted field (opened on this line)");
    };

    ScanStatus status;
    while ((status = scanner.next(fields, count, line)) == ScanStatus::record && is_blank(fields, count)) {}
    if (status == ScanStatus::unterminated) return unterminated();
    if (status == ScanStatus::end) return util::make_error(file, 0, "empty file");

    table.line = line;
    table.columns.reserve(count);
    for (std::size_t i = 0; i < count; ++i) table.columns.emplace_back(util::trim(fields[i].text()));
    if (std::all_of(table.columns.begin(), table.columns.end(), [](const std::string& c) { return c.empty(); }))
        return util::make_error(file, line, "header has no column names");
    std::unordered_map<std::string_view, std::size_t> first_seen;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const std::string& name = table.columns[i];
        if (name.empty()) continue;
        auto [it, inserted] = first_seen.emplace(name, i);
        if (!inserted)
            table.warnings.push_back(prefix(file, line) + "duplicate column name '" + name + "' (columns " +
                                     std::to_string(it->second + 1) + " and " + std::to_string(i + 1) + ")");
    }

    const std::size_t columns = table.columns.size();
    WarningList ragged(table.warnings, "ragged rows");
    WarningList non_finite(table.warnings, "non-finite values");
    table.rows.reserve(estimate_rows(text));
    bool second_record = true;
    while ((status = scanner.next(fields, count, line)) == ScanStatus::record) {
        if (is_blank(fields, count)) continue;
        if (count != columns) warn_ragged(ragged, file, line, fields, count, columns);
        if (second_record) {
            second_record = false;
            std::vector<std::string> cells;
            for (std::size_t i = 0; i < count && i < columns; ++i) cells.emplace_back(util::trim(fields[i].cell_text()));
            cells.resize(columns);
            if (is_unit_row(cells)) {
                table.units = std::move(cells);
                continue;
            }
        }
        append_row(table, fields, count, line, non_finite);
    }
    if (status == ScanStatus::unterminated) return unterminated();
    ragged.finish(file);
    non_finite.finish(file);
    return table;
}

}  // namespace ingest
