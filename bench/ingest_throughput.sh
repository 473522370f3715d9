#!/usr/bin/env bash
# Ingest throughput on a generated large folder, next to `cat` of the same files in the same run
# (warm page cache). Prints MB/s and files/s for both and the ratio.
#   usage: bench/ingest_throughput.sh [DIR=build/bench-folder] [FILES=100000] [TARGET_MB=1250]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build/bench-folder}; files=${2:-100000}; mb=${3:-1250}
cmake --preset bench >/dev/null && cmake --build --preset bench -j "$(nproc)" >/dev/null
cmake --preset release >/dev/null && cmake --build --preset release -j "$(nproc)" >/dev/null
[ -d "$dir" ] || build/bench/make_bench_folder "$dir" "$files" "$mb"
bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
count=$(find "$dir" -type f | wc -l)
now() { date +%s.%N; }
find "$dir" -type f -print0 | xargs -0 cat > /dev/null  # warm the cache
t0=$(now); find "$dir" -type f -print0 | xargs -0 cat > /dev/null; t1=$(now)
/usr/bin/time -f "%M" -o build/ingest-rss.txt build/release/chimera-insight ingest "$dir" --json > /dev/null
t2=$(now); build/release/chimera-insight ingest "$dir" --json > /dev/null; t3=$(now)
t4=$(now); /usr/bin/time -f "%M" -o build/analyze-rss.txt build/release/chimera-insight analyze "$dir" --out build/bench-report > /dev/null 2>&1 || true; t5=$(now)
awk -v b="$bytes" -v n="$count" -v c0="$t0" -v c1="$t1" -v i0="$t2" -v i1="$t3" -v a0="$t4" -v a1="$t5" -v rss="$(cat build/ingest-rss.txt)" 'BEGIN {
  cat_s = c1 - c0; ing_s = i1 - i0; an_s = a1 - a0;
  printf "folder: %d files, %.1f MB\n", n, b / 1e6;
  printf "cat:    %7.2f s  %8.1f MB/s  %9.0f files/s\n", cat_s, b / 1e6 / cat_s, n / cat_s;
  printf "ingest: %7.2f s  %8.1f MB/s  %9.0f files/s  (ingest --json, peak RSS %.0f MiB)\n", ing_s, b / 1e6 / ing_s, n / ing_s, rss / 1024;
  printf "ratio:  ingest / cat = %.2fx\n", ing_s / cat_s;
  printf "analyze (ingest + analysis + report, wall): %.2f s\n", an_s;
}'
# The report's own stage timings, then ingest vs analysis in one process (issue 3's budget:
# analysis adds at most 50 % to ingest), with the analysis phases.
grep -m1 "Execution time" build/bench-report/report.md | sed 's/^- /analyze stages: /'
build/bench/analysis_cost "$dir" 2
