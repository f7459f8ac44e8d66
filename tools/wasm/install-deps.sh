#!/usr/bin/env bash
# tools/wasm/install-deps.sh: installs the Debian packages of the wasm32-wasi build when they are missing
# (clang 19 with its wasm32 runtime, libc++ and libc++abi for wasm32, wasi-libc, llvm-19 for the llvm-ar
# that archives LTO bitcode, binaryen for wasm-opt).
# Exits non-zero when they cannot be installed, so CI fails loudly instead of skipping the wasm stage.
set -eu -o pipefail

packages=(clang-19 lld-19 libclang-rt-19-dev-wasm32 libc++-19-dev-wasm32 libc++abi-19-dev-wasm32 wasi-libc
          llvm-19 binaryen)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi
echo "install-deps: installing ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: not root; install these packages: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
