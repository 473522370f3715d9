#include <malloc.h>

#include <iostream>
#include <string_view>
#include <vector>

#include "cli/run.hpp"

int main(int argc, char** argv) {
    // Ingest allocates and frees many small objects on several threads: keep freed memory in the
    // process instead of returning it to the kernel after every file (page faults serialise threads).
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    std::vector<std::string_view> args(argv + 1, argv + argc);
    return cli::run(args, std::cout, std::cerr);
}
