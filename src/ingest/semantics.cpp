#include "ingest/semantics.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "ingest/unit_parser.hpp"
#include "util/strings.hpp"

namespace ingest {

namespace {

using model::Meaning;
using model::Quantity;
using model::Role;
using model::Unit;

bool has_suffix(const std::string& name, std::string_view suffix) {
    return name == suffix.substr(1) || util::ends_with(name, suffix);
}
bool contains(const std::string& name, std::string_view part) { return name.find(part) != std::string::npos; }
bool has_token(const std::string& name, std::string_view token) {
    for (auto piece : util::split(name, '_'))
        if (piece == token) return true;
    return false;
}

Meaning measure(Quantity q, double scale, std::string original, std::string reason) {
    return Meaning{Role::measurement, Unit{q, scale, std::move(original)}, std::move(reason)};
}
Meaning role(Role r, std::string reason) { return Meaning{r, Unit{}, std::move(reason)}; }

bool siblings_have(const NameContext& ctx, std::initializer_list<std::string_view> parts) {
    for (const auto& s : ctx.siblings)
        for (auto p : parts)
            if (contains(s, p)) return true;
    return false;
}

// Sampling options sit next to other Ollama/generation options; GPU telemetry sits next to power,
// utilisation, memory and fan columns.
bool is_sampling_context(const NameContext& ctx) {
    return siblings_have(ctx, {"num_ctx", "num_gpu", "top_p", "top_k", "repeat_penalty", "tokens_s",
                               "ttft", "eval_count", "options", "prompt", "seed", "num_predict"});
}
bool is_telemetry_context(const NameContext& ctx) {
    return siblings_have(ctx, {"power", "fan", "utilization", "util", "memory_used", "clock", "gpu_name"}) ||
           contains(ctx.path, "gpu") || contains(ctx.path, "telemetry") || contains(ctx.path, "sensor");
}

struct SuffixRule {
    std::string_view suffix;
    Quantity quantity;
    double scale;
    std::string_view unit;
};
// Ordered: longer, more specific suffixes first (STYLE rule 8: one table).
constexpr std::array kSuffixRules = {
    SuffixRule{"_tokens_per_second", Quantity::throughput, 1, "tokens/s"},
    SuffixRule{"_tokens_per_sec", Quantity::throughput, 1, "tokens/s"},
    SuffixRule{"_tok_per_s", Quantity::throughput, 1, "tokens/s"},
    SuffixRule{"_tokens_s", Quantity::throughput, 1, "tokens/s"},
    SuffixRule{"_tok_s", Quantity::throughput, 1, "tokens/s"},
    SuffixRule{"_tps", Quantity::throughput, 1, "tokens/s"},
    SuffixRule{"_req_s", Quantity::rate, 1, "req/s"},
    SuffixRule{"_per_second", Quantity::rate, 1, "1/s"},
    SuffixRule{"_ns", Quantity::time, 1e-9, "ns"},
    SuffixRule{"_us", Quantity::time, 1e-6, "us"},
    SuffixRule{"_ms", Quantity::time, 1e-3, "ms"},
    SuffixRule{"_msec", Quantity::time, 1e-3, "ms"},
    SuffixRule{"_millis", Quantity::time, 1e-3, "ms"},
    SuffixRule{"_seconds", Quantity::time, 1, "s"},
    SuffixRule{"_secs", Quantity::time, 1, "s"},
    SuffixRule{"_sec", Quantity::time, 1, "s"},
    SuffixRule{"_s", Quantity::time, 1, "s"},
    SuffixRule{"_bytes", Quantity::bytes, 1, "B"},
    SuffixRule{"_kb", Quantity::bytes, 1024.0, "KB"},
    SuffixRule{"_kib", Quantity::bytes, 1024.0, "KiB"},
    SuffixRule{"_mb", Quantity::bytes, 1048576.0, "MB"},
    SuffixRule{"_mib", Quantity::bytes, 1048576.0, "MiB"},
    SuffixRule{"_gb", Quantity::bytes, 1073741824.0, "GB"},
    SuffixRule{"_gib", Quantity::bytes, 1073741824.0, "GiB"},
    SuffixRule{"_percent", Quantity::percent, 1, "%"},
    SuffixRule{"_pct", Quantity::percent, 1, "%"},
    SuffixRule{"_watts", Quantity::power, 1, "W"},
    SuffixRule{"_w", Quantity::power, 1, "W"},
    SuffixRule{"_mhz", Quantity::frequency, 1e6, "MHz"},
    SuffixRule{"_ghz", Quantity::frequency, 1e9, "GHz"},
    SuffixRule{"_hz", Quantity::frequency, 1, "Hz"},
    SuffixRule{"_c", Quantity::temperature, 1, "degC"},
};

// Names that are configuration or grouping keys whatever their values look like.
constexpr std::array<std::string_view, 40> kDimensionNames = {
    "model", "model_name", "tag", "quant", "quantization", "backend", "device", "dtype", "prompt",
    "prompt_text", "config", "config_name", "configuration", "name", "test_name", "context", "tone",
    "num_gpu", "num_ctx", "num_thread", "num_batch", "num_predict", "batch_size", "seq_len", "top_p",
    "top_k", "repeat_penalty", "seed", "options", "host", "scenario", "agent", "strategy",
    "target_backend", "provider", "engine", "precision", "opset", "n_prompt", "n_gen"};

// Load settings of serving benchmarks: what the load generator was told to do, not what it
// measured (vLLM's request_rate and max_concurrency, a rate sweep's configured_rps).
constexpr std::array<std::string_view, 5> kLoadSettingNames = {"request_rate", "max_concurrency", "concurrency",
                                                                "burstiness", "num_concurrent"};
constexpr std::array<std::string_view, 3> kSettingPrefixes = {"configured_", "requested_", "target_"};

bool is_load_setting(const std::string& n) {
    if (std::find(kLoadSettingNames.begin(), kLoadSettingNames.end(), n) != kLoadSettingNames.end()) return true;
    return std::any_of(kSettingPrefixes.begin(), kSettingPrefixes.end(), [&](std::string_view p) { return n.size() > p.size() && n.starts_with(p); });
}

constexpr std::array<std::string_view, 10> kIdentifierNames = {
    "id", "index", "idx", "prompt_index", "run", "run_id", "run_index", "iteration", "row", "action_id"};

constexpr std::array<std::string_view, 12> kTextNames = {
    "response", "output", "text", "notes", "note", "banter_text", "message", "description",
    "graph_preview", "variations", "content", "summary"};

bool is_count_name(const std::string& n) {
    return n == "runs" || n == "samples" || n == "count" || n == "completed" || n == "warmup_runs" ||
           n == "samples_per_run" || has_suffix(n, "_tests") || has_suffix(n, "_runs") ||
           has_suffix(n, "_detected") || has_suffix(n, "_samples") || n == "n";
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

std::optional<Meaning> by_role_name(const std::string& n, const NameContext& ctx) {
    if (n == "error" || n == "errors" || n == "error_message" || n == "exception" || has_suffix(n, "_error"))
        return role(Role::error, "name '" + n + "' holds error text");
    if (n == "success" || n == "ok" || n == "passed" || n == "succeeded" || has_suffix(n, "_success"))
        return role(Role::success_flag, "name '" + n + "' is a success flag");
    if (contains(n, "timestamp") || contains(n, "datetime") || has_suffix(n, "_at") || n == "date" ||
        has_token(n, "date") || n == "generated" || (n == "execution_time" && !ctx.all_numeric))
        return role(Role::timestamp, "name '" + n + "' is a wall-clock time");
    if (in(kIdentifierNames, n) || has_suffix(n, "_id") || n == "pid")
        return role(Role::identifier, "name '" + n + "' numbers records");
    if (n == "create_time" || n == "start_time" || n == "end_time" || n == "created")
        return role(Role::timestamp, "name '" + n + "' is a wall-clock time");
    if (in(kTextNames, n)) return role(Role::text, "name '" + n + "' holds free text");
    return std::nullopt;
}

std::optional<Meaning> by_quantity_name(const std::string& n, const NameContext& ctx) {
    if (n == "temperature" || n == "temp" || has_suffix(n, "_temperature") || has_suffix(n, "_temp")) {
        if ((n == "temperature" || n == "temp") && is_sampling_context(ctx) && !is_telemetry_context(ctx))
            return role(Role::dimension, "'temperature' next to generation options/metrics => sampling option");
        if (is_telemetry_context(ctx) || n != "temperature")
            return measure(Quantity::temperature, 1, "degC", "'" + n + "' in hardware telemetry => degrees Celsius");
        return role(Role::dimension, "'temperature' without telemetry context => sampling option");
    }
    if (n == "tokens_s" || n == "tokens_per_second" || n == "tokens_per_sec" || n == "tok_s" || n == "tps" ||
        (n == "throughput" && is_sampling_context(ctx)))
        return measure(Quantity::throughput, 1, "tokens/s", "'" + n + "' = tokens per second");
    if (n == "eval_count" || n == "prompt_eval_count" || n == "tokens" || has_suffix(n, "_tokens") ||
        has_suffix(n, "_token_count") || n == "completion_tokens" || n == "prompt_tokens" || n == "predicted_n" ||
        n == "prompt_n")
        return measure(Quantity::tokens, 1, "tokens", "'" + n + "' counts tokens");
    if (has_suffix(n, "_duration") && !has_suffix(n, "_duration_s") && !has_suffix(n, "_duration_ms"))
        return measure(Quantity::time, 1e-9, "ns", "'" + n + "' without unit: Ollama durations are nanoseconds");
    if (contains(n, "speedup") || has_suffix(n, "_ratio") || n == "ratio")
        return measure(Quantity::ratio, 1, "x", "'" + n + "' is a ratio");
    if (n == "power_draw" || n == "power" || has_suffix(n, "_power") || n == "power_limit")
        return measure(Quantity::power, 1, "W", "'" + n + "' is power => watts");
    if ((util::starts_with(n, "clock_") || has_suffix(n, "_clock")) && ctx.all_numeric)
        return measure(Quantity::frequency, 1e6, "MHz", "'" + n + "' is a GPU clock; nvidia-smi reports MHz");
    if (n == "fan_speed" && ctx.all_numeric)
        return measure(Quantity::percent, 1, "%", "'fan_speed' is reported in percent by nvidia-smi");
    if (has_suffix(n, "_chars") || has_suffix(n, "_count") || is_count_name(n))
        return measure(Quantity::count, 1, "", "'" + n + "' is a count");
    return std::nullopt;
}

std::optional<Meaning> by_suffix(const std::string& n) {
    for (const auto& rule : kSuffixRules) {
        if (!has_suffix(n, rule.suffix)) continue;
        // "_s" alone is too short to trust on names like "runs" or "is": require a word before it.
        if (rule.suffix == "_s" && n.size() <= 2) continue;
        std::string reason = "suffix '" + std::string(rule.suffix) + "' => " + std::string(rule.unit);
        if (rule.quantity == Quantity::bytes && rule.scale > 1)
            reason += " (binary multiples, as psutil and nvidia-smi report them)";
        return measure(rule.quantity, rule.scale, std::string(rule.unit), reason);
    }
    if (util::starts_with(n, "percent") || contains(n, "utilization") || has_suffix(n, "_util"))
        return measure(Quantity::percent, 1, "%", "'" + n + "' is a utilisation => percent");
    return std::nullopt;
}

// A latency-like name with no unit: take the unit the sibling time columns use, if they agree.
std::optional<Meaning> by_sibling_time_unit(const std::string& n, const NameContext& ctx) {
    bool timey = contains(n, "time") || contains(n, "latency") || contains(n, "ttft") || contains(n, "eval") ||
                 contains(n, "duration") || contains(n, "load");
    if (!timey || !ctx.all_numeric) return std::nullopt;
    std::set<std::string> units;
    for (const auto& s : ctx.siblings) {
        if (s == n) continue;
        if (auto m = by_suffix(s); m && m->unit.quantity == Quantity::time) units.insert(m->unit.original);
    }
    if (units.size() != 1) return std::nullopt;
    const std::string& u = *units.begin();
    auto unit = parse_unit(u);
    return measure(Quantity::time, unit ? unit->to_canonical : 1, u,
                   "'" + n + "' has no unit; every sibling time column is in " + u + ", so assumed " + u);
}

Meaning by_values(const std::string& n, const NameContext& ctx) {
    if (!ctx.any_value) return role(Role::text, "'" + n + "' has no values");
    if (ctx.all_numeric) {
        if (util::starts_with(n, "num_") || util::starts_with(n, "n_"))
            return role(Role::dimension, "'" + n + "' is a numeric setting (num_/n_ prefix)");
        return measure(Quantity::unknown, 1, "", "numeric, but no unit in name, header or unit row");
    }
    if (ctx.max_text_length > 120) return role(Role::text, "'" + n + "' holds long text");
    return role(Role::dimension, "'" + n + "' holds short labels => dimension");
}

}  // namespace

model::Meaning infer_meaning(std::string_view raw_name, const NameContext& ctx) {
    const std::string n = util::normalise_name(raw_name);
    if (auto m = by_role_name(n, ctx)) return *m;
    if (is_load_setting(n)) return role(Role::dimension, "'" + n + "' is a load setting the benchmark was configured with");
    if (!ctx.unit_text.empty()) {
        if (auto unit = parse_unit(ctx.unit_text); unit && ctx.all_numeric)
            return Meaning{Role::measurement, *unit, "unit row/header gives '" + ctx.unit_text + "'"};
    }
    if (auto m = by_quantity_name(n, ctx)) return *m;
    if (in(kDimensionNames, n) || (util::starts_with(n, "num_") && !contains(n, "_per_")) ||
        has_suffix(n, "_dim") || n == "gpu_layers" || n == "n_gpu_layers" || n == "hidden_size" || n == "embed_dim")
        return role(Role::dimension, "'" + n + "' is a configuration/grouping key");
    if (auto m = by_suffix(n)) {
        if (ctx.any_value && !ctx.all_numeric) return role(Role::text, "'" + n + "' has a unit suffix but non-numeric values");
        return *m;
    }
    if (auto m = by_sibling_time_unit(n, ctx)) return *m;
    if (!ctx.unit_text.empty() && ctx.all_numeric)
        return measure(Quantity::unknown, 1, ctx.unit_text, "unit '" + ctx.unit_text + "' is not one we convert");
    return by_values(n, ctx);
}

void annotate_table(model::Table& table) {
    // Sibling rules look at every other column: beyond a few thousand columns (a malformed or
    // profiler-style export) names alone decide, keeping this linear.
    constexpr std::size_t kMaxSiblingColumns = 4096;
    std::vector<std::string> names;
    if (table.columns.size() <= kMaxSiblingColumns)
        for (const auto& c : table.columns) names.push_back(util::normalise_name(c));
    table.meanings.clear();
    table.meanings.reserve(table.columns.size());
    for (std::size_t col = 0; col < table.columns.size(); ++col) {
        NameContext ctx;
        ctx.siblings = names;
        if (col < table.units.size()) ctx.unit_text = std::string(util::trim(table.units[col]));
        bool numeric = true;
        for (const auto& row : table.rows) {
            if (col >= row.cells.size() || row.cells[col].missing()) continue;
            const auto& cell = row.cells[col];
            ctx.any_value = true;
            numeric = numeric && cell.is_number;
            ctx.max_text_length = std::max(ctx.max_text_length, cell.text.size());
        }
        ctx.all_numeric = ctx.any_value && numeric;
        table.meanings.push_back(infer_meaning(table.columns[col], ctx));
    }
}

void annotate_scalars(std::span<model::Scalar> scalars) {
    // Siblings: scalars whose JSON paths share the same parent.
    std::map<std::string, std::vector<std::string>> by_parent;
    auto parent_of = [](const std::string& path) {
        auto dot = path.find_last_of('.');
        return dot == std::string::npos ? std::string() : path.substr(0, dot);
    };
    for (const auto& s : scalars) by_parent[parent_of(s.source.json_path)].push_back(util::normalise_name(s.key));
    for (auto& [parent, names] : by_parent)
        if (names.size() > 4096) names.clear();  // see annotate_table: keep it linear
    for (auto& s : scalars) {
        NameContext ctx;
        ctx.siblings = by_parent[parent_of(s.source.json_path)];
        ctx.path = util::to_lower(s.source.json_path);
        ctx.any_value = true;
        ctx.all_numeric = true;
        s.meaning = infer_meaning(s.key, ctx);
    }
}

}  // namespace ingest
