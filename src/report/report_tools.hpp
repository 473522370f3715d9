#pragma once
// Which benchmark tool wrote a folder's data, as far as the report needs to know: advice that only
// holds for one tool (Ollama's `keep_alive`, its `eval_duration` fields) is written only when the
// folder has that tool's data (docs/report-schema.md, "report.md"). Internal to src/report; pure.
#include "analysis/engine.hpp"

namespace report {

/// True when some frame measures one of Ollama's own response fields (`eval_duration`,
/// `load_duration`, `prompt_eval_count`, ...; the vocabulary is one table in report_tools.cpp).
bool has_ollama_fields(const analysis::Analysis& analysis);

}  // namespace report
