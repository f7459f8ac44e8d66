#!/usr/bin/env bash
# fuzz/run.sh: the restore fuzzer as a test suite (tests/run-all.sh's ASan stage). Builds it
# (fuzz/build.sh), writes fresh seed snapshots with this build, restores each seed and each committed
# corpus file once (one test each), then fuzzes for SECONDS (default 60) from those seeds (one test).
# Prints "N passed, N failed"; when clang or libFuzzer is missing it says so loudly and counts nothing.
#   bash fuzz/run.sh [SECONDS]
set -u -o pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
seconds="${1:-60}"
dir="${QJS_FUZZ_DIR:-build-fuzz}"
mkdir -p "$dir"
bash fuzz/build.sh "$dir" > "$dir/fuzz-build.log" 2>&1
status=$?
if [[ $status -eq 3 ]]; then
    cat "$dir/fuzz-build.log"
    echo "**** fuzz/run.sh: SKIPPED: the restore fuzzer needs clang with libFuzzer ****"
    echo "0 passed, 0 failed"
    exit 0
elif [[ $status -ne 0 ]]; then
    tail -n 40 "$dir/fuzz-build.log"
    echo "fuzz/run.sh: the build failed (log: $dir/fuzz-build.log)"
    echo "0 passed, 1 failed"
    exit 1
fi
passed=0
failed=0
work="$dir/fuzz-work"
rm -rf "$work" && mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

one_test() { # NAME COMMAND...: counts the command as one test; shows its output when it fails
    local name="$1"
    shift
    if "$@" > "$work/one.log" 2>&1; then
        passed=$((passed + 1))
    else
        cat "$work/one.log"
        echo "FAIL: $name"
        failed=$((failed + 1))
    fi
}

one_test "writing the seed snapshots" "$dir/snapshot_corpus" "$work/seeds"
# Each seed and committed corpus file once: it must restore without a sanitizer report.
for f in "$work"/seeds/* fuzz/corpus/restore/*; do
    [[ -f "$f" ]] && one_test "$f" "$dir/restore_fuzzer" "$f"
done
# The timed run, from both seed sets; findings go to $work/artifacts.
if "$dir/restore_fuzzer" "$work/corpus" "$work/seeds" fuzz/corpus/restore -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" > "$work/fuzz.log" 2>&1; then
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$work/fuzz.log"
    passed=$((passed + 1))
else
    tail -n 60 "$work/fuzz.log"
    echo "FAIL: the fuzzer found a problem (input in $work/artifacts/)"
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
