#pragma once
// Claims in Markdown prose for the Markdown reader (markdown_reader.cpp): numbers with units in a
// sentence, "N vs M unit" comparisons and "Label (unit): N" lines. Pure, linear, safe on any bytes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/corpus.hpp"

namespace ingest::md {

/// Claim::text is at most this many bytes (a window around the number when the sentence is longer).
inline constexpr std::size_t kMaxClaimText = 300;

/// Where the claims of one segment come from. The references must outlive the call.
struct ClaimSite {
    const model::SharedPath& file;
    long long line = 0;
    const std::string& heading;  ///< nearest heading, copied into each Claim::heading
    std::size_t max_claims = 0;  ///< stop once `out` holds this many claims
};

/// Appends to `out` the claims of one prose segment (a paragraph line, a list item, a heading's
/// text, a blockquote; one piece of a squashed line). Code spans are ignored. Per sentence:
/// every ingest::find_numbers_with_units match; a bare number before "vs"/"vs."/"versus" and a
/// matched number (it takes that unit); and, when the whole segment is "label: number" and the
/// label ends in a unit (see unit_in_label), one claim with that unit.
/// Returns false when `site.max_claims` was reached (some claims were not added).
bool find_prose_claims(std::string_view segment, const ClaimSite& site, std::vector<model::Claim>& out);

/// A unit named by the last 1-4 words of a label: "Tokens per second" -> tok/s, "Latency (ms)" -> ms,
/// "Model Size Bytes" -> B. Words are separated by spaces; `*` and a trailing ':' are ignored.
/// A bare single-character word ("x", "s", "b") is not taken as a unit (too ambiguous); "(s)" is.
/// Returns the unit and its spelling (a view into `label`).
std::optional<std::pair<model::Unit, std::string_view>> unit_in_label(std::string_view label);

}  // namespace ingest::md
