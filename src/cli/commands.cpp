#include "cli/commands.hpp"

#include <array>

namespace cli {

namespace {
constexpr std::array kCommands = {
    Command{"ingest", "ingest DIR [--json] [--threads N]",
            "read every CSV/JSON/JSONL/Markdown file under DIR and print the inventory", cmd_ingest},
    Command{"analyze", "analyze DIR [--out OUTDIR] [--llm none]",
            "compute statistics and facts, write OUTDIR/report.md and report.json", cmd_analyze},
};
}  // namespace

std::span<const Command> commands() { return kCommands; }

}  // namespace cli
