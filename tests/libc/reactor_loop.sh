#!/usr/bin/env bash
# quickjs-libc's reactor calls driven by a host loop from C (tests/libc/reactor_loop.c, built beside qjs as
# libc_reactor_test).
set -eu
test_bin="$(dirname "$QJS")/libc_reactor_test"
[[ -x "$test_bin" ]] || { echo "$test_bin was not built"; exit 1; }
"$test_bin" 2>&1 | tee "$TEST_TMP/out.txt"
grep -q "expected by the test" "$TEST_TMP/out.txt" # the throwing timer's error was printed
tail -1 "$TEST_TMP/out.txt" | grep -q " 0 failed"
