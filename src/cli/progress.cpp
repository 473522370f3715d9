#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cli {

bool stderr_is_terminal() {
    const char* term = std::getenv("TERM");
    return ::isatty(STDERR_FILENO) == 1 && !(term && std::strcmp(term, "dumb") == 0);
}

std::string format_progress(const ingest::Progress& p) {
    double mb = static_cast<double>(p.bytes_done) / 1e6;
    double rate = p.elapsed_s > 0 ? mb / p.elapsed_s : 0;
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "ingest: %zu/%zu files  %.1f MB  %.1f MB/s", p.files_done, p.files_total, mb,
                  rate);
    return buffer;
}

}  // namespace cli
