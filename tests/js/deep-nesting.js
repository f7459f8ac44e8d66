// Deep nesting that the engine follows with native recursion (proxy chains, bound-function chains,
// regexp groups, nested arrays, JSON) ends in a catchable RangeError or SyntaxError, never a native
// stack overflow, and the engine keeps working afterwards.

var N = 20000;

// Each case runs with about half of the native stack already taken by JS frames, so that chains of
// moderate length (cheap to build, also under ASan) reach the stack limit on every path.
var maxDepth = 0;
function probeDepth(d) {
    maxDepth = d;
    probeDepth(d + 1);
}
try {
    probeDepth(0);
} catch (e) {}
assert(maxDepth > 50, "JS recursion depth " + maxDepth);
function atHalfStack(fn) {
    function down(d) {
        return d === 0 ? fn() : down(d - 1);
    }
    return down(maxDepth >> 1);
}

function expectDepthError(what, fn) {
    var caught = null;
    try {
        atHalfStack(fn);
    } catch (e) {
        caught = e;
    }
    assert(caught instanceof RangeError || caught instanceof SyntaxError,
           what + " throws RangeError or SyntaxError (got " + __describe(caught) + ")");
    return caught;
}

// --- Proxy chains: every internal method forwards to the target ---
// One chain over a function target serves the object methods as well as [[Call]]/[[Construct]].
var p = function () { return 1; };
for (var i = 0; i < N; i++) p = new Proxy(p, {});
expectDepthError("[[Get]] through a proxy chain", function () { return p.x; });
expectDepthError("[[HasProperty]]", function () { return "x" in p; });
expectDepthError("[[Set]]", function () { p.x = 1; });
expectDepthError("[[Delete]]", function () { delete p.x; });
expectDepthError("[[OwnPropertyKeys]]", function () { return Object.keys(p); });
expectDepthError("[[GetOwnProperty]]", function () { return Object.getOwnPropertyDescriptor(p, "x"); });
expectDepthError("[[DefineOwnProperty]]", function () { Object.defineProperty(p, "x", { value: 1 }); });
expectDepthError("[[GetPrototypeOf]]", function () { return Object.getPrototypeOf(p); });
expectDepthError("[[SetPrototypeOf]]", function () { Object.setPrototypeOf(p, null); });
expectDepthError("[[IsExtensible]]", function () { return Object.isExtensible(p); });
expectDepthError("[[PreventExtensions]]", function () { Object.preventExtensions(p); });
expectDepthError("[[Call]]", function () { return p(); });
expectDepthError("[[Construct]]", function () { return new p(); });
expectDepthError("Object.prototype.toString", function () { return Object.prototype.toString.call(p); });
expectDepthError("spread (Symbol.iterator lookup)", function () { return [...p]; });
expectDepthError("Object.assign", function () { return Object.assign({}, p); });
// Function.prototype.toString of a callable proxy does not look through the chain.
assertEquals(typeof Function.prototype.toString.call(p), "string");
p = null;
// IsArray walks a proxy chain with a loop: no depth limit is needed.
var pa = [];
for (var i = 0; i < 1000; i++) pa = new Proxy(pa, {});
assertEquals(Array.isArray(pa), true);
pa = null;

// A prototype chain made of proxies (Object.setPrototypeOf on each new proxy).
var q = {};
for (var i = 0; i < N; i++) {
    var next = new Proxy({}, {});
    Object.setPrototypeOf(next, q);
    q = next;
}
expectDepthError("get through a proxy prototype chain", function () { return q.missing; });
expectDepthError("has through a proxy prototype chain", function () { return "missing" in q; });
expectDepthError("set through a proxy prototype chain", function () { q.missing = 1; });
q = null;

// --- Bound-function chains ---
// (Each bound function's name is reset to a non-string, so the next one is just "bound ": the
// names would otherwise grow to "bound bound ... " and take quadratic memory.)
var f = function () { return 7; };
for (var i = 0; i < N; i++) {
    f = f.bind(null);
    Object.defineProperty(f, "name", { value: 0 });
}
expectDepthError("call of a bound-function chain", function () { return f(); });
expectDepthError("construct of a bound-function chain", function () { return new f(); });
expectDepthError("instanceof a bound-function chain", function () { return ({}) instanceof f; });
f = null;
// A short chain still works.
var g = function (a, b) { return a + b; };
for (var i = 0; i < 100; i++) g = g.bind(null);
assertEquals(g(2, 3), 5);

// --- RegExp: parser and compiler recursion ---
expectDepthError("nested capturing groups", function () { return new RegExp("(".repeat(N) + ")".repeat(N)); });
expectDepthError("nested non-capturing groups", function () { return new RegExp("(?:".repeat(N) + ")".repeat(N)); });
expectDepthError("nested lookaheads", function () { return new RegExp("(?=".repeat(N) + ")".repeat(N)); });
expectDepthError("nested lookbehinds", function () { return new RegExp("(?<=a".repeat(N) + ")".repeat(N)); });
expectDepthError("nested v-mode classes", function () { return new RegExp("[".repeat(N) + "]".repeat(N), "v"); });
expectDepthError("nested groups in a literal (eval)", function () {
    return eval("/" + "(?:a|".repeat(N) + ")".repeat(N) + "/");
});
// Moderate nesting still compiles and matches.
assertEquals(new RegExp("(?:".repeat(500) + "a" + ")".repeat(500)).exec("xa").index, 1);
assertEquals(new RegExp("(".repeat(200) + "b" + ")".repeat(200)).exec("ab")[200], "b");
// Long inputs do not recurse in the matcher.
assertEquals(/(?:a|b)*c/.exec("ab".repeat(20000) + "c")[0].length, 40001);
assertEquals(/(a|b)*c/.exec("ab".repeat(20000) + "c")[1], "b");

// --- Nested arrays: toString, join, toLocaleString, flat, JSON ---
var a = [];
for (var i = 0; i < N; i++) a = [a];
expectDepthError("toString of nested arrays", function () { return a.toString(); });
expectDepthError("join of nested arrays", function () { return a.join(); });
expectDepthError("toLocaleString of nested arrays", function () { return a.toLocaleString(); });
expectDepthError("flat(Infinity) of nested arrays", function () { return a.flat(Infinity); });
expectDepthError("JSON.stringify of nested arrays", function () { return JSON.stringify(a); });
a = null;
var obj = {};
for (var i = 0; i < N; i++) obj = { o: obj };
expectDepthError("JSON.stringify of nested objects", function () { return JSON.stringify(obj); });
obj = null;
expectDepthError("JSON.parse of nested arrays", function () { return JSON.parse("[".repeat(N) + "]".repeat(N)); });
expectDepthError("JSON.parse of nested objects", function () {
    return JSON.parse('{"a":'.repeat(N) + "1" + "}".repeat(N));
});

// --- Source nesting ---
expectDepthError("nested parentheses in eval", function () { return eval("(".repeat(N) + ")".repeat(N)); });
expectDepthError("nested unary operators in eval", function () { return eval("-".repeat(N) + "1"); });

// The engine still works.
assertEquals(JSON.stringify(JSON.parse('{"a":[1,{"b":2}]}')), '{"a":[1,{"b":2}]}');
assertEquals([[1, [2]], 3].toString(), "1,2,3");
assertEquals(new Proxy({ x: 5 }, {}).x, 5);
