#!/usr/bin/env bash
# qjsc: a script and a module (with a relative import and std) compiled to executables that run;
# -e and -c write C; -N and -p name the arrays. (Corrupt images: tests/api/api_c_test.c.)
set -u
fail() { echo "FAIL: $*"; exit 1; }
t="$TEST_TMP"
cd "$t" || exit 1

echo 'print("hello from qjsc", scriptArgs.slice(1).join(","))' > hello.js
"$QJSC" -o hello hello.js || fail "qjsc -o hello"
[[ "$(./hello a b)" == "hello from qjsc a,b" ]] || fail "hello output: $(./hello a b)"
# The C++ runtime is linked in statically (startup maps no libstdc++), except in sanitizer builds.
if command -v ldd > /dev/null && ! ldd "$QJSC" | grep -q -e libasan -e libubsan; then
    ! ldd ./hello | grep -q libstdc++ || fail "the executable loads libstdc++: $(ldd ./hello | grep stdc)"
fi

mkdir -p lib
echo 'export function twice(x) { return 2 * x; }' > lib/util.js
cat > main.js <<'JS'
import * as std from "std";
import { twice } from "./lib/util.js";
std.printf("%d\n", twice(21));
await Promise.resolve();
print(import.meta.main);
JS
"$QJSC" -o main main.js || fail "qjsc module"
[[ "$(./main | paste -sd'|')" == "42|true" ]] || fail "module output: $(./main)"

echo 'throw new Error("compiled failure")' > bad.js
"$QJSC" -o bad bad.js || fail "qjsc bad.js"
./bad 2> bad.err && fail "an uncaught error exits with status 1"
grep -q "compiled failure" bad.err || fail "error printed"

"$QJSC" -e -o out_main.c -N my_prog hello.js || fail "-e"
grep -q "const uint8_t my_prog\[" out_main.c || fail "-N names the array"
grep -q "int main" out_main.c || fail "-e writes main"
"$QJSC" -c -p pre_ -o out_only.c hello.js || fail "-c"
grep -q "const uint8_t pre_hello\[" out_only.c || fail "-p prefixes names"
grep -q "int main" out_only.c && fail "-c writes no main"

# -D: a module only imported dynamically is embedded too (the program runs without the file)
echo 'export const dyn = "dynamic ok";' > lib/dyn.js
echo 'import("./lib/dyn.js").then((m) => print(m.dyn));' > usedyn.js
"$QJSC" -o usedyn -D lib/dyn.js usedyn.js || fail "qjsc -D"
mv lib/dyn.js lib/dyn.js.away
[[ "$(./usedyn)" == "dynamic ok" ]] || fail "-D output: $(./usedyn 2>&1)"
# -M: initialization code for an external C module; -S: the stack size
"$QJSC" -e -M mymod,my_c_mod -S 65536 -o withmod.c hello.js || fail "-M"
grep -q 'js_init_module_my_c_mod(ctx, "mymod")' withmod.c || fail "-M calls the module's init"
grep -q 'JS_SetMaxStackSize(rt, 65536)' withmod.c || fail "-S sets the stack size"

# a syntax error is reported at compile time
echo 'let let' > syn.js
"$QJSC" -o syn syn.js 2>/dev/null && fail "qjsc fails on a syntax error"

# -fno-<feature>: the feature's globals are gone from the program's realm (print still works);
# -fno-module-loader: only embedded modules can be imported; an unknown feature is refused
echo 'print(typeof Map, typeof WeakSet, typeof JSON, typeof Date, typeof "".normalize, typeof Uint8Array, typeof Promise, typeof eval, typeof RegExp, typeof BigInt, typeof Proxy, typeof WeakRef, typeof Object); print([1, { a: "x" }])' > feat.js
"$QJSC" -fno-map -fno-json -fno-date -fno-string-normalize -fno-typedarray -fno-promise -fno-eval \
    -fno-regexp -fno-bigint -fno-proxy -fno-weakref -o feat feat.js || fail "qjsc -fno-*"
[[ "$(./feat | paste -sd'|')" == "$(printf 'undefined %.0s' {1..12})function|[ 1, { a: \"x\" } ]" ]] ||
    fail "-fno-* output: $(./feat 2>&1)"
"$QJSC" -fno-json -o feat2 hello.js && [[ "$(./feat2)" == "hello from qjsc " ]] || fail "-fno-json hello"
echo 'import("./lib/util.js").then(() => print("loaded"), (e) => print("refused", e.name))' > dynload.js
"$QJSC" -o dyn1 dynload.js && [[ "$(./dyn1)" == "loaded" ]] || fail "loader present: $(./dyn1 2>&1)"
"$QJSC" -fno-module-loader -o dyn2 dynload.js && [[ "$(./dyn2)" == "refused TypeError" ]] ||
    fail "-fno-module-loader: $(./dyn2 2>&1)"
"$QJSC" -fno-bogus -o x hello.js 2> bogus.err && fail "an unknown -fno- feature is refused"
grep -q "unknown feature 'bogus'" bogus.err || fail "unknown feature message"

exit 0
