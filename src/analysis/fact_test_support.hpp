#pragma once
// Helpers shared by the analysis unit tests (test code only).
#include <string>
#include <vector>

#include "analysis/fact.hpp"
#include "analysis/frame.hpp"

namespace analysis::test_support {

/// The first fact of `kind`, or nullptr.
inline const Fact* find_kind(const std::vector<Fact>& facts, FactKind kind) {
    for (const auto& f : facts)
        if (f.kind == kind) return &f;
    return nullptr;
}

/// Every fact of `kind`, in order.
inline std::vector<const Fact*> of_kind(const std::vector<Fact>& facts, FactKind kind) {
    std::vector<const Fact*> out;
    for (const auto& f : facts)
        if (f.kind == kind) out.push_back(&f);
    return out;
}

/// The value of `fact` labelled `label`, or nullptr.
inline const FactValue* value(const Fact& fact, const std::string& label) {
    for (const auto& v : fact.values)
        if (v.label == label) return &v;
    return nullptr;
}

/// A row that starts on line `n`.
inline FrameRow line(long long n) {
    FrameRow r;
    r.line = n;
    return r;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace analysis::test_support
