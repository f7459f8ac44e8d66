#!/usr/bin/env bash
# fuzz/run.sh: the libFuzzer targets as a test suite (tests/run-all.sh's ASan stage). Builds them
# (fuzz/build.sh), writes fresh seed snapshots and bytecode images with this build, replays each
# target's seeds and committed corpus once (one test per target), then fuzzes each target for SECONDS
# (default 25; one test per target): restore, bytecode, parse, json, regexp, run.
# Prints "N passed, N failed"; when clang or libFuzzer is missing it says so loudly and counts nothing.
#   bash fuzz/run.sh [SECONDS] [TARGET...]
set -u -o pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
seconds="${1:-25}"
shift $(($# > 0 ? 1 : 0))
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(restore bytecode parse json regexp run)
dir="${QJS_FUZZ_DIR:-build-fuzz}"
mkdir -p "$dir"
bash fuzz/build.sh "$dir" > "$dir/fuzz-build.log" 2>&1
status=$?
if [[ $status -eq 3 ]]; then
    cat "$dir/fuzz-build.log"
    echo "**** fuzz/run.sh: SKIPPED: the fuzz targets need clang with libFuzzer ****"
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
rm -rf "$work" && mkdir -p "$work/seeds/restore" "$work/seeds/bytecode" "$work/artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

one_test() { # NAME LOG COMMAND...: counts the command as one test; shows its log's end when it fails
    local name="$1" log="$2"
    shift 2
    if "$@" > "$log" 2>&1; then
        passed=$((passed + 1))
    else
        tail -n 60 "$log"
        echo "FAIL: $name (log: $log, inputs: $work/artifacts/)"
        failed=$((failed + 1))
    fi
}

one_test "writing the seed snapshots and bytecode images" "$work/seeds.log" \
    "$dir/snapshot_corpus" "$work/seeds/restore" "$work/seeds/bytecode"
for t in "${targets[@]}"; do
    # The input directories: fresh seeds (restore, bytecode), the committed corpus, and source text
    # for the parser from the programs' corpus too.
    inputs=()
    [[ -d "$work/seeds/$t" ]] && inputs+=("$work/seeds/$t")
    [[ -d "fuzz/corpus/$t" ]] && inputs+=("fuzz/corpus/$t")
    [[ "$t" == parse ]] && inputs+=(fuzz/corpus/run)
    mkdir -p "$work/corpus-$t"
    # The run target shares a realm among inputs: libFuzzer's per-input leak check would re-run almost
    # every input under LeakSanitizer (see fuzz/README.md); the check at exit and the runtime's stay.
    extra=()
    [[ "$t" == run ]] && extra=(-detect_leaks=0 -entropic=0)
    # Every seed and committed input once: no sanitizer report, no leak.
    one_test "$t: replaying ${inputs[*]}" "$work/replay-$t.log" \
        "$dir/${t}_fuzzer" -runs=0 "${extra[@]}" -artifact_prefix="$work/artifacts/$t-" "${inputs[@]}"
    # The timed run; new inputs go to $work/corpus-$t, findings to $work/artifacts.
    one_test "$t: fuzzing for ${seconds}s" "$work/fuzz-$t.log" \
        "$dir/${t}_fuzzer" "$work/corpus-$t" "${inputs[@]}" "${extra[@]}" -max_total_time="$seconds" \
        -timeout=30 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-"
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" \
        "$work/fuzz-$t.log" | sed "s/^/$t: /"
done
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
