#!/usr/bin/env bash
# print/console.log show values as QuickJS 2025's qjs does (the expected lines are its output).
set -u
cat > "$TEST_TMP/p.js" << 'JS'
print({ s: "x", n: -0, a: [1, { b: { c: { d: 1 } } }], f() {}, u: undefined, big: 10n });
var o = {}; o.o = o; print(o);
print([, 1]); print(new Map([[1, 2]])); print("top"); print(new Date(0)); print(new Set([1, "a"]));
print(new Uint8Array([1, 2])); print(class C {}); print(() => 1); print(Symbol.iterator);
print([undefined, null]); print(Object.create(null)); print(new (class Foo { x = 1 })());
print([[[[1]]]]); print({ a: { b: { c: {} } } }); print(/re/g); print(new ArrayBuffer(3));
print(Promise.resolve(1)); print(1, "two", [3]); print([1.5, -0, NaN]); print(new Number(3)); print([]);
print(new Map([[1, { a: 1 }]])); print(Array(103).fill(1).map((x, i) => i % 2)); print({ get x() { return 1; } });
print({ s: Symbol("q") }); print(Object.assign([1, 2], { k: 3 })); print(Symbol(), Symbol("a b"));
console.log("log", { "a-b": 1 });
JS
expected='{ s: "x", n: -0, a: [ 1, [Object] ], f: [Function f], u: undefined, big: 10n }
{ o: [circular 0] }
[ 1: 1 ]
Map(1) { 1 => 2 }
top
1970-01-01T00:00:00.000Z
Set(2) { 1, "a" }
Uint8Array(2) [ 1, 2 ]
[Function C]
[Function (anonymous)]
Symbol("Symbol.iterator")
[ undefined, null ]
{  }
{ x: 1 }
[ [ [Array] ] ]
{ a: { b: [Object] } }
/re/g
ArrayBuffer {  }
Promise {  }
1 two [ 3 ]
[ 1.5, -0, NaN ]
Number {  }
[  ]
Map(1) { 1 => { a: 1 } }
[ 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, ... 3 more items ]
{ x: [Getter] }
{ s: Symbol(q) }
[ 1, 2, k: 3 ]
Symbol("") Symbol("a b")
log { "a-b": 1 }'
actual="$("$QJS" "$TEST_TMP/p.js")"
if [[ "$actual" != "$expected" ]]; then
    diff <(echo "$expected") <(echo "$actual")
    exit 1
fi
# The inspector is compiled at the first print of a non-string (strings never need it); it reads the
# realm's intrinsics, not the globals, so a program that replaced a global still gets its display.
printf '%s\n' 'Int8Array = undefined; print("s", 1, [2, 3]); console.log({ a: 1 });' > "$TEST_TMP/lazy.js"
actual="$("$QJS" "$TEST_TMP/lazy.js")"
if [[ "$actual" != $'s 1 [ 2, 3 ]\n{ a: 1 }' ]]; then
    echo "lazy inspector: got: $actual"
    exit 1
fi
