// Reading one varying path segment into factors (docs/design.md "Layout": factors from a
// segment, file-name sweeps, naming unnamed factors). Tokens come from layout_tokens.cpp.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "analysis/layout_tokens.hpp"

namespace analysis::layout::detail {
namespace {

int add_factor(SegmentFactors& out, Factor factor, const std::vector<std::string>& per_text) {
    out.factors.push_back(std::move(factor));
    for (std::size_t v = 0; v < per_text.size(); ++v) out.cells[v].push_back(per_text[v]);
    return static_cast<int>(out.factors.size()) - 1;
}

bool all_numbers(const std::vector<std::string>& values) {
    return std::all_of(values.begin(), values.end(), [](const std::string& v) { return v.empty() || detail::is_number(v); });
}

/// Name and rule of a factor read from bare (unkeyed) text, by the naming rules in order.
std::pair<std::string, std::string> name_bare(const std::vector<std::string>& values, const SegmentContext& context,
                                              std::string_view word_before) {
    if (!word_before.empty() && all_numbers(values))
        return {std::string(word_before), "numbers named from the constant word before them"};
    std::optional<detail::WordClass> shared;
    bool same_class = true, all_models = true;
    for (const auto& value : values) {
        if (value.empty()) continue;
        auto word_class = detail::value_class(value);
        if (!word_class || (shared && *shared != *word_class)) same_class = false;
        shared = word_class;
        all_models = all_models && detail::has_model_size_token(value);
    }
    if (same_class && shared && !detail::class_factor_name(*shared).empty()) {
        std::string name(detail::class_factor_name(*shared));
        return {name, "varying text named from its values (" + name + " words)"};
    }
    if (all_models) return {"model", "varying text named from its values (model size tokens such as '8b')"};
    if (context.origin == FactorOrigin::file_name) return {"file", "unnamed varying file name"};
    bool generic = detail::word_class(context.parent) == detail::WordClass::generic_folder;
    if (!context.parent.empty() && !generic)
        return {std::string(context.parent),
                "unnamed varying folder, named from its constant parent folder '" + std::string(context.parent) + "'"};
    std::string name = "level" + std::to_string(context.segment);
    std::string rule = "unnamed varying folder at segment " + std::to_string(context.segment);
    if (generic) rule += " (parent '" + std::string(context.parent) + "' too generic to name it)";
    return {name, rule};
}

Factor bare_factor(const std::vector<std::string>& values, const SegmentContext& context, std::string_view word_before) {
    auto [name, rule] = name_bare(values, context, word_before);
    return Factor{.name = std::move(name), .role = all_numbers(values) ? FactorRole::setting : FactorRole::category,
                  .origin = context.origin, .segment = context.segment, .rule = std::move(rule), .levels = {}};
}

/// "11-rate-sweep" -> "rate-sweep": the words of a prefix without leading numbers.
std::string sweep_name(std::string_view prefix) {
    std::string name;
    bool leading = true;
    std::size_t start = 0;
    while (start <= prefix.size()) {
        std::size_t end = std::min(prefix.find_first_of("-_", start), prefix.size());
        std::string_view word = prefix.substr(start, end - start);
        leading = leading && detail::is_number(word);
        if (!leading && !word.empty()) {
            if (!name.empty()) name += '-';
            name += word;
        }
        start = end + 1;
    }
    return name;
}

/// Splits "11-rate-sweep-0.1" into "11-rate-sweep" and "0.1"; {text, ""} when it has no such end.
std::pair<std::string_view, std::string_view> split_trailing_number(std::string_view text) {
    std::size_t at = text.find_last_of("-_");
    if (at == std::string_view::npos || at == 0) return {text, {}};
    std::string_view number = text.substr(at + 1);
    if (!detail::is_number(number) || number.front() == '-') return {text, {}};
    return {text.substr(0, at), number};
}

/// File names that share a template except a trailing number: one setting factor per prefix that
/// occurs with two or more numbers; the rest of the name is a category when it varies.
bool read_file_sweep(const std::vector<std::string>& texts, const SegmentContext& context, SegmentFactors& out,
                     std::vector<Piece>& pieces) {
    std::unordered_map<std::string_view, std::pair<std::size_t, char>> count_of_prefix;  // texts, separator
    for (const auto& text : texts) {
        auto [prefix, number] = split_trailing_number(text);
        if (!number.empty()) count_of_prefix.try_emplace(prefix, 0, text[prefix.size()]).first->second.first++;
    }
    std::vector<std::string_view> sweeps;
    for (const auto& [prefix, count] : count_of_prefix)
        if (count.first >= 2) sweeps.push_back(prefix);
    if (sweeps.empty()) return false;
    std::sort(sweeps.begin(), sweeps.end(), natural_less);
    std::vector<std::string> rest(texts.size());
    std::vector<std::vector<std::string>> numbers(sweeps.size(), std::vector<std::string>(texts.size()));
    for (std::size_t v = 0; v < texts.size(); ++v) {
        auto [prefix, number] = split_trailing_number(texts[v]);
        auto sweep = std::find(sweeps.begin(), sweeps.end(), prefix);
        rest[v] = sweep == sweeps.end() ? texts[v] : std::string(prefix);
        if (sweep != sweeps.end()) numbers[sweep - sweeps.begin()][v] = std::string(number);
    }
    bool rest_varies = std::any_of(rest.begin(), rest.end(), [&](const std::string& r) { return r != rest[0]; });
    if (rest_varies) pieces.push_back({"", add_factor(out, bare_factor(rest, context, {}), rest)});
    for (std::size_t s = 0; s < sweeps.size(); ++s) {
        Factor factor = bare_factor(numbers[s], context, {});
        factor.role = FactorRole::setting;
        if (std::string name = sweep_name(sweeps[s]); !name.empty()) {
            factor.name = name;
            factor.rule = "trailing number of '" + std::string(sweeps[s]) + "-...' named from the words before it "
                          "(leading numbers dropped)";
        }
        char separator = count_of_prefix[sweeps[s]].second;
        pieces.push_back({rest_varies ? std::string("[") + separator : std::string(sweeps[s]) + separator});
        pieces.push_back({"", add_factor(out, std::move(factor), numbers[s])});
        if (rest_varies) pieces.push_back({"]"});
    }
    return true;
}

/// Pieces for varying bare text (one aligned token, or the joined bare tokens).
std::vector<Piece> read_bare(const std::vector<std::string>& texts, const SegmentContext& context,
                             std::string_view word_before, SegmentFactors& out) {
    std::vector<Piece> pieces;
    if (context.origin == FactorOrigin::file_name && read_file_sweep(texts, context, out, pieces)) return pieces;
    pieces.push_back({"", add_factor(out, bare_factor(texts, context, word_before), texts)});
    return pieces;
}

/// One key's values over the distinct texts of a segment.
struct KeyColumn {
    const Token* first = nullptr;              ///< its first token (prefix, role)
    std::vector<std::string> values;           ///< per text, "" when absent
    bool leading_zero = false;
    int factor = -1;
};

struct SegmentTokens {
    std::vector<std::vector<Token>> tokens;                   ///< per distinct text
    std::vector<std::vector<std::size_t>> bare;               ///< per text: indices of bare tokens
    std::vector<KeyColumn> keys;                              ///< in order of first appearance
    std::vector<std::vector<int>> key_of;                     ///< per text, per token: key index or -1
    bool aligned = true;                                      ///< same number of bare tokens everywhere
};

/// A key read in only some of the texts and with one value there (`lfm2.5` among family folders
/// `gemma-4`, `gpt-oss`) is part of a name, not a factor: its tokens are read as bare words. A key
/// is kept when every text has it, or when two or more texts give it different values.
void unkey_rare_keys(std::vector<std::vector<Token>>& tokens) {
    struct Seen {
        std::size_t texts = 0;
        std::string first_value;
        bool several_values = false;
    };
    std::unordered_map<std::string, Seen> seen;
    for (const auto& text : tokens) {
        std::unordered_map<std::string, bool> here;
        for (const auto& token : text) {
            if (!token.keyed || here[token.key]) continue;
            here[token.key] = true;
            Seen& s = seen[token.key];
            if (s.texts++ == 0) s.first_value = token.value;
            else if (token.value != s.first_value) s.several_values = true;
        }
    }
    for (auto& text : tokens)
        for (auto& token : text) {
            if (!token.keyed || token.role == FactorRole::replicate || token.role == FactorRole::session) continue;
            const Seen& s = seen[token.key];
            if (s.texts < tokens.size() && !s.several_values) token.keyed = false;
        }
}

SegmentTokens read_tokens(const std::vector<std::string_view>& texts) {
    SegmentTokens st;
    std::unordered_map<std::string, std::size_t> key_index;
    st.tokens.reserve(texts.size());
    for (auto text : texts) st.tokens.push_back(detail::tokenize(text));
    unkey_rare_keys(st.tokens);
    st.bare.resize(texts.size());
    st.key_of.resize(texts.size());
    for (std::size_t v = 0; v < texts.size(); ++v) {
        st.key_of[v].assign(st.tokens[v].size(), -1);
        for (std::size_t t = 0; t < st.tokens[v].size(); ++t) {
            Token& token = st.tokens[v][t];
            auto [it, added] = key_index.try_emplace(token.key, st.keys.size());
            if (token.keyed && added) st.keys.push_back({&token, std::vector<std::string>(texts.size())});
            if (token.keyed && !added && !st.keys[it->second].values[v].empty()) token.keyed = false;  // repeated key
            if (!token.keyed) {
                if (added) key_index.erase(it);
                st.bare[v].push_back(t);
                continue;
            }
            KeyColumn& column = st.keys[it->second];
            column.values[v] = token.value;
            column.leading_zero = column.leading_zero || token.leading_zero;
            if (token.leading_zero && !column.first->leading_zero) column.first = &token;
            st.key_of[v][t] = static_cast<int>(it->second);
        }
        st.aligned = st.aligned && st.bare[v].size() == st.bare[0].size();
    }
    return st;
}

std::vector<std::string> bare_texts(const SegmentTokens& st, std::size_t position) {
    std::vector<std::string> out(st.tokens.size());
    for (std::size_t v = 0; v < out.size(); ++v) {
        if (!st.aligned) {
            for (std::size_t t : st.bare[v]) out[v] += (out[v].empty() ? "" : "_") + st.tokens[v][t].text;
        } else {
            out[v] = st.tokens[v][st.bare[v][position]].text;
        }
    }
    return out;
}

bool varies(const std::vector<std::string>& values) {
    return std::any_of(values.begin(), values.end(), [&](const std::string& v) { return v != values[0]; });
}

Factor key_factor(const KeyColumn& column, const SegmentContext& context) {
    FactorRole role = column.first->role;
    if (role != FactorRole::replicate && role != FactorRole::session)
        role = all_numbers(column.values) ? FactorRole::setting : FactorRole::category;
    return Factor{.name = column.first->key, .role = role, .origin = context.origin, .segment = context.segment,
                  .rule = column.first->rule, .levels = {}};
}

}  // namespace

SegmentFactors read_segment(const std::vector<std::string_view>& texts, const SegmentContext& context) {
    SegmentTokens st = read_tokens(texts);
    SegmentFactors out;
    out.cells.resize(texts.size());
    auto emit = [&](char separator, std::vector<Piece> pieces) {
        if (!out.pieces.empty() && separator != '\0') out.pieces.push_back({std::string(1, separator)});
        for (auto& piece : pieces) out.pieces.push_back(std::move(piece));
    };
    auto emit_key = [&](KeyColumn& column, char separator, const std::string& text) {
        if (!varies(column.values)) return emit(separator, {{text}});
        column.factor = add_factor(out, key_factor(column, context), column.values);
        emit(separator, {{column.first->prefix}, {"", column.factor}});
    };
    bool joined_done = false;
    for (std::size_t t = 0, bare_position = 0; t < st.tokens[0].size(); ++t) {
        const Token& token = st.tokens[0][t];
        if (int key = st.key_of[0][t]; key >= 0) {
            emit_key(st.keys[key], token.separator, token.text);
            continue;
        }
        std::size_t position = bare_position++;
        if (!st.aligned && joined_done) continue;
        joined_done = true;
        auto values = bare_texts(st, position);
        if (!varies(values)) {
            emit(token.separator, {{token.text}});
            continue;
        }
        bool word_before = position > 0 && st.aligned && !varies(bare_texts(st, position - 1));
        std::string_view before = word_before ? std::string_view(st.tokens[0][st.bare[0][position - 1]].text) : "";
        bool is_word = !before.empty() && std::all_of(before.begin(), before.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        });
        emit(token.separator, read_bare(values, context, is_word && before.size() >= 2 ? before : "", out));
    }
    if (!st.aligned && !joined_done) emit('_', read_bare(bare_texts(st, 0), context, "", out));
    for (auto& column : st.keys)
        if (column.factor < 0 && varies(column.values)) emit_key(column, '_', column.first->text);
    return out;
}

}  // namespace analysis::layout::detail
