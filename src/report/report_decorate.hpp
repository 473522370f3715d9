#pragma once
// Sets the data labels inside fact statements in Markdown code spans, so that readers see what is
// a name (a path, a model tag, a `num_gpu=40` setting, an error text, a timestamp) and what is a
// measured number. The narrative check skips code spans, so this is also what keeps labels such
// as `runs/20250301-101500` or `temperature=0.2` from reading as untraceable numbers.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/engine.hpp"
#include "model/corpus.hpp"
#include "util/strings.hpp"

namespace report {

/// `text` as a Markdown code span: backtick fence longer than any backtick run inside, padded
/// with spaces when the text starts or ends with a backtick; newlines become spaces.
std::string code(std::string_view text);

/// Knows every label of one corpus and analysis. Build once per report; immutable afterwards,
/// so const calls are thread-safe.
class Decorator {
public:
    /// Collects labels: file paths and their folders, frame labels and locators, `name=value`
    /// dimension and context pairs, subject values (model tags, backends), measure and dimension
    /// names, and failure reasons as the analyzers quote them.
    Decorator(const analysis::Analysis& analysis, const model::Corpus& corpus);

    /// `text` with known labels (longest first, on word boundaries), "double-quoted" passages and
    /// timestamps set in code spans. Existing code spans are kept as they are.
    std::string operator()(std::string_view text) const;

    /// A fact's statement, decorated; also marks level labels written as `level: value`
    /// (sweep main effects), which only the fact's own values identify.
    std::string statement(const analysis::Fact& fact) const { return statement(fact, fact.statement); }
    /// The same for a shortened form of the fact's statement (see compact_statement()).
    std::string statement(const analysis::Fact& fact, std::string_view text) const;

private:
    void add(std::string literal);
    std::size_t match_at(std::string_view text, std::size_t pos) const;  ///< literal length or 0

    /// The labels as a byte trie: edges keyed by (node << 8 | byte), so a position costs one hash
    /// lookup per matched byte and stops at the first byte no label continues with (10^5..10^6
    /// labels in a large folder; a scan of labels or of label lengths per position is quadratic).
    std::unordered_map<std::uint64_t, std::uint32_t> edges_;
    std::uint32_t root_[256] = {};       ///< children of the root by byte (0 = none): most positions stop here
    std::vector<bool> terminal_{false};  ///< per node: a label ends here
    util::StringSet added_;               ///< labels already in the trie (during construction only)
};

}  // namespace report
