#pragma once
// Internals of layout discovery (docs/design.md "Layout"): the word vocabulary, timestamps and
// the reading of one path segment into tokens. Used by layout.cpp and its tests only.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/layout.hpp"

namespace analysis::layout::detail {

/// What a known word is (docs/design.md "Layout", vocabulary).
enum class WordClass {
    precision,       ///< bf16, fp8, q4_k_m: names a factor "precision", never split into key+number
    device,          ///< cpu, cuda: names a factor "device"
    model_family,    ///< llama, qwen, gpt: "llama3" is a name, never key llama=3
    replicate,       ///< run, rep, seed: "run_3" is a repeat
    never_key,       ///< bf, fp, int: "int3" stays a word
    generic_folder,  ///< results, data, runs: too generic to name a factor after
};

/// The class of a known word (ASCII case-insensitive), nullopt for other words.
std::optional<WordClass> word_class(std::string_view word);
/// The class of a value: the whole value, else its first '-'/'_' token ("bf16-v23" -> precision).
std::optional<WordClass> value_class(std::string_view value);
/// The factor name a word class gives ("precision", "device"), "" for classes that name nothing.
std::string_view class_factor_name(WordClass word_class);

/// A plain number: digits with at most one '.' between digits, optional leading '-'.
bool is_number(std::string_view text);
/// True when text is one or more ASCII digits.
bool is_digits(std::string_view text);
/// Length of a timestamp at the start of `text` (20250101-120000, 2025-01-01T12-00-00, 2025-01-01,
/// 20250101, 10-digit epoch seconds), 0 when none. Does not check what follows.
std::size_t timestamp_length(std::string_view text);
/// True when a '-'/'_' part of `value` is a model size ("8b", "0.8b", "7B", "e2b", "a4b", "8x7b").
bool has_model_size_token(std::string_view value);

/// One token of a path segment.
struct Token {
    std::string text;       ///< as written: "gpu80", "run_3", "20250101-120000", "tokio"
    char separator = '\0';  ///< the character before it in the segment ('_' or '-'); '\0' first
    bool keyed = false;     ///< carries its own name (key=value, keyNNN, replicate, timestamp)
    FactorRole role = FactorRole::category;
    std::string key;        ///< keyed only: "gpu", "run", "session"
    std::string value;      ///< keyed only: "80", "0.8" for temp08, "3"
    std::string prefix;     ///< keyed only: literal text before the value ("gpu", "conc-", "run_", "tp=")
    std::string rule;       ///< keyed only: how it was read, for people
    bool leading_zero = false;  ///< keyed only: "temp08" read as 0.8
};

/// Reads a segment (a file name without its extension) into tokens, splitting on '_' and, where
/// every part is keyed, on '-'. Timestamps, replicate markers and vocabulary words stay whole.
std::vector<Token> tokenize(std::string_view segment);

/// A piece of a pattern: literal text, or the place of factor `factor` (>= 0).
struct Piece {
    std::string text;
    int factor = -1;
};

/// The factors read from one varying segment, over its distinct texts.
struct SegmentFactors {
    std::vector<Factor> factors;                  ///< levels not filled yet
    std::vector<std::vector<std::string>> cells;  ///< cells[text][k]: value of factors[k]
    std::vector<Piece> pieces;
};

struct SegmentContext {
    std::size_t segment = 0;
    FactorOrigin origin = FactorOrigin::folder;
    std::string_view parent;  ///< the constant folder above, "" when none or varying
};

/// Reads the factors of one varying segment from its distinct texts (sorted naturally). The
/// pattern follows the first text's tokens; keys it lacks are appended (layout_segment.cpp).
SegmentFactors read_segment(const std::vector<std::string_view>& texts, const SegmentContext& context);

}  // namespace analysis::layout::detail
