#pragma once
// Layout discovery (docs/design.md "Layout"): the design of an experiment read from the relative
// paths of its files. Files of the same shape (same depth, schema signature and extension) are aligned
// segment by segment; what varies across them becomes a factor, what is constant drops out.
// Pure: paths and signatures in, patterns out; no IO.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace analysis::layout {

/// What a factor's levels are.
enum class FactorRole {
    setting,    ///< numeric levels (ctx=512, rate 0.5): ordered, can be swept
    category,   ///< text levels (tokio, smol; bf16, fp8)
    replicate,  ///< run_3, rep2, seed7, trial1, iter4: repeats of one cell, never a comparison
    session,    ///< a timestamp (20250101-120000, 2025-01-01T12:00): when, not what
};
std::string_view role_name(FactorRole role);

/// Where a factor was read.
enum class FactorOrigin { folder, file_name };
std::string_view origin_name(FactorOrigin origin);

struct Factor {
    std::string name;       ///< "ctx", "rate", "precision", "run"
    FactorRole role = FactorRole::category;
    FactorOrigin origin = FactorOrigin::folder;
    std::size_t segment = 0;  ///< 0-based path segment it was read from (the file name is the last)
    /// The rule that decided name, role and value reading, for people
    /// ("token 'ctx512' => ctx=512", "'08' read as 0.8 (leading zero = decimal point)",
    /// "unnamed varying folder, named from its values (precision words)").
    std::string rule;
    /// Distinct levels in natural order (run_2 before run_10; numbers by value).
    std::vector<std::string> levels;
};

/// One input: a file's relative '/'-separated path and its schema signature (files whose
/// signatures differ are never aligned with each other; "" is a valid signature).
struct FileInput {
    std::string path;
    std::string signature;
};

/// Files of one shape and what varies across them.
struct Pattern {
    /// The path with each factor's place shown as {name}: "results/{family}/{model}/{precision}/11-rate-sweep-{rate}.json".
    std::string pattern;
    std::string signature;
    std::vector<std::size_t> files;  ///< indices into the discover() input, in natural path order
    std::vector<Factor> factors;     ///< in path order
    /// values[i][k]: level of factors[k] for files[i] as read (the number's text for settings,
    /// "0.8" for "temp08"); "" when the file has no value for it.
    std::vector<std::vector<std::string>> values;
};

struct Layout {
    std::vector<Pattern> patterns;  ///< every input file is in exactly one pattern
};

/// Discovers the layout of a set of files. Deterministic: same input, same output, whatever the
/// input order.
Layout discover(std::span<const FileInput> files);

/// Natural order of two path segments or levels: digit runs compare by value ("run_2" < "run_10"),
/// numbers as numbers ("0.5" < "1.0" < "10"), the rest byte by byte.
bool natural_less(std::string_view a, std::string_view b);

/// A token read as key and value: "ctx512" -> {ctx, 512}, "temp08" -> {temp, 0.8} (with the rule),
/// "tp=8" / "tp-8" -> {tp, 8}. `ok` false when the token has no such shape.
struct KeyValue {
    bool ok = false;
    std::string key, value, rule;
    bool leading_zero = false;  ///< the value was read with the leading-zero rule ("08" -> "0.8")
};
KeyValue read_key_value(std::string_view token);

}  // namespace analysis::layout
