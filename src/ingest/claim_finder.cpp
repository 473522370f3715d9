#include "ingest/claim_finder.hpp"

#include <algorithm>
#include <cmath>

#include "ingest/markdown_inline.hpp"
#include "ingest/unit_parser.hpp"
#include "util/strings.hpp"

namespace ingest::md {

namespace {

// Sentences longer than this are searched in chunks, so that one 50 MB line without a full stop
// never holds all its matches at once and the claim budget can stop the work early.
constexpr std::size_t kMaxChunk = 64 * 1024;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
}
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool has_digit(std::string_view text) {
    for (char c : text)
        if (is_digit(c)) return true;
    return false;
}

// End of the sentence that starts at `start`: after '.', '!' or '?' followed by whitespace and a
// character that is not a lower-case letter ("e.g. foo" does not end a sentence). Long sentences
// end at a space in the second half of a chunk, or at the chunk end.
std::size_t sentence_end(std::string_view text, std::size_t start) {
    const std::size_t limit = std::min(text.size(), start + kMaxChunk);
    for (std::size_t k = start; k < limit; ++k) {
        const char c = text[k];
        if ((c != '.' && c != '!' && c != '?') || k + 1 >= text.size() || !is_blank(text[k + 1])) continue;
        std::size_t q = k + 1;
        while (q < text.size() && is_blank(text[q])) ++q;
        if (q == text.size() || !(text[q] >= 'a' && text[q] <= 'z')) return k + 1;
    }
    if (limit == text.size()) return limit;
    for (std::size_t k = limit; k > start + kMaxChunk / 2; --k)
        if (is_blank(text[k - 1])) return k;
    return utf8_floor(text, limit) > start ? utf8_floor(text, limit) : limit;
}

// The claim text: the sentence [begin, end) of `segment`, trimmed, or a window of at most
// kMaxClaimText bytes around the number at [at, at + length) when the sentence is longer.
std::string claim_text(std::string_view segment, std::size_t begin, std::size_t end, std::size_t at,
                       std::size_t length) {
    std::string_view sentence = util::trim(segment.substr(begin, end - begin));
    if (sentence.size() <= kMaxClaimText) return std::string(sentence);
    const std::size_t s_begin = static_cast<std::size_t>(sentence.data() - segment.data());
    const std::size_t s_end = s_begin + sentence.size();
    const std::size_t center = at + length / 2;
    std::size_t lo = center > s_begin + kMaxClaimText / 2 ? center - kMaxClaimText / 2 : s_begin;
    std::size_t hi = std::min(s_end, lo + kMaxClaimText);
    lo = hi > s_begin + kMaxClaimText ? hi - kMaxClaimText : s_begin;
    while (lo < hi && (static_cast<unsigned char>(segment[lo]) & 0xC0) == 0x80) ++lo;
    hi = std::max(lo, utf8_floor(segment, hi));
    return std::string(util::trim(segment.substr(lo, hi - lo)));
}

// Words that join two numbers of one unit: "102.85 vs 76.59 tok/s", "46.570 -> 65.180 ms",
// "512→1024→2048 tokens". Words need whitespace before them; arrows do not.
struct Connector {
    std::string_view text;
    bool is_word;
};
constexpr Connector kConnectors[] = {
    {"vs.", true}, {"vs", true}, {"versus", true}, {"->", false}, {"\xe2\x86\x92", false}};

// Moves `j` back over a connector ending at it; false when there is none.
bool skip_connector(std::string_view text, std::size_t& j, std::size_t floor) {
    while (j > floor && is_blank(text[j - 1])) --j;
    for (const Connector& c : kConnectors) {
        const std::size_t need = c.text.size() + (c.is_word ? 1 : 0);
        if (j < floor + need) continue;
        std::string_view cand = text.substr(j - c.text.size(), c.text.size());
        bool same = true;
        for (std::size_t i = 0; i < cand.size(); ++i) same = same && lower(cand[i]) == c.text[i];
        if (!same || (c.is_word && !is_blank(text[j - c.text.size() - 1]))) continue;
        j -= c.text.size();
        while (j > floor && is_blank(text[j - 1])) --j;
        return true;
    }
    return false;
}

// Bare numbers joined by connectors to the number at `at` in `text`, nearest last, at most 8.
// `floor`: numbers must start at or after it (not inside the previous match).
std::vector<std::pair<std::size_t, double>> numbers_before(std::string_view text, std::size_t at,
                                                           std::size_t floor) {
    std::vector<std::pair<std::size_t, double>> found;
    std::size_t j = at;
    while (found.size() < 8 && skip_connector(text, j, floor)) {
        const std::size_t number_end = j;
        while (j > floor && j + 32 > number_end &&
               (is_digit(text[j - 1]) || text[j - 1] == '.' || text[j - 1] == ','))
            --j;
        if (j > floor && (text[j - 1] == '-' || text[j - 1] == '+')) --j;
        // A number glued to an ASCII word ("q4_0") is an identifier; "≈28.6" or "→1024" is fine.
        if (j == number_end || (j > 0 && is_word(text[j - 1]) && static_cast<unsigned char>(text[j - 1]) < 0x80))
            break;
        auto value = util::parse_number(text.substr(j, number_end - j));
        if (!value || !std::isfinite(*value)) break;
        found.insert(found.begin(), {j, *value});
    }
    return found;
}

// "4 x 256 features", "(2×87)": a multiplication sign between numbers, not a ratio.
bool is_multiplication(std::string_view text, const NumberWithUnit& m) {
    if (m.unit.quantity != model::Quantity::ratio) return false;
    std::size_t k = m.offset + m.length;
    while (k < text.size() && is_blank(text[k])) ++k;
    return k < text.size() && is_digit(text[k]);
}

model::Claim make_claim(const ClaimSite& site, std::string text, double value, std::string_view unit_text,
                        const model::Unit& unit) {
    model::Claim claim;
    claim.source.file = site.file;
    claim.source.line = site.line;
    claim.text = std::move(text);
    claim.heading = site.heading;
    claim.value = value;
    claim.unit_text = std::string(unit_text);
    claim.unit = unit;
    return claim;
}

// Claims of one sentence [begin, end) of `masked`; false when the budget ran out.
bool sentence_claims(std::string_view segment, std::string_view masked, std::size_t begin, std::size_t end,
                     const ClaimSite& site, std::vector<model::Claim>& out, bool& found_any) {
    std::string_view sentence = masked.substr(begin, end - begin);
    if (!has_digit(sentence)) return true;
    std::size_t floor = 0;
    for (const NumberWithUnit& m : find_numbers_with_units(sentence)) {
        if (is_multiplication(sentence, m)) continue;
        found_any = true;
        const std::string text = claim_text(segment, begin, end, begin + m.offset, m.length);
        for (const auto& bare : numbers_before(sentence, m.offset, floor)) {
            if (out.size() >= site.max_claims) return false;
            out.push_back(make_claim(site, text, bare.second, m.unit_text, m.unit));
        }
        if (out.size() >= site.max_claims) return false;
        out.push_back(make_claim(site, text, m.value, m.unit_text, m.unit));
        floor = m.offset + m.length;
    }
    return true;
}

// "Tokens per second: 7.90": one claim when the whole content is "label: number" and the label
// names a unit.
void label_claim(std::string_view content, const ClaimSite& site, std::vector<model::Claim>& out) {
    const std::size_t colon = content.rfind(':');
    if (colon == std::string_view::npos || content.size() - colon > 64) return;
    std::string_view rest = util::trim(content.substr(colon + 1));
    while (!rest.empty() && rest.front() == '*') rest.remove_prefix(1);
    while (!rest.empty() && rest.back() == '*') rest.remove_suffix(1);
    auto value = util::parse_number(rest);
    if (!value || !std::isfinite(*value)) return;
    auto unit = unit_in_label(content.substr(0, colon));
    if (!unit) return;
    const std::size_t at = static_cast<std::size_t>(rest.data() - content.data());
    out.push_back(make_claim(site, claim_text(content, 0, content.size(), at, rest.size()), *value,
                             unit->second, unit->first));
}

}  // namespace

std::optional<std::pair<model::Unit, std::string_view>> unit_in_label(std::string_view label) {
    label = util::trim(label);
    while (!label.empty() && (label.back() == '*' || label.back() == ':')) label.remove_suffix(1);
    while (!label.empty() && label.front() == '*') label.remove_prefix(1);
    label = util::trim(label);
    // Start offsets of the last four words, nearest first.
    std::vector<std::size_t> starts;
    std::size_t i = label.size();
    while (i > 0 && starts.size() < 4) {
        while (i > 0 && !is_blank(label[i - 1])) --i;
        starts.push_back(i);
        while (i > 0 && is_blank(label[i - 1])) --i;
    }
    for (std::size_t k = starts.size(); k-- > 0;) {
        std::string_view words = label.substr(starts[k]);
        if (words.size() > 64 || (k == 0 && words.size() == 1)) continue;
        if (k == 0 && util::to_lower(words) == "min") continue;  // "Min: 5" is a minimum, not minutes
        if (auto unit = parse_unit(words)) return std::make_pair(*unit, words);
    }
    return std::nullopt;
}

bool find_prose_claims(std::string_view segment, const ClaimSite& site, std::vector<model::Claim>& out) {
    if (out.size() >= site.max_claims) return false;
    if (!has_digit(segment)) return true;
    const std::string masked = mask_code_spans(segment);
    const std::string_view content = strip_block_markers(masked);
    const std::size_t body = static_cast<std::size_t>(content.data() - masked.data());
    bool found_any = false;
    for (std::size_t start = body; start < body + content.size();) {
        const std::size_t end = sentence_end(masked, start);
        if (!sentence_claims(segment, masked, start, end, site, out, found_any)) return false;
        start = end;
    }
    if (!found_any) {
        const std::string_view original = segment.substr(body, content.size());
        label_claim(original, site, out);
    }
    return true;
}

}  // namespace ingest::md
