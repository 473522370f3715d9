#pragma once
// The narrative check: every number a report writes in prose must be one of the computed facts'
// numbers. Used on the offline narrator's output in tests and, later, on any LLM's phrasing.
#include <string>
#include <string_view>
#include <vector>

#include "analysis/engine.hpp"

namespace report {

/// Numbers in `markdown` that are not traceable to a fact value. Empty means clean.
///
/// Skipped: fenced code blocks, code spans (any backtick fence length), the `**Date:**` line, the
/// line holding `Execution time:`, table delimiter rows, heading numbers (`## 5.`), list ordinal
/// markers (`1. ` at line start) and ordinals after `: ` or `; ` (`...: 1. a; 2. b`), and verbatim
/// copies of a fact's warning texts (statistical caveats such as "need ≥ 6 samples ...").
/// Words that start with a letter or '_' (`p95`, `x5`, `q4_0`, `gemma3:1b`) are names, not numbers,
/// and so are digit-led words that carry letters other than a unit (`7b`, `1b-it-qat`).
///
/// Checked: every other number token, optionally signed, decimal or exponent form, optionally
/// followed directly by a unit (`12ms`, `1.72x`, `9.3%`). It passes when it equals (as a string,
/// or numerically) the `number` or the unit-less `text` of some FactValue of `analysis`, ignoring
/// its sign; counts and ordinals pass the same way, through make_count values. Purely numeric
/// compounds such as dates, times and IP addresses (`2025-10-02`, `17:25:19`) always fail outside
/// code spans.
///
/// Each entry reads `NUMBER (line L): ...context...`. Pure; thread-safe; O(size of markdown).
std::vector<std::string> untraceable_numbers(std::string_view markdown, const analysis::Analysis& analysis);

}  // namespace report
