#pragma once
// What one reader extracts from one file. Readers are pure: text in, FileContent out.
#include <string>
#include <vector>

#include "model/corpus.hpp"

namespace ingest {

struct FileContent {
    std::vector<model::Table> tables;
    std::vector<model::Scalar> scalars;
    std::vector<model::Claim> claims;
    std::vector<model::Heading> headings;
    std::vector<std::string> warnings;  ///< non-fatal, each "path:line: message"
};

}  // namespace ingest
