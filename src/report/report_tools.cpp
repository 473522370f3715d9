#include "report/report_tools.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace report {

namespace {

/// Fields of an Ollama /api/generate response that no other tool writes under these names.
constexpr std::string_view kOllamaFields[] = {"eval_count", "eval_duration", "load_duration", "prompt_eval_count",
                                              "prompt_eval_duration", "total_duration"};

// The field itself or a path ending in it ("response.eval_duration", "metrics_load_duration").
bool is_ollama_field(std::string_view name) {
    return std::any_of(std::begin(kOllamaFields), std::end(kOllamaFields), [&](std::string_view field) {
        if (!name.ends_with(field)) return false;
        if (name.size() == field.size()) return true;
        char before = name[name.size() - field.size() - 1];
        return !std::isalnum(static_cast<unsigned char>(before));
    });
}

}  // namespace

bool has_ollama_fields(const analysis::Analysis& analysis) {
    for (const auto& frame : analysis.frames)
        for (const auto& m : frame.measures)
            if (is_ollama_field(analysis::measure_key(m))) return true;
    return false;
}

}  // namespace report
