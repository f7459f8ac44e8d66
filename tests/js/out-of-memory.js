// qjs-options: --memory-limit 4m
// Allocation-heavy scripts under a memory limit: each ends in an error the script catches
// (InternalError "out of memory", or a RangeError for a length the engine refuses outright), never
// a signal; container memory (Map tables, argument lists, sort buffers, regexp backtracking)
// counts against the limit; and the engine keeps working once the garbage is dropped.

var outcomes = [];

function exhaust(what, fn) {
    var caught = null;
    try {
        fn();
    } catch (e) {
        caught = e;
    }
    assert(caught !== null, what + " ran out of memory without an error");
    var oom = caught instanceof InternalError && String(caught.message).indexOf("out of memory") >= 0;
    assert(oom || caught instanceof RangeError, what + ": unexpected " + __describe(caught));
    // The engine still works: allocate, compute, format.
    var check = [];
    for (var i = 0; i < 1000; i++) check.push({ i: i, s: "v" + i });
    assertEquals(check.map(function (x) { return x.i; }).reduce(function (s, x) { return s + x; }, 0), 499500);
    assertEquals(JSON.stringify(check[999]), '{"i":999,"s":"v999"}');
    outcomes.push(what);
}

exhaust("arrays of big arrays", function () {
    var a = [];
    for (;;) a.push(new Array(100000).fill(1));
});

exhaust("a linked list of objects", function () {
    var head = null;
    for (;;) head = { next: head, payload: [head] };
});

exhaust("doubling a string", function () {
    var s = "xy";
    for (;;) s = s + s + "";
});

exhaust("a huge repeat", function () {
    return "abc".repeat(100000000);
});

exhaust("a growing Map", function () {
    var m = new Map();
    for (var i = 0;; i++) m.set(i, i);
});

exhaust("an argument list from a huge array-like", function () {
    return Math.max.apply(null, { length: 9000000 });
});

exhaust("sorting a big array", function () {
    var big = [5, 3, 9, 1];
    for (;;) {
        big = big.concat(big);
        big.slice().sort();
    }
});

exhaust("Array.prototype.join of a long array", function () {
    var a = new Array(20000000);
    return a.join("xyzxyzxyz");
});

exhaust("JSON.stringify of a large structure", function () {
    var s = "json".repeat(250000);
    return JSON.stringify({ a: s, b: [s, s], c: { d: s } });
});

exhaust("regexp backtracking over a long input", function () {
    var input = "ab".repeat(3000000);
    return /(?:a|b)*c/.exec(input);
});

exhaust("typed arrays", function () {
    var list = [];
    for (;;) list.push(new Float64Array(1000000));
});

// Inside a ShadowRealm, the other realm's out-of-memory error crosses the boundary as an out-of-memory
// error of this realm, not as the TypeError other errors become: evaluated code, and a wrapped function.
exhaust("arrays inside a ShadowRealm's evaluate", function () {
    new ShadowRealm().evaluate("{ let a = []; for (;;) a.push(new Array(100000).fill(1)); }");
});
exhaust("arrays inside a wrapped function", function () {
    var fill = new ShadowRealm().evaluate("() => { let a = []; for (;;) a.push(new Array(100000).fill(1)); }");
    fill();
});
var realmError = null;
try {
    new ShadowRealm().evaluate("throw new Error('x')");
} catch (e) {
    realmError = e;
}
assert(realmError instanceof TypeError, "other errors still cross as TypeError: " + __describe(realmError));

// Last: property keys become atoms, which are not freed yet (they outlive the object), so this one
// leaves less memory to the scripts after it.
exhaust("an object with ever more properties", function () {
    var o = {};
    for (var i = 0;; i++) o["p" + i] = i;
});

assertEquals(outcomes.length, 14);
