#!/usr/bin/env bash
# analyze on a generated 1e5-file results tree (design in folder names), against `cat` of the
# same files in the same run (warm page cache): wall seconds, the ratio, and peak RSS.
#   usage: bench/design_tree.sh [DIR=build/design-tree] [FILES=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build/design-tree}; files=${2:-100000}
cmake --preset release >/dev/null && cmake --build --preset release -j "$(nproc)" >/dev/null
[ -d "$dir" ] || python3 bench/make_design_tree.py "$dir" "$files"
now() { date +%s.%N; }
find "$dir" -type f -print0 | xargs -0 cat > /dev/null  # warm the cache
t0=$(now); find "$dir" -type f -print0 | xargs -0 cat > /dev/null; t1=$(now)
rm -rf build/design-tree-report
t2=$(now)
rc=0; /usr/bin/time -f "%M" -o build/design-tree-rss.txt build/release/chimera-insight analyze "$dir" --out build/design-tree-report --llm none > /dev/null || rc=$?
t3=$(now)
awk -v n="$(find "$dir" -type f | wc -l)" -v c0="$t0" -v c1="$t1" -v a0="$t2" -v a1="$t3" -v rss="$(cat build/design-tree-rss.txt)" \
    -v lines="$(wc -l < build/design-tree-report/report.md)" 'BEGIN {
  printf "files: %d\ncat: %.2f s\nanalyze: %.2f s (%.1fx cat), peak RSS %.0f MiB, report.md %d lines\n",
         n, c1 - c0, a1 - a0, (a1 - a0) / (c1 - c0), rss / 1024, lines }'
echo "analyze exit status: $rc"
grep -m1 "Execution time" build/design-tree-report/report.md | sed 's/^- /analyze stages: /'
