// Generates a large benchmark folder in the shapes of real LLM benchmark artifacts (parameter
// sweeps, prompt runs with failed rows, compilation-backend JSON, per-request JSONL, Markdown
// summaries) for the ingest throughput benchmark. Deterministic for a given seed.
//
// usage: make_bench_folder DIR [FILES=100000] [TARGET_MB=1250]
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

struct Rng {  // SplitMix64: small, fast, identical on every platform
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() >> 11) / 9007199254740992.0; }
    int integer(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
};

std::string num(double v, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

std::string sweep_csv(Rng& rng, int rows) {
    std::string s = "timestamp,model,num_gpu,num_ctx,temperature,ttft_s,tokens_s,load_s,prompt_eval_s,eval_s,prompt_eval_count,eval_count,error\n";
    for (int r = 0; r < rows; ++r) {
        bool cold = r % 9 == 0, failed = rng.integer(0, 40) == 0;
        double load = cold ? rng.uniform(2, 6) : rng.uniform(0.05, 0.1), pe = rng.uniform(0.004, 0.2);
        double rate = failed ? 0 : rng.uniform(40, 110);
        int n = failed ? 0 : rng.integer(50, 900);
        s += "2025-10-0" + std::to_string(1 + r % 9) + "T12:00:00,llama3.1:8b-instruct-q4_0," + std::to_string(40 + 20 * (r % 4)) + "," +
             std::to_string(1024 << (r % 3)) + "," + num(0.2 * (1 + r % 4), 1) + "," + num(failed ? 0 : load + pe, 6) + "," +
             num(rate, 4) + "," + num(failed ? 0 : load, 6) + "," + num(failed ? 0 : pe, 6) + "," +
             num(failed ? 0 : n / rate, 6) + "," + std::to_string(rng.integer(18, 30)) + "," + std::to_string(n) + "," +
             (failed ? "\"Failed to connect to Ollama, please check it is running\"" : "") + "\n";
    }
    return s;
}

std::string runs_csv(Rng& rng, int rows) {
    std::string s = "timestamp,model,prompt_index,prompt_text,ttft_s,tokens_s,response_chars,error,options\n";
    for (int r = 0; r < rows; ++r)
        s += "2025-10-02T19:18:24+00:00,gemma3:latest," + std::to_string(r + 1) +
             ",\"Summarise the incident, in two sentences\nthen list risks.\"," + num(rng.uniform(0.08, 3), 6) + "," +
             num(rng.uniform(60, 105), 2) + "," + std::to_string(rng.integer(30, 4000)) + ",,\"{\"\"temperature\"\":0.3,\"\"top_p\"\":0.9}\"\n";
    return s;
}

std::string backends_json(Rng& rng, int copies) {
    std::string s = "{\"generated_at\": \"2025-10-02T21:21:56Z\", \"model\": {\"name\": \"transformer\", \"device\": \"cuda\", \"dtype\": \"float32\"},\n \"runs\": [";
    for (int c = 0; c < copies; ++c) {
        s += (c ? ",\n" : "") + std::string("{\"backends\": {");
        const char* names[] = {"eager", "jit", "torch_compile", "onnx", "tensorrt"};
        for (int b = 0; b < 5; ++b) {
            bool ok = b != 2;
            double mean = ok ? rng.uniform(0.5, 4) : 0.0;
            s += std::string(b ? ", " : "") + "\"" + names[b] + "\": {\"compilation\": {\"success\": " + (ok ? "true" : "false") +
                 (ok ? "" : ", \"error\": \"Cannot find a working triton installation\"") + "}, \"benchmark\": {\"mean_time_ms\": " +
                 num(mean, 6) + ", \"std_time_ms\": " + num(mean * 0.05, 6) + ", \"min_time_ms\": " + num(mean * 0.9, 6) +
                 ", \"max_time_ms\": " + num(mean * 1.2, 6) + "}}";
        }
        s += "}}";
    }
    return s + "]}\n";
}

std::string requests_jsonl(Rng& rng, int rows) {
    std::string s;
    for (int r = 0; r < rows; ++r)
        s += "{\"request_id\": " + std::to_string(r) + ", \"model\": \"llama3.2:3b\", \"ttft_ms\": " + num(rng.uniform(30, 90), 3) +
             ", \"e2e_ms\": " + num(rng.uniform(500, 3000), 3) + ", \"output_tokens\": " + std::to_string(rng.integer(20, 400)) +
             ", \"success\": true}\n";
    return s;
}

std::string summary_md(Rng& rng, int rows) {
    std::string s = "# Benchmark summary\n\nBest throughput reached " + num(rng.uniform(70, 110), 2) +
                    " tokens/s with a TTFT of " + num(rng.uniform(0.08, 0.2), 3) + " s after warm-up.\n\n## Results\n\n"
                    "| tag | mean_tokens_s | mean_ttft_s |\n| --- | --- | --- |\n";
    for (int r = 0; r < rows; ++r) s += "| q" + std::to_string(4 + r % 5) + "_0 | " + num(rng.uniform(40, 100), 2) + " | " + num(rng.uniform(0.05, 2), 3) + " |\n";
    return s + "\nThe q8_0 build was about " + num(rng.uniform(10, 60), 0) + "% slower.\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_bench_folder DIR [FILES=100000] [TARGET_MB=1250]\n");
        return 2;
    }
    namespace fs = std::filesystem;
    fs::path root = argv[1];
    int files = argc > 2 ? std::atoi(argv[2]) : 100000;
    double target_mb = argc > 3 ? std::atof(argv[3]) : 1250;
    double per_file = target_mb * 1e6 / files;  // bytes a file should average
    Rng rng{42};
    std::uint64_t total = 0;
    for (int i = 0; i < files; ++i) {
        fs::path dir = root / ("run-" + std::to_string(i / 1000));
        if (i % 1000 == 0) fs::create_directories(dir);
        std::string name, text;
        int kind = i % 20;
        if (kind < 8) { name = "sweep_" + std::to_string(i) + ".csv"; text = sweep_csv(rng, static_cast<int>(per_file / 150)); }
        else if (kind < 10) { name = "runs_" + std::to_string(i) + ".csv"; text = runs_csv(rng, static_cast<int>(per_file / 150)); }
        else if (kind < 14) { name = "backends_" + std::to_string(i) + ".json"; text = backends_json(rng, static_cast<int>(per_file / 900)); }
        else if (kind < 17) { name = "requests_" + std::to_string(i) + ".jsonl"; text = requests_jsonl(rng, static_cast<int>(per_file / 125)); }
        else { name = "summary_" + std::to_string(i) + ".md"; text = summary_md(rng, static_cast<int>(per_file / 30)); }
        std::ofstream(dir / name, std::ios::binary) << text;
        total += text.size();
    }
    std::printf("wrote %d files, %.1f MB under %s\n", files, static_cast<double>(total) / 1e6, root.c_str());
    return 0;
}
