#pragma once
// Internal to the JSON reader: the per-value decisions the walker (json_flatten.cpp) applies --
// how a leaf reads as a number, cell or dimension, which keys hold prose, what marks a failure and
// which objects are keyed dimension levels. Pure functions over simdjson DOM values; thread-safe.
#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

#include "model/corpus.hpp"

namespace ingest::json {

/// Prefix of the string sentinels that the reader substitutes for tokens simdjson rejects:
/// `NaN` becomes the JSON string "\u0000NaN", `Infinity` "\u0000Infinity", and a number too large
/// for a double "\u0000Infinity"/"\u0000-Infinity". Real text never starts with NUL, so no genuine
/// string is mistaken for a sentinel.
inline constexpr std::string_view kSentinelPrefix{"\0", 1};

/// The JSON text (a quoted string) of the sentinel for `literal` ("NaN", "Infinity", "-Infinity").
std::string sentinel_json(std::string_view literal);

/// Bound on the walker's recursion; the parser already stops at 1024 levels.
inline constexpr int kMaxDepth = 1100;

/// Longest string (bytes) that can be a dimension value; longer text is prose.
inline constexpr std::size_t kMaxDimensionLength = 120;

/// Longest failure reason text kept (bytes, cut on a UTF-8 boundary, "..." appended).
inline constexpr std::size_t kMaxReasonLength = 200;

/// The object an element holds; the element must be an object.
inline simdjson::dom::object as_object(simdjson::dom::element e) { return e.get_object().value_unsafe(); }

/// The value of a number or number sentinel; nullopt for anything else.
std::optional<double> number_of(simdjson::dom::element e);

/// A table cell: numbers set is_number (integers keep their exact digits, doubles and sentinels use
/// util::format_double), strings as-is, booleans "true"/"false", null (and containers) missing.
model::Cell make_cell(simdjson::dom::element e);

/// Text of a string or bool leaf that may be a dimension value: not blank, not a sentinel, at most
/// kMaxDimensionLength bytes. nullopt otherwise.
std::optional<std::string_view> dimension_text(simdjson::dom::element e);

/// True for keys holding prose or diagnostics rather than configuration: any '_'-separated word of
/// the normalised key is prompt(s), response(s), text(s), output(s), graph, preview, content,
/// message(s), completion(s), error(s), traceback, stderr, stdout, exception, variations, reasoning.
bool is_prose_key(std::string_view key);

/// English singular of a plural key: "backends" -> "backend", "processes" -> "process",
/// "categories" -> "category"; "status", "series" and non-plurals unchanged.
std::string singular(std::string_view key);

/// Whitespace runs collapsed to one space, cut to kMaxReasonLength bytes on a UTF-8 boundary.
std::string clip_reason(std::string_view text);

/// Failure marked by an object's own members: `"success": false` and/or a non-blank `"error"`
/// string (or an error object's "message"). Reason: `<prefix>success=false[: <error>]` or
/// `<prefix>error: <error>`. Keys compare case-insensitively.
std::optional<std::string> direct_failure(simdjson::dom::object obj, std::string_view prefix);

/// A failure marked anywhere in an object's tree of objects (not inside arrays, nor below nested
/// dimension levels, whose entries answer for themselves). The first marker in document order wins;
/// `prefix` + the path to the marking object starts the reason.
std::optional<std::string> find_failure(simdjson::dom::object obj, const std::string& prefix, int depth);

/// True for an object whose values are 2+ objects (nulls aside, none empty), each sharing at least
/// half of the larger key set with the first: `"backends": {"eager": {...}, "onnx": {...}}`.
/// Cost: sorts each entry's keys.
bool is_dimension_level(simdjson::dom::object obj);

/// "metrics[2].gpu" -> "metrics[*].gpu": arrays nested in records share one table.
std::string star_indices(std::string_view path);

}  // namespace ingest::json
