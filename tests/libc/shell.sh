#!/usr/bin/env bash
# The qjs shell: options, module detection, scriptArgs, exit statuses, --std, -I, -d, -q, the REPL
# through a pipe, unhandled rejections.
set -u
fail() { echo "FAIL: $*"; exit 1; }
expect() { # DESCRIPTION EXPECTED ACTUAL
    [[ "$2" == "$3" ]] || fail "$1: expected [$2], got [$3]"
}
t="$TEST_TMP"

expect "-e" "3" "$("$QJS" -e 'print(1 + 2)')"
expect "print/console.log" "a 1 true|b" "$("$QJS" -e 'print("a", 1, true); console.log("b")' | paste -sd'|')"
expect "scriptArgs" "s.js,x,y" "$(echo 'print(scriptArgs.join())' > "$t/s.js"; cd "$t" && "$QJS" s.js x y)"
expect "-e leaves files as scriptArgs" '[ "s.js", "x" ]' "$(cd "$t" && "$QJS" -e 'print(scriptArgs)' s.js x)"
expect "no std without --std" "undefined" "$("$QJS" -e 'print(typeof std)')"
expect "--std" "object object" "$("$QJS" --std -e 'print(typeof std, typeof os)')"
expect "std.exit" "7" "$("$QJS" --std -e 'std.exit(7)'; echo $?)"
expect "uncaught error status" "1" "$("$QJS" -e 'throw new Error("x")' 2>/dev/null; echo $?)"
expect "uncaught error text" "Error: boom" "$("$QJS" -e 'throw new Error("boom")' 2>&1 | head -1)"
expect "syntax error status" "1" "$("$QJS" -e 'let let' 2>/dev/null; echo $?)"
expect "-q" "" "$("$QJS" -q -e 'print(1)')"
expect "missing file" "1" "$("$QJS" "$t/nope.js" 2>/dev/null; echo $?)"
expect "unknown option" "2" "$("$QJS" --bogus 2>/dev/null >/dev/null; echo $?)"
"$QJS" -h | grep -q -- "--stack-size" || fail "-h lists --stack-size"

# -s strips all debug information (sources and positions), --strip-source only the sources; also in
# modules and in the functions nested in them.
printf 'function f(a) { return a }\ntry { null.x } catch (e) { print(e.stack.trim()) }\nprint(String(f))\n' > "$t/strip.js"
expect "no stripping" "at <anonymous> ($t/strip.js:2:7)|function f(a) { return a }" \
    "$("$QJS" "$t/strip.js" | paste -sd'|')"
expect "-s" "at <anonymous>|function f() {|    [native code]|}" "$("$QJS" -s "$t/strip.js" | paste -sd'|')"
expect "--strip-source" "at <anonymous> ($t/strip.js:2:7)|function f() {|    [native code]|}" \
    "$("$QJS" --strip-source "$t/strip.js" | paste -sd'|')"
expect "-s in a module" "function g() {|    [native code]|}" \
    "$("$QJS" -s -m -e 'export function g() { return () => 1 }; print(String(g))' | paste -sd'|')"

# module detection: .mjs, import/export first, -m, --script
echo 'import * as std from "std"; std.printf("mod %s\n", typeof import.meta.url);' > "$t/m.js"
expect "import detection" "mod string" "$("$QJS" "$t/m.js")"
echo 'export const x = 1; print("exported")' > "$t/e.js"
expect "export detection" "exported" "$("$QJS" "$t/e.js")"
echo 'print(typeof this === "undefined" ? "module" : "script")' > "$t/k.mjs"
expect ".mjs" "module" "$("$QJS" "$t/k.mjs")"
cp "$t/k.mjs" "$t/k.js"
expect "script by default" "script" "$("$QJS" "$t/k.js")"
expect "-m" "module" "$("$QJS" -m "$t/k.js")"
echo 'import "./k.mjs"' > "$t/imp.js"
expect "relative import" "module" "$("$QJS" "$t/imp.js")"
expect "--script with import" "1" "$("$QJS" --script "$t/m.js" 2>/dev/null; echo $?)"

# -I includes run first
echo 'var included = "yes";' > "$t/inc.js"
expect "-I" "yes" "$("$QJS" -I "$t/inc.js" -e 'print(included)')"

# timers and jobs run before exit; unhandled rejections
expect "loop" "sync|micro|timer" "$("$QJS" -e 'setTimeout(() => print("timer"), 1); Promise.resolve().then(() => print("micro")); print("sync")' | paste -sd'|')"
expect "unhandled rejection status" "1" "$("$QJS" -e 'Promise.reject(new Error("r"))' 2>/dev/null; echo $?)"
"$QJS" -e 'Promise.reject(new Error("r"))' 2>&1 | grep -q "unhandled promise rejection: Error: r" || fail "rejection message"
expect "handled later" "0" "$("$QJS" -e 'const p = Promise.reject(1); p.catch(() => {})' 2>/dev/null; echo $?)"
expect "--no-unhandled-rejection" "0" "$("$QJS" --no-unhandled-rejection -e 'Promise.reject(1)' 2>/dev/null; echo $?)"
expect "timer error goes on" "after" "$("$QJS" --std -e 'os.setTimeout(() => { throw 1 }, 1); os.setTimeout(() => print("after"), 5)' 2>/dev/null)"
expect "top-level await" "done" "$(echo 'await 0; print("done")' > "$t/tla.mjs"; "$QJS" "$t/tla.mjs")"
expect "module rejection" "1" "$(echo 'await Promise.reject(new Error("tla"))' > "$t/rej.mjs"; "$QJS" "$t/rej.mjs" 2>/dev/null; echo $?)"

# limits
expect "--memory-limit" "1" "$("$QJS" --memory-limit 2m -e 'let a = []; for (;;) a.push(new Array(1e5).fill(1))' 2>/dev/null; echo $?)"
"$QJS" --memory-limit 2m -e 'let a = []; for (;;) a.push(new Array(1e5).fill(1))' 2>&1 | grep -q "out of memory" || fail "oom message"
expect "--stack-size" "RangeError" "$("$QJS" --stack-size 200k -e 'function f() { return f() + 1 } try { f() } catch (e) { print(e.name) }')"
"$QJS" -d -e '1' | grep -qi "memory" || fail "-d prints memory usage"
expect "-T" "0" "$("$QJS" -T -e 'print(1)' 2>"$t/trace.txt" >/dev/null; echo $?)"
grep -q "^A [0-9]" "$t/trace.txt" || fail "-T traces allocations"

# the REPL through a pipe: values shown, multi-line input, errors, \q
out="$(printf '1 + 2\nvar o = {a: 1,\n b: [1, "s"]}\no\n"str"\nfunction f() {\n  return 5;\n}\nf()\nundefinedVar\n\\q\nprint("not reached")\n' | "$QJS" -i 2>&1)"
expect "repl" '3
undefined
{ a: 1, b: [ 1, "s" ] }
"str"
undefined
5
ReferenceError: undefinedVar is not defined' "$(echo "$out" | sed -n 1,7p)"
echo "$out" | grep -q "not reached" && fail "\\q ends the REPL"
expect "repl without args" "6" "$(printf '2 * 3\n' | "$QJS")"
expect "repl has std" "function" "$(printf 'typeof std.printf\n' | "$QJS" | tr -d '"')"
exit 0
