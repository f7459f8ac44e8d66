#!/usr/bin/env bash
# tools/wasm/test.sh: runs the qjs-wasm package's tests (node --test) against build-wasm/qjs-opt.wasm and
# prints "N passed, N failed" from the runner's summary. With the native Release build in build/, it also
# checks that snapshots pass between build/qjs and the wasm both ways. Exit status: the runner's.
set -u -o pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export QJS_WASM="${QJS_WASM:-$repo/build-wasm/qjs-opt.wasm}"
export QJS_SHELL_WASM="${QJS_SHELL_WASM:-$repo/build-wasm/qjs-shell-opt.wasm}"
# The native shell for the native <-> wasm snapshot exchange (test/native.test.js skips without it).
export QJS_NATIVE="${QJS_NATIVE:-$repo/build/qjs}"
cd "$repo/packages/qjs-wasm"
out="$(mktemp)"
node --test --test-reporter=tap test/*.test.js 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
pass=$(grep -aE '^# pass [0-9]+$' "$out" | tail -n 1 | grep -oE '[0-9]+')
fail=$(grep -aE '^# fail [0-9]+$' "$out" | tail -n 1 | grep -oE '[0-9]+')
rm -f "$out"
if [[ -z "$pass" || -z "$fail" ]]; then
    echo "tools/wasm/test.sh: the test runner printed no summary" >&2
    exit 1
fi
echo "$pass passed, $fail failed"
exit "$status"
