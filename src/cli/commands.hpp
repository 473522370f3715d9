#pragma once
// The subcommand table: one entry per command, used for dispatch, --help and "did you mean".
#include <ostream>
#include <span>
#include <string_view>

namespace cli {

using CommandFn = int (*)(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

struct Command {
    std::string_view name;
    std::string_view synopsis;     ///< "ingest DIR [--json] [--threads N]"
    std::string_view description;  ///< one line
    CommandFn fn;
};

/// All subcommands, in the order --help lists them.
std::span<const Command> commands();

int cmd_analyze(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);
int cmd_ingest(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace cli
