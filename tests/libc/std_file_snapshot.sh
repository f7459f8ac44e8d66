#!/usr/bin/env bash
# std's FILE objects in heap snapshots (src/libc/StdFileSnapshot.cpp): std.in/out/err are saved and
# come back bound to the restoring process's streams; an open regular file is refused naming the
# class; a closed one is saved closed.
set -u
fail() { echo "FAIL: $*"; exit 1; }
expect() { # DESCRIPTION EXPECTED ACTUAL
    [[ "$2" == "$3" ]] || fail "$1: expected [$2], got [$3]"
}
t="$TEST_TMP"

"$QJS" --std --snapshot "$t/streams.snap" -e 'globalThis.saved = { out: std.out, err: std.err, n: 5 }' ||
    fail "a program holding std.out and std.err can be saved"
expect "std.out after restore" "restored 5" \
    "$("$QJS" --restore "$t/streams.snap" -e 'saved.out.puts("restored " + saved.n + "\n"); saved.out.flush()')"
expect "std.err after restore" "to stderr" \
    "$("$QJS" --restore "$t/streams.snap" -e 'saved.err.puts("to stderr\n")' 2>&1 > /dev/null)"
expect "std.out is std.out" "true" "$("$QJS" --restore "$t/streams.snap" -e 'print(saved.out === std.out)')"
expect "in restored" "function" "$("$QJS" --restore "$t/streams.snap" -e 'print(typeof std.in.getline)')"

status=0
"$QJS" --std --snapshot "$t/open.snap" -e "globalThis.f = std.open('$t/data.txt', 'w')" 2> "$t/open.err" || status=$?
[[ $status -ne 0 ]] || fail "an open file must make the snapshot fail"
grep -q "class FILE cannot be snapshotted" "$t/open.err" || fail "the refusal names FILE: $(cat "$t/open.err")"

"$QJS" --std --snapshot "$t/closed.snap" -e "globalThis.f = std.open('$t/data.txt', 'w'); f.puts('x'); f.close()" ||
    fail "a closed file can be saved"
expect "closed file after restore" "TypeError" \
    "$("$QJS" --restore "$t/closed.snap" -e 'try { f.puts("y") } catch (e) { print(e.name) }')"
echo ok
