#pragma once
// Small selection helpers shared by the analyzers: which rows count, which measures matter.
#include <string>
#include <vector>

#include "analysis/frame.hpp"

namespace analysis {

enum class Rows {
    ok,    ///< not failed
    warm,  ///< not failed and not a cold start
};

bool row_selected(const FrameRow& row, Rows which);

/// Finite values of measure `m` over the selected rows, in row order.
std::vector<double> values_of(const Frame& frame, int m, Rows which);

/// Sources of the selected rows that hold a finite value of measure `m`.
std::vector<model::Source> sources_of(const Frame& frame, int m, Rows which);

/// Measures by role, -1 when absent. Names are compared after normalisation.
/// Searches the measures for every role below; build_frames keeps the result in Frame::roles.
MeasureRoles find_roles(const Frame& frame);
int throughput_measure(const Frame& frame);   ///< tokens/s (raw, not a mean_ aggregate when both)
int ttft_measure(const Frame& frame);         ///< time to first token
int load_measure(const Frame& frame);         ///< model load time
int latency_measure(const Frame& frame);      ///< the main time measure when there is no TTFT
int token_count_measure(const Frame& frame);  ///< generated tokens (eval_count, tokens, output_tokens)
int decode_time_measure(const Frame& frame);  ///< decode seconds (eval_s, eval_duration)

/// "model=gemma3, num_ctx=1024" for a row's dimensions (only the listed dimension indexes).
std::string describe_dims(const Frame& frame, const FrameRow& row, const std::vector<int>& dims);

/// The subject a frame speaks for: its model context/dimension value, else its file label.
std::string frame_subject(const Frame& frame);

}  // namespace analysis
