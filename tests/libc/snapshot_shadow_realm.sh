#!/usr/bin/env bash
# A ShadowRealm and wrapped functions in a heap snapshot: the realm comes back with its own global state
# and intrinsics, and wrapped functions in both directions still cross the boundary.
set -u
fail() { echo "FAIL: $*"; exit 1; }
expect() { # DESCRIPTION EXPECTED ACTUAL
    [[ "$2" == "$3" ]] || fail "$1: expected [$2], got [$3]"
}
t="$TEST_TMP"

"$QJS" --snapshot "$t/realm.snap" -e '
globalThis.realm = new ShadowRealm();
realm.evaluate("var n = 40; Array.prototype.marker = 7;");
globalThis.bump = realm.evaluate("() => ++n");
globalThis.apply = realm.evaluate("(f, x) => f(x)");
globalThis.keep = realm.evaluate("var saved; (f) => { saved = f; }");
keep((x) => x * 2);
' || fail "a program holding a ShadowRealm can be saved"
expect "realm state" "41 42" "$("$QJS" --restore "$t/realm.snap" -e 'print(bump(), realm.evaluate("n + 1"))')"
expect "inner intrinsics stay apart" "7 undefined" \
    "$("$QJS" --restore "$t/realm.snap" -e 'print(realm.evaluate("[].marker"), [].marker)')"
expect "callable in, result out" "10" "$("$QJS" --restore "$t/realm.snap" -e 'print(apply((x) => x + 1, 9))')"
expect "an outer function kept inside" "14" "$("$QJS" --restore "$t/realm.snap" -e 'print(realm.evaluate("saved(7)"))')"
expect "errors still become TypeErrors" "TypeError" \
    "$("$QJS" --restore "$t/realm.snap" -e 'try { realm.evaluate("throw 1") } catch (e) { print(e.name) }')"
echo ok
