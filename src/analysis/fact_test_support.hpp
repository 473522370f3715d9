#pragma once
// Helpers shared by the analysis unit tests (test code only).
#include <string>
#include <vector>

#include "analysis/fact.hpp"

namespace analysis::test_support {

/// The first fact of `kind`, or nullptr.
inline const Fact* find_kind(const std::vector<Fact>& facts, FactKind kind) {
    for (const auto& f : facts)
        if (f.kind == kind) return &f;
    return nullptr;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace analysis::test_support
