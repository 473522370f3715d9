#!/usr/bin/env bash
# The whole test suite: release build + tests, the same tests under ASan+UBSan, and a short
# libFuzzer smoke run of every fuzz target (FUZZ_SECONDS each, default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
jobs=$(nproc)

echo "== release build and tests"
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs"

echo "== fuzz smoke runs"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
