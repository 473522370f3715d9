#include "cli/options.hpp"

#include <charconv>

namespace cli {

std::optional<std::string> ParsedArgs::value(const std::string& flag) const {
    auto it = values.find(flag);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

util::Result<ParsedArgs> parse_args(std::span<const std::string_view> args, const FlagSpec& spec) {
    ParsedArgs parsed;
    bool only_positionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg(args[i]);
        if (only_positionals || arg.size() < 2 || arg[0] != '-' || arg == "-") {
            parsed.positionals.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positionals = true;
            continue;
        }
        std::string name = arg, value;
        bool has_value = false;
        if (auto eq = arg.find('='); eq != std::string::npos) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            has_value = true;
        }
        if (spec.booleans.count(name)) {
            if (has_value) return util::Error{"flag " + name + " takes no value"};
            parsed.booleans.insert(name);
        } else if (spec.valued.count(name)) {
            if (!has_value) {
                if (i + 1 >= args.size()) return util::Error{"flag " + name + " needs a value (" + name + " VALUE)"};
                value = std::string(args[++i]);
            }
            parsed.values[name] = value;
        } else {
            return util::Error{"unknown flag " + name + " (see --help)"};
        }
    }
    return parsed;
}

util::Result<unsigned> parse_count(const std::string& flag, const std::string& value, unsigned max) {
    unsigned n = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || ptr != value.data() + value.size() || n == 0 || n > max)
        return util::Error{flag + " must be an integer in [1, " + std::to_string(max) + "], got '" + value + "'"};
    return n;
}

util::Result<unsigned> threads_flag(const ParsedArgs& args) {
    auto value = args.value("--threads");
    if (!value) return 0u;
    return parse_count("--threads", *value, 256);
}

}  // namespace cli
