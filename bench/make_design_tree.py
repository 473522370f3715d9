#!/usr/bin/env python3
"""Generates a results tree whose design lives in folder names, for the design benchmark:
engine=E/model=M/ctxC/concK/run_R/result.json, one result document of scalars per run
(vLLM-style names), plus a notes file per engine. Deterministic for a given seed.

usage: make_design_tree.py DIR [FILES=100000] [SEED=7]
"""
import json
import os
import random
import sys


def main() -> None:
    root = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    engines = ["vllm", "sglang", "llamacpp", "tgi", "trtllm"]
    models = ["llama-8b", "qwen-7b", "gemma-9b", "mistral-7b", "phi-4b"]
    ctxs = [512, 1024, 2048, 4096]
    concs = [1, 4, 16, 64, 128]
    configs = [(e, m, c, k) for e in engines for m in models for c in ctxs for k in concs]
    runs = max(1, files // len(configs))
    written = 0
    for e, m, c, k in configs:
        base_tps = 300 + 40 * engines.index(e) - 25 * models.index(m)
        for r in range(1, runs + 1):
            d = os.path.join(root, f"engine={e}", f"model={m}", f"ctx{c}", f"conc{k}", f"run_{r}")
            os.makedirs(d, exist_ok=True)
            failed = 1 if rng.random() < 0.01 else 0
            doc = {
                "model_id": m, "max_concurrency": k, "completed": 200 - failed, "failed": failed,
                "tokens_per_second": round(base_tps * (1 + 0.6 * (k ** 0.5)) * rng.uniform(0.95, 1.05), 3),
                "mean_ttft_ms": round((30 + c / 40) * (1 + k / 8) * rng.uniform(0.9, 1.1), 3),
                "p99_ttft_ms": round((60 + c / 20) * (1 + k / 6) * rng.uniform(0.9, 1.2), 3),
                "mean_e2e_latency_ms": round((1800 + c / 2) * (1 + k / 30) * rng.uniform(0.95, 1.05), 3),
                "total_output_tokens": 200 * 256 - failed * 256,
            }
            with open(os.path.join(d, "result.json"), "w") as f:
                json.dump(doc, f)
            written += 1
    print(f"{written} files under {root}")


if __name__ == "__main__":
    main()
