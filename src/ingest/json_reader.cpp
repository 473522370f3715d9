#include "ingest/json_reader.hpp"

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "ingest/json_flatten.hpp"
#include "ingest/json_rules.hpp"
#include "util/strings.hpp"

namespace ingest {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr std::size_t kMaxLineWarnings = 20;
constexpr std::size_t kKeepCapacity = std::size_t{64} << 20;  // bigger buffers are freed after a read

/// One parser and one padded input copy per thread: simdjson reads up to SIMDJSON_PADDING bytes
/// past the end of its input, and reusing both avoids two allocations per file.
struct ParseState {
    simdjson::dom::parser parser;
    std::string buffer;
};

ParseState& state() {
    thread_local ParseState parse_state;
    return parse_state;
}

/// Frees a thread's buffers after an unusually large file, so that idle workers do not hold GBs.
struct ReleaseLargeBuffers {
    ReleaseLargeBuffers() = default;
    ReleaseLargeBuffers(const ReleaseLargeBuffers&) = delete;
    ReleaseLargeBuffers& operator=(const ReleaseLargeBuffers&) = delete;
    ~ReleaseLargeBuffers() {
        ParseState& s = state();
        if (s.buffer.capacity() > kKeepCapacity) std::string().swap(s.buffer);
        if (s.parser.capacity() > kKeepCapacity) s.parser = simdjson::dom::parser{};
    }
};

const char* load(std::string_view text) {
    std::string& buffer = state().buffer;
    buffer.assign(text);
    buffer.append(simdjson::SIMDJSON_PADDING, '\0');
    return buffer.data();
}

/// Parses with the thread's parser; `out` stays valid until the thread's next parse.
simdjson::error_code parse(std::string_view text, element& out) {
    const char* data = load(text);
    return state().parser.parse(data, text.size(), false).get(out);
}

std::string_view strip_bom(std::string_view text) {
    return util::starts_with(text, "\xEF\xBB\xBF") ? text.substr(3) : text;
}

std::string depth_message() {
    return "JSON nesting deeper than " + std::to_string(simdjson::DEFAULT_MAX_DEPTH) + " levels";
}

std::string parse_message(simdjson::error_code error) {
    if (error == simdjson::DEPTH_ERROR) return depth_message();
    return std::string("invalid JSON: ") + simdjson::error_message(error);
}

/// Repairs of one kind, reported once with the first line and a count.
struct Note {
    std::string kind;  ///< "NaN", "Infinity", "-Infinity", "overflow", "bigint"
    std::string head;  ///< "non-standard literal 'NaN'"
    std::string tail;  ///< "; read as Infinity"
    long long line = 0;
    std::size_t count = 0;
};

struct Notes {
    std::vector<Note> items;

    void add(std::string kind, std::string head, std::string tail, long long line) {
        for (Note& note : items)
            if (note.kind == kind) { ++note.count; return; }
        items.push_back(Note{std::move(kind), std::move(head), std::move(tail), line, 1});
    }
    void append_to(std::vector<std::string>& warnings, const std::string& file) const {
        for (const Note& note : items) {
            std::string message = file + ": " + note.head + " at line " + std::to_string(note.line) + note.tail;
            if (note.count > 1) message += " (" + std::to_string(note.count) + " occurrences)";
            warnings.push_back(std::move(message));
        }
    }
};

// A number token that simdjson rejects for its range: integers past 64 bits are rewritten as
// doubles, doubles past DBL_MAX as the ±Infinity sentinel. Tiny doubles (1e-400) parse as 0 already.
std::optional<std::string> repair_number(std::string_view token, long long line, Notes& notes) {
    const bool integer = token.find_first_of(".eE") == std::string_view::npos;
    const char* first = token.data();
    const char* last = first + token.size();
    std::from_chars_result result{};
    if (integer && token.front() == '-') {
        std::int64_t ignored = 0;
        result = std::from_chars(first, last, ignored);
    } else if (integer) {
        std::uint64_t ignored = 0;
        result = std::from_chars(first, last, ignored);
    } else {
        double ignored = 0;
        result = std::from_chars(first, last, ignored);
    }
    if (result.ptr != last || result.ec != std::errc::result_out_of_range) return std::nullopt;
    const std::optional<double> value = util::parse_number(token);
    if (!value) return std::nullopt;
    const std::string shown(token.substr(0, 40));
    if (std::isinf(*value)) {
        const std::string literal = *value < 0 ? "-Infinity" : "Infinity";
        notes.add("overflow", "number '" + shown + "' out of range", "; read as " + literal, line);
        return json::sentinel_json(literal);
    }
    if (!integer) return std::nullopt;
    notes.add("bigint", "integer '" + shown + "' exceeds 64 bits", "; read as a double", line);
    return util::format_double(*value);
}

std::optional<std::string> repair_token(std::string_view token, long long line, Notes& notes) {
    for (std::string_view literal : {"NaN", "Infinity", "-Infinity"}) {
        if (token != literal) continue;
        notes.add(std::string(literal), "non-standard literal '" + std::string(literal) + "'", "", line);
        return json::sentinel_json(literal);
    }
    const bool numeric = (token[0] >= '0' && token[0] <= '9') ||
                         (token[0] == '-' && token.size() > 1 && token[1] >= '0' && token[1] <= '9');
    return numeric ? repair_number(token, line, notes) : std::nullopt;
}

bool is_token_char(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' ||
           c == '.' || c == '_';
}

/// Rewrites, outside strings, the tokens Python's json writes but JSON forbids (NaN, Infinity,
/// -Infinity) and numbers out of simdjson's range. Returns nullopt when nothing changed.
/// Replacements contain no line ends, so line numbers stay valid.
std::optional<std::string> repair(std::string_view text, long long first_line, Notes& notes) {
    std::string out;
    out.reserve(text.size() + 64);
    bool changed = false, in_string = false;
    long long line = first_line;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\n') ++line;
        if (in_string || c == '"') {
            if (in_string && c == '\\' && i + 1 < text.size()) out += text[i++];
            else if (c == '"') in_string = !in_string;
            out += text[i++];
            continue;
        }
        if (!is_token_char(c)) { out += c; ++i; continue; }
        std::size_t end = i;
        while (end < text.size() && is_token_char(text[end])) ++end;
        const std::string_view token = text.substr(i, end - i);
        if (auto replacement = repair_token(token, line, notes)) {
            out += *replacement;
            changed = true;
        } else {
            out += token;
        }
        i = end;
    }
    if (!changed) return std::nullopt;
    return out;
}

/// Parses, and on failure parses again after repair(); `holder` keeps the repaired text.
simdjson::error_code parse_repaired(std::string_view text, long long first_line, Notes& notes, element& out,
                                    std::string& holder) {
    simdjson::error_code error = parse(text, out);
    if (!error || error == simdjson::DEPTH_ERROR) return error;
    std::optional<std::string> fixed = repair(text, first_line, notes);
    if (!fixed) return error;
    holder = std::move(*fixed);
    return parse(holder, out);
}

FileContent finish(json::Flattener& flattener, const Notes& notes, std::vector<std::string> warnings,
                   const std::string& file) {
    FileContent content = flattener.finish();
    content.warnings = std::move(warnings);
    notes.append_to(content.warnings, file);
    return content;
}

/// Reads one value per non-blank line. `values` receives the number of lines that parsed.
util::Result<FileContent> read_lines(std::string_view text, const std::string& file, Notes& notes,
                                     std::size_t& values) {
    json::Flattener flattener(file);
    std::vector<std::string> warnings;
    std::size_t bad = 0;
    std::string first_error;
    long long first_bad = 0, line_no = 0;
    values = 0;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        ++line_no;
        const std::string_view line = util::trim(text.substr(start, end - start));
        start = end + 1;
        if (line.empty()) continue;
        element value;
        std::string holder;
        simdjson::error_code error = parse_repaired(line, line_no, notes, value, holder);
        if (!error) {
            flattener.add_line(value, values++, line_no);
            continue;
        }
        if (++bad == 1) { first_error = parse_message(error); first_bad = line_no; }
        if (bad <= kMaxLineWarnings) warnings.push_back(util::make_error(file, line_no, parse_message(error)).message);
    }
    if (values == 0 && bad == 0) return util::make_error(file, 0, "empty file");
    if (values == 0)
        return util::make_error(file, first_bad, first_error + " (none of " + std::to_string(bad) + " lines parses)");
    if (bad > kMaxLineWarnings)
        warnings.push_back(file + ": " + std::to_string(bad - kMaxLineWarnings) + " more invalid lines");
    return finish(flattener, notes, std::move(warnings), file);
}

std::string documents_warning(const std::string& file, std::size_t count) {
    return file + ": " + std::to_string(count) + " JSON documents in one file; read as JSON Lines";
}

/// Pretty-printed documents back to back ("}\n{"): accepted only when every one parses as an
/// object or array and there are at least two.
std::optional<FileContent> read_stream(std::string_view body, const std::string& file, const Notes& notes) {
    const char* data = load(body);
    simdjson::dom::document_stream stream;
    if (state().parser.parse_many(data, body.size(), std::max<std::size_t>(body.size(), 1024)).get(stream))
        return std::nullopt;
    json::Flattener flattener(file);
    std::size_t count = 0, counted_to = 0;
    long long line = 1;
    for (auto it = stream.begin(); it != stream.end(); ++it) {
        element doc;
        if ((*it).get(doc) || (doc.type() != element_type::OBJECT && doc.type() != element_type::ARRAY))
            return std::nullopt;
        const std::size_t at = std::min(it.current_index(), body.size());
        for (; counted_to < at; ++counted_to)
            if (body[counted_to] == '\n') ++line;
        flattener.add_line(doc, count++, line);
    }
    if (count < 2 || stream.truncated_bytes() > 0) return std::nullopt;
    return finish(flattener, notes, {documents_warning(file, count)}, file);
}

/// Several documents in one .json file (tools that append runs), else nullopt.
std::optional<util::Result<FileContent>> read_documents(std::string_view body, const std::string& file,
                                                        Notes& notes) {
    std::size_t non_blank = 0;
    std::string_view first_line;
    for (std::string_view line : util::split(body, '\n')) {
        if (util::trim(line).empty()) continue;
        if (non_blank++ == 0) first_line = util::trim(line);
    }
    element first;
    if (non_blank >= 2 && !parse(first_line, first) &&
        (first.type() == element_type::OBJECT || first.type() == element_type::ARRAY)) {
        std::size_t values = 0;
        util::Result<FileContent> result = read_lines(body, file, notes, values);
        if (result) result->warnings.insert(result->warnings.begin(), documents_warning(file, values));
        return result;
    }
    if (auto content = read_stream(body, file, notes)) return util::Result<FileContent>(std::move(*content));
    return std::nullopt;
}

util::Error invalid_json(const std::string& file, std::string_view text, simdjson::error_code error) {
    long long line = 0;
    std::size_t offset = 0;
    if (error == simdjson::UTF8_ERROR && !util::is_valid_utf8(text, &offset)) line = util::line_of(text, offset);
    return util::make_error(file, line, parse_message(error));
}

}  // namespace

util::Result<FileContent> read_json(std::string_view text, const std::string& file) {
    ReleaseLargeBuffers release;
    text = strip_bom(text);
    if (util::trim(text).empty()) return util::make_error(file, 0, "empty file");
    Notes notes;
    element root;
    std::string repaired;
    const simdjson::error_code error = parse_repaired(text, 1, notes, root, repaired);
    if (!error) {
        json::Flattener flattener(file);
        flattener.add_document(root);
        return finish(flattener, notes, {}, file);
    }
    if (error == simdjson::DEPTH_ERROR) return util::make_error(file, 0, depth_message());
    const std::string_view body = repaired.empty() ? text : std::string_view(repaired);
    if (auto documents = read_documents(body, file, notes)) return std::move(*documents);
    return invalid_json(file, text, error);
}

util::Result<FileContent> read_jsonl(std::string_view text, const std::string& file) {
    ReleaseLargeBuffers release;
    text = strip_bom(text);
    Notes notes;
    std::size_t values = 0;
    return read_lines(text, file, notes, values);
}

}  // namespace ingest
