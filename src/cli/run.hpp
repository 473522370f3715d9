#pragma once
// The whole program as a testable function (STYLE rule 14). Results go to `out`, diagnostics and
// progress to `err`. Exit codes: 0 success, 1 failure, 2 usage error.
#include <ostream>
#include <span>
#include <string_view>

namespace cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

int run(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace cli
