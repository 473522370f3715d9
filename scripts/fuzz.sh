#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 14 and runs each for SECONDS (default 30) from our seed
# corpus. Any crash fails the run; the crashing input is kept under build/fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
status=0
for target in build/fuzz/*_fuzz; do
  name=$(basename "$target" _fuzz)
  case "$name" in
    unit_parser) seeds=fuzz/corpus/units ;;
    *) seeds=fuzz/corpus/${name%_reader} ;;
  esac
  [ -d "$seeds" ] || { echo "no seed folder for $name ($seeds)"; exit 1; }
  work=build/fuzz/work/$name; findings=build/fuzz/findings/$name
  mkdir -p "$work" "$findings"
  echo "-- $name: ${seconds}s from $seeds"
  if ! "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
       -artifact_prefix="$findings/" "$work" "$seeds" 2>"build/fuzz/$name.log"; then
    echo "FUZZ FAILURE in $name: see build/fuzz/$name.log and $findings"; tail -30 "build/fuzz/$name.log"; status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build/fuzz/$name.log" | sed "s/^/   /" || true
done
exit $status
