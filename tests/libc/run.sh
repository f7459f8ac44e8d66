#!/usr/bin/env bash
# tests/libc/run.sh: the "libc" suite: the std/os modules, the qjs shell and qjsc.
#
#   bash tests/libc/run.sh [FILTER]     (QJS=path/to/qjs, QJSC=path/to/qjsc; default build/)
#
# tests/libc/*.js run as modules (`$QJS -m`, tests/js/harness/assert.js prepended) with TEST_TMP set
# to a fresh temporary directory; tests/libc/*.sh run with bash, QJS, QJSC and TEST_TMP in the
# environment. A test passes when it exits with status 0. The last line is "N passed, N failed".
set -u -o pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
export QJS="$(realpath "${QJS:-build/qjs}")"
export QJSC="$(realpath "${QJSC:-$(dirname "$QJS")/qjsc}")"
filter="${1:-}"
limit="${QJS_TEST_TIMEOUT:-10}"
harness="tests/js/harness/assert.js"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
shopt -s nullglob
for test in tests/libc/*.js tests/libc/*.sh; do
    name="$(basename "$test")"
    [[ "$name" == run.sh ]] && continue
    [[ -n "$filter" && "$test" != *"$filter"* ]] && continue
    export TEST_TMP="$tmp/$name.d"
    mkdir -p "$TEST_TMP"
    status=0
    if [[ "$test" == *.js ]]; then
        cat "$harness" "$test" > "$tmp/$name"
        (ulimit -t "$limit" && exec timeout -k 2 $((limit * 10)) "$QJS" -m "$tmp/$name") \
            > "$tmp/$name.out" 2> "$tmp/$name.err" || status=$?
    else
        # Shell tests start many processes (qjsc runs the C compiler): each has the CPU limit, the
        # wall-clock backstop is longer.
        (ulimit -t "$limit" && exec timeout -k 2 $((limit * 30)) bash "$test") \
            > "$tmp/$name.out" 2> "$tmp/$name.err" || status=$?
    fi
    if [[ $status -eq 0 ]]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $test: exit status $status"
        cat "$tmp/$name.out" "$tmp/$name.err" | head -n 20 | sed 's/^/    | /'
    fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
