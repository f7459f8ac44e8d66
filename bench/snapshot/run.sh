#!/usr/bin/env bash
# bench/snapshot/run.sh: builds snapshot_bench (Release, build/) and runs it, with the TypeScript
# compiler from the bench corpus (../shared/bench/bench.tar.xz, unpacked into build/bench-corpus).
#   bash bench/snapshot/run.sh [--runs N]
set -eu -o pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
shared="${QJS_SHARED:-$repo/../shared}"
cmake --build build --target snapshot_bench > /dev/null
library=build/bench-corpus/octane/Typescript.js
if [[ ! -f "$library" && -f "$shared/bench/bench.tar.xz" ]]; then
    mkdir -p build/bench-corpus
    tar -xJf "$shared/bench/bench.tar.xz" -C build/bench-corpus octane/Typescript.js
fi
if [[ -f "$library" ]]; then
    exec build/snapshot_bench "$library" "$@"
fi
echo "run.sh: $shared/bench/bench.tar.xz not found: the library case is skipped"
exec build/snapshot_bench "$@"
