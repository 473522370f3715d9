#include "analysis/select.hpp"

#include <cmath>

#include "util/strings.hpp"

namespace analysis {

namespace {

using model::Quantity;

int find_measure(const Frame& f, Quantity q, std::initializer_list<std::string_view> words, bool avoid_aggregate) {
    int fallback = -1;
    std::string scratch;
    for (std::size_t i = 0; i < f.measures.size(); ++i) {
        const auto& m = f.measures[i];
        if (q != Quantity::unknown && m.quantity != q) continue;
        const std::string_view n = measure_key(m, scratch);
        bool hit = words.size() == 0;
        for (auto w : words) hit = hit || n.find(w) != std::string_view::npos;
        if (!hit) continue;
        if (avoid_aggregate && (is_aggregate_name(n) || n.find("std") != std::string_view::npos ||
                                n.find("min_") != std::string_view::npos || n.find("max_") != std::string_view::npos)) {
            if (fallback < 0) fallback = static_cast<int>(i);
            continue;
        }
        return static_cast<int>(i);
    }
    return fallback;
}

}  // namespace

bool row_selected(const FrameRow& row, Rows which) {
    if (row.failed) return false;
    return which == Rows::ok || !row.cold;
}

std::vector<double> values_of(const Frame& frame, int m, Rows which) {
    std::vector<double> out;
    if (m < 0) return out;
    for (const auto& row : frame.rows) {
        if (!row_selected(row, which)) continue;
        double v = frame.value(row, static_cast<std::size_t>(m));
        if (std::isfinite(v)) out.push_back(v);
    }
    return out;
}

std::vector<model::Source> sources_of(const Frame& frame, int m, Rows which) {
    std::vector<model::Source> out;
    if (m < 0) return out;
    for (const auto& row : frame.rows)
        if (row_selected(row, which) && std::isfinite(frame.value(row, static_cast<std::size_t>(m)))) add_row_source(out, frame, row);
    return out;
}

namespace {

int find_throughput(const Frame& f) { return find_measure(f, Quantity::throughput, {}, true); }
int find_ttft(const Frame& f) { return find_measure(f, Quantity::time, {"ttft", "first_token"}, true); }
int find_load(const Frame& f) { return find_measure(f, Quantity::time, {"load"}, true); }
int find_latency(const Frame& f) {
    int m = find_measure(f, Quantity::time, {"mean_time", "latency", "generation_time", "e2e", "p50"}, false);
    return m >= 0 ? m : find_measure(f, Quantity::time, {}, true);
}
int find_token_count(const Frame& f) {
    // Generated tokens only: prompt and total counts would inflate a decode rate.
    std::string scratch;
    for (auto want : {"eval_count", "output_tokens", "completion_tokens", "tokens", "generated_tokens"})
        for (std::size_t i = 0; i < f.measures.size(); ++i)
            if (f.measures[i].quantity == Quantity::tokens && measure_key(f.measures[i], scratch) == want) return static_cast<int>(i);
    return -1;
}
int find_decode_time(const Frame& f) {
    std::string scratch;
    for (std::size_t i = 0; i < f.measures.size(); ++i) {
        const std::string_view n = measure_key(f.measures[i], scratch);
        if (f.measures[i].quantity == Quantity::time && (n == "eval_s" || n == "eval_duration" || n == "eval_ms" || n == "decode_s"))
            return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

MeasureRoles find_roles(const Frame& f) {
    return MeasureRoles{find_throughput(f), find_ttft(f), find_load(f), find_latency(f), find_token_count(f), find_decode_time(f)};
}

int throughput_measure(const Frame& f) { return f.roles ? f.roles->throughput : find_throughput(f); }
int ttft_measure(const Frame& f) { return f.roles ? f.roles->ttft : find_ttft(f); }
int load_measure(const Frame& f) { return f.roles ? f.roles->load : find_load(f); }
int latency_measure(const Frame& f) { return f.roles ? f.roles->latency : find_latency(f); }
int token_count_measure(const Frame& f) { return f.roles ? f.roles->tokens : find_token_count(f); }
int decode_time_measure(const Frame& f) { return f.roles ? f.roles->decode : find_decode_time(f); }

std::string describe_dims(const Frame& frame, const FrameRow& row, const std::vector<int>& dims) {
    std::string out;
    for (int d : dims) {
        if (!out.empty()) out += ", ";
        out += frame.dim_names[static_cast<std::size_t>(d)] + "=" + frame.dim(row, static_cast<std::size_t>(d));
    }
    return out;
}

std::string frame_subject(const Frame& frame) {
    for (const auto& key : {"model", "model_name", "model.name"}) {
        std::string v = frame.context_value(key);
        if (!v.empty()) return v;
    }
    // No model recorded: name the subject by the file stem minus words that describe the run
    // rather than the model ("gemma3_270m_param_tuning.csv" -> "gemma3_270m").
    std::string stem = frame.file.str().substr(frame.file.str().find_last_of('/') + 1);
    stem = stem.substr(0, stem.rfind('.'));
    std::string kept;
    for (auto token : util::split(stem, '_')) {
        std::string t = util::to_lower(token);
        bool run_word = t == "baseline" || t == "param" || t == "tuning" || t == "benchmark" || t == "bench" ||
                        t == "runs" || t == "run" || t == "summary" || t == "fixed" || t == "results" || t == "test" ||
                        t == "sweep" || t.empty() || t.find_first_not_of("0123456789") == std::string::npos;
        if (!run_word) kept += (kept.empty() ? "" : "_") + std::string(token);
    }
    return kept.empty() ? frame.file.str() : kept + " (named by file)";
}

}  // namespace analysis
