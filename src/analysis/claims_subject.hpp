#pragma once
// Internal to the prose claim checker (claims_prose.cpp): which raw rows a sentence talks about.
// A claim names its subject with tokens such as `q4_0`, `gemma3:latest`, `torch_compile`, `270m`
// or a file stem; this index maps such tokens to frames and to levels of their subject dimensions.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/frame.hpp"
#include "util/strings.hpp"

namespace analysis::claims_util {

/// Raw rows a claim may speak about: one frame, or one level of one of its subject dimensions.
struct SubjectGroup {
    std::size_t frame = 0;            ///< index into the frames the index was built from
    int dim = -1;                     ///< subject dimension filtered on; -1 for the whole frame
    std::string level;                ///< clean_level() of the level when dim >= 0
    double score = 0;                 ///< specificity: subject words matched, minus unnamed stem parts
    std::vector<std::string> tokens;  ///< the claim tokens that named it
    bool consistent = false;          ///< the text names every distinctive part of the frame's stem

    /// Whether `row` of the group's frame belongs to the group.
    bool contains(const Frame& frame, const FrameRow& row) const;
};

/// What a text names: the groups, or that it names a subject the data does not hold.
struct Resolution {
    std::vector<SubjectGroup> groups;
    bool unknown_subject = false;  ///< e.g. "gemma3:1b-qat" when no frame holds "1b-qat"
};

/// Lower-case tokens of prose, split on whitespace and punctuation other than ':' '.' '_' '-',
/// with those trimmed at both ends; "x_y.csv" also yields "x_y". No duplicates, in order of
/// appearance. Compounds such as "gemma3:270m" stay whole (SubjectIndex splits them).
std::vector<std::string> claim_tokens(std::string_view text);

/// Token -> frames / subject levels, built once per corpus. Keys, by weight:
/// 3 the whole file stem ("gemma3_baseline"); 2 a level of a subject dimension (model, tag,
/// backend, ...) or a subject context value ("llama3.1:8b-instruct-q4_0"); 1 a distinctive part of
/// a stem ("gemma3", "270m"; generic words such as baseline, summary, runs are left out) or of a
/// level ("q4_0" in "llama3.1:8b-instruct-q4_0"). The frames must outlive the index.
class SubjectIndex {
public:
    /// Indexes the frames for which `usable(frame)` holds.
    SubjectIndex(const std::vector<Frame>& frames, const std::function<bool(const Frame&)>& usable);

    /// The groups the tokens of `text` name that `accept` allows. A group's score is the number of
    /// subject words of the text it matches (a compound "gemma3:1b-it-qat" has two: "gemma3" and
    /// "1b-it-qat"; a hit on the whole compound matches both), minus 0.5 per distinctive part of
    /// the frame's stem the text does not name (then the group is not `consistent`). Per frame its
    /// best groups are kept (a level beats the whole frame at equal score); of those, the
    /// best-scoring consistent ones are returned, else the best-scoring ones. So "gemma3" gives
    /// gemma3_baseline and gemma3_param_tuning but not gemma3_270m_baseline, and
    /// "gemma3:1b-it-qat" gives only the 1b-it-qat files. The claim is compared with each group.
    Resolution resolve(std::string_view text, const std::function<bool(const SubjectGroup&)>& accept) const;

private:
    struct Key {
        std::size_t frame = 0;
        int dim = -1;
        std::string level;
        int weight = 0;
    };
    struct Hit {
        const Key* key;
        std::string token;
    };
    std::vector<Hit> hits_of(const std::string& token) const;
    /// False when the tokens name a subject the data does not hold.
    bool collect_hits(const std::vector<std::string>& tokens, std::vector<Hit>& hits) const;
    static std::map<std::string, std::vector<std::string>> subject_words(const std::vector<std::string>& tokens);
    void score(SubjectGroup& g, const std::vector<Hit>& hits, const std::map<std::string, std::vector<std::string>>& cover,
               const std::vector<std::string>& tokens) const;
    void add(const std::string& token, std::size_t frame, int dim, const std::string& level, int weight);
    void index_frame(std::size_t f);

    const std::vector<Frame>& frames_;
    /// Token -> keys; looked up, never iterated, so unordered (10^5 frames give 10^5 tokens).
    std::unordered_map<std::string, std::vector<Key>, util::StringHash, std::equal_to<>> keys_;
    std::vector<std::vector<std::string>> distinctive_;  ///< per frame, distinctive stem parts
};

}  // namespace analysis::claims_util
