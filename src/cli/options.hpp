#pragma once
// A small flag parser shared by the subcommands: positional arguments, boolean flags and
// valued flags (`--name VALUE` or `--name=VALUE`). Unknown flags are usage errors.
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace cli {

struct FlagSpec {
    std::set<std::string> booleans;  ///< e.g. {"--json"}
    std::set<std::string> valued;    ///< e.g. {"--threads", "--out"}
};

struct ParsedArgs {
    std::vector<std::string> positionals;
    std::set<std::string> booleans;
    std::map<std::string, std::string> values;

    bool has(const std::string& flag) const { return booleans.count(flag) > 0; }
    std::optional<std::string> value(const std::string& flag) const;
};

/// Errors name the offending flag and say how to fix it.
util::Result<ParsedArgs> parse_args(std::span<const std::string_view> args, const FlagSpec& spec);

/// `--threads N` if given (0 = not given, meaning one per hardware thread); the error names the flag.
util::Result<unsigned> threads_flag(const ParsedArgs& args);

/// Parses a positive integer flag value; the error names the flag.
util::Result<unsigned> parse_count(const std::string& flag, const std::string& value, unsigned max);

}  // namespace cli
