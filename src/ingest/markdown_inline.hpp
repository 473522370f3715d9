#pragma once
// Inline-level helpers for the Markdown reader (markdown_reader.cpp): code spans, ATX headings,
// inline (squashed) heading markers, emphasis stripping. Pure, linear time, safe on any bytes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ingest::md {

/// A copy of `text` in which every inline code span (a backtick run up to the next run of the same
/// length, backticks included) is replaced by spaces. Same length, so offsets found in the copy
/// index `text`. Unmatched backtick runs are kept. O(text.size()).
std::string mask_code_spans(std::string_view text);

/// An ATX heading: level 1-6 and its text without the opening run, the optional closing `#` run
/// and surrounding whitespace (a view into the line).
struct AtxHeading {
    int level = 1;
    std::string_view text;
};

/// The heading when `line` is an ATX heading: up to `max_indent` spaces, 1-6 `#`, then a space,
/// a tab or the end of the line ("#5" and "####### x" are not headings).
std::optional<AtxHeading> parse_atx_heading(std::string_view line, std::size_t max_indent = 3);

/// Offset of the first inline heading marker at or after `from`: a run of 2-6 `#` preceded by
/// whitespace and followed by whitespace and then a character other than whitespace or `#`.
/// Search `masked` (see mask_code_spans) to skip code spans. npos when there is none.
std::size_t find_inline_heading(std::string_view masked, std::size_t from = 0);

/// Cell text without Markdown markup: backticks and `**` removed anywhere, then `__`, `*` or `_`
/// wrapping the whole text removed, then trimmed. "**Failed:** x" -> "Failed: x".
std::string strip_inline_markup(std::string_view text);

/// Replaces `\|` by `|` (the only escape that GFM tables resolve before inline parsing).
std::string unescape_pipes(std::string_view text);

/// The longest prefix of `text` of at most `max_bytes` bytes that does not end inside a UTF-8
/// sequence (continuation bytes 0x80-0xBF are never the first byte kept after a cut).
std::string_view clip_utf8(std::string_view text, std::size_t max_bytes);

/// Moves `offset` (<= text.size()) back to the start of the UTF-8 sequence it points into.
std::size_t utf8_floor(std::string_view text, std::size_t offset);

/// `line` without leading whitespace, blockquote markers (`>`) and one list marker
/// (`-`, `*`, `+`, `1.`, `1)` followed by a space).
std::string_view strip_block_markers(std::string_view line);

}  // namespace ingest::md
