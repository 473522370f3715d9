#pragma once
// A folder of ../shared, ingested and analysed once per test suite (acceptance tests on real
// folders; they skip when ../shared is absent).
#include <filesystem>
#include <memory>

#include "analysis/engine.hpp"
#include "ingest/ingest.hpp"

namespace testing_support {

/// `relative` under the shared folder beside the source tree (../shared/...).
inline std::filesystem::path shared_path(const std::filesystem::path& relative) {
    return std::filesystem::path(CHIMERA_SOURCE_DIR).parent_path() / "shared" / relative;
}

/// The ingested corpus and its analysis; both null when the folder is absent or ingest failed.
/// The analysis views the corpus's tables, so the two live and die together.
struct AnalysedFolder {
    std::unique_ptr<model::Corpus> corpus;
    std::unique_ptr<analysis::Analysis> analysis;

    void load(const std::filesystem::path& dir) {
        if (!std::filesystem::exists(dir)) return;
        auto c = ingest::ingest_folder(dir.string());
        if (!c) return;
        corpus = std::make_unique<model::Corpus>(std::move(*c));
        analysis = std::make_unique<analysis::Analysis>(analysis::analyze(*corpus));
    }
    void reset() {
        analysis.reset();
        corpus.reset();
    }
};

}  // namespace testing_support
