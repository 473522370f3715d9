#pragma once
// A one-line progress display on stderr, redrawn at most ten times a second, only on a terminal.
#include <ostream>

#include "ingest/ingest.hpp"

namespace cli {

/// True when file descriptor 2 is a terminal (and TERM is not "dumb").
bool stderr_is_terminal();

/// Formats "ingest: 1,234/100,000 files  512.3 MB  210.5 MB/s" (no newline).
std::string format_progress(const ingest::Progress& progress);

}  // namespace cli
