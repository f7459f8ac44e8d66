#!/usr/bin/env bash
# Builds the reactor (build-wasm/ at the repository root) and copies the optimized module to qjs.wasm.
set -eu -o pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bash "$repo/tools/wasm/build.sh"
cp "$repo/build-wasm/qjs-opt.wasm" "$here/qjs.wasm"
