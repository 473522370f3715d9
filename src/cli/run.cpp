#include "cli/run.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "cli/commands.hpp"

#ifndef CHIMERA_VERSION
#define CHIMERA_VERSION "0.0.0"
#endif

namespace cli {

namespace {

void print_help(std::ostream& out) {
    out << "chimera-insight " << CHIMERA_VERSION
        << " - reads LLM/ML benchmark folders and reports only numbers computed from the data\n\n"
           "usage: chimera-insight COMMAND [ARGS]\n"
           "       chimera-insight --help | --version\n\n"
           "commands:\n";
    for (const auto& c : commands()) {
        std::string synopsis(c.synopsis);
        out << "  " << synopsis << std::string(synopsis.size() < 46 ? 46 - synopsis.size() : 1, ' ') << c.description
            << "\n";
    }
    out << "\nResults go to stdout, diagnostics to stderr. Exit status: 0 ok, 1 failure, 2 usage error.\n"
           "Run 'chimera-insight COMMAND --help' for a command's flags.\n";
}

// Edit distance for "did you mean" (ninja's subtool suggestion).
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

}  // namespace

int run(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        print_help(err);
        return kExitUsage;
    }
    std::string_view first = args.front();
    if (first == "--help" || first == "-h" || first == "help") {
        print_help(out);
        return kExitOk;
    }
    if (first == "--version" || first == "-V") {
        out << "chimera-insight " << CHIMERA_VERSION << "\n";
        return kExitOk;
    }
    for (const auto& c : commands())
        if (c.name == first) return c.fn(args.subspan(1), out, err);
    err << "chimera-insight: unknown command '" << first << "'";
    for (const auto& c : commands())
        if (distance(first, c.name) <= 2) {
            err << " (did you mean '" << c.name << "'?)";
            break;
        }
    err << "; run 'chimera-insight --help' for the list\n";
    return kExitUsage;
}

}  // namespace cli
