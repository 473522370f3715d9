#!/usr/bin/env bash
# Installs the Debian 12 packages Chimera Insight needs to build and test, and nothing else.
# Safe to run again: it only installs what is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config   # toolchain (g++ 12, CMake 3.25)
  libsimdjson-dev        # fast JSON reading (Apache-2.0)
  nlohmann-json3-dev     # JSON writing (MIT)
  libboost-dev           # Boost.Math distributions for confidence intervals (BSL-1.0)
  libgtest-dev libgmock-dev  # unit tests (BSD-3-Clause)
  libbenchmark-dev       # micro-benchmarks (Apache-2.0)
  clang-14 libclang-rt-14-dev  # libFuzzer targets and sanitizers (Apache-2.0 WITH LLVM-exception)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all ${#packages[@]} packages present"
  exit 0
fi
echo "bootstrap: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
