#!/usr/bin/env bash
# tests/js/run.sh: runs every tests/js/*.js with the qjs shell, harness prepended.
#
#   bash tests/js/run.sh [FILTER]          (QJS=path/to/qjs to use another shell; default build/qjs)
#
# Each test is tests/js/harness/assert.js followed by the test file, written to a temporary file
# and run as `$QJS FILE` with a CPU-time limit (QJS_TEST_TIMEOUT seconds, default 10). A test passes
# when the shell exits with status 0 and, when tests/js/<name>.expected exists, its stdout equals that file. The last line printed is
# "N passed, N failed"; the exit status is 1 when anything failed.
# A test whose first line is `// qjs-options: OPTIONS` runs as `$QJS OPTIONS FILE` (for example a
# memory limit).
set -u -o pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
qjs="${QJS:-build/qjs}"
filter="${1:-}"
limit="${QJS_TEST_TIMEOUT:-10}"
harness="tests/js/harness/assert.js"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
shopt -s nullglob
for test in tests/js/*.js; do
    name="$(basename "$test" .js)"
    [[ -n "$filter" && "$test" != *"$filter"* ]] && continue
    cat "$harness" "$test" > "$tmp/$name.js"
    options="$(head -n 1 "$test" | sed -n 's|^// qjs-options: ||p')"
    status=0
    # The limit counts CPU time (ulimit -t: SIGXCPU, status 152), so a loaded machine does not make a
    # test time out; a wall-clock limit of ten times that stays as a backstop.
    # shellcheck disable=SC2086 # the options are words
    (ulimit -t "$limit" && exec timeout -k 2 $((limit * 10)) "$qjs" $options "$tmp/$name.js") \
        > "$tmp/$name.out" 2> "$tmp/$name.err" || status=$?
    reason=""
    if [[ $status -eq 124 || $status -eq 137 || $status -eq 152 ]]; then
        reason="timeout after ${limit}s of CPU time"
    elif [[ $status -ne 0 ]]; then
        reason="exit status $status"
    elif [[ -f "tests/js/$name.expected" ]] && ! cmp -s "$tmp/$name.out" "tests/js/$name.expected"; then
        reason="output differs from tests/js/$name.expected"
    fi
    if [[ -z "$reason" ]]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $test: $reason"
        # Line numbers in messages count the harness's $(wc -l < "$harness") lines too.
        cat "$tmp/$name.out" "$tmp/$name.err" | head -n 20 | sed 's/^/    | /'
        if [[ "$reason" == output* ]]; then
            diff "tests/js/$name.expected" "$tmp/$name.out" | head -n 20 | sed 's/^/    > /'
        fi
    fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
