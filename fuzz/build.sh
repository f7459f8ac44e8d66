#!/usr/bin/env bash
# fuzz/build.sh: builds the libFuzzer targets (fuzz/*_fuzzer.cpp) with clang, ASan and UBSan in
# build-fuzz/ (or $1), and the seed generator (snapshot_corpus). Exit status 3 when clang or libFuzzer is missing.
#   bash fuzz/build.sh [BUILD-DIR]
set -eu -o pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
dir="${1:-build-fuzz}"
jobs="${QJS_JOBS:-$(nproc)}"
cxx="$(command -v clang++ || command -v clang++-14 || true)"
cc="$(command -v clang || command -v clang-14 || true)"
if [[ -z "$cxx" || -z "$cc" ]]; then
    echo "fuzz/build.sh: clang is not installed (apt-get install clang libclang-rt-14-dev)"
    exit 3
fi
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' |
    "$cxx" -x c++ -fsanitize=fuzzer - -o /dev/null 2> /dev/null; then
    echo "fuzz/build.sh: $cxx cannot link libFuzzer (apt-get install libclang-rt-14-dev)"
    exit 3
fi
launcher=()
[[ -n "${QJS_FUZZ_LAUNCHER:-}" ]] && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER="$QJS_FUZZ_LAUNCHER")
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
    -DCMAKE_C_FLAGS_DEBUG="-O1 -g" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    -DQJS_SANITIZE=ON -DQJS_FUZZ=ON -DQJS_TESTS=OFF "${launcher[@]}" > /dev/null
cmake --build "$dir" -j "$jobs" --target snapshot_corpus restore_fuzzer parse_fuzzer json_fuzzer regexp_fuzzer \
    bytecode_fuzzer run_fuzzer
