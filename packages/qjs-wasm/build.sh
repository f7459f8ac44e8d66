#!/usr/bin/env bash
# Builds the reactors (build-wasm/ at the repository root) and copies the optimized modules to qjs.wasm
# and qjs-shell.wasm.
set -eu -o pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bash "$repo/tools/wasm/build.sh"
cp "$repo/build-wasm/qjs-opt.wasm" "$here/qjs.wasm"
cp "$repo/build-wasm/qjs-shell-opt.wasm" "$here/qjs-shell.wasm"
