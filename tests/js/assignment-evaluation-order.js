// Reference evaluation order of assignments, compound assignments and destructuring targets.

// ToPropertyKey runs once for a compound assignment to a computed member.
var conversions = 0;
var key = { toString: function () { conversions++; return "k"; } };
var base = { k: 1 };
base[key] += 1;
assertEquals(conversions, 1);
assertEquals(base.k, 2);

// Assignment through `with` resolves the reference before the right-hand side runs.
var scope = { x: 1 };
with (scope) {
    x = (delete scope.x, 2);
}
assertEquals(scope.x, 2);

// A sloppy eval in the right-hand side cannot redirect an already resolved reference.
function evalShadow() {
    var x = 1;
    var inner = (function () {
        x = (eval("var x = 5"), 2);
        return x;
    })();
    return [inner, x];
}
assertArrayEquals(evalShadow(), [5, 2]);

// Destructuring: a member target is evaluated before the iterator steps / the property is read.
var log = [];
var iterable = {};
iterable[Symbol.iterator] = function () {
    return {
        next: function () { log.push("next"); return { done: false, value: 1 }; },
        return: function () { log.push("return"); return {}; },
    };
};
var target = {};
[(log.push("target"), target)[(log.push("key"), "p")]] = iterable;
assertArrayEquals(log, ["target", "key", "next", "return"]);

log = [];
var source = { get a() { log.push("get"); return 1; } };
({ a: (log.push("target"), target).q } = source);
assertArrayEquals(log, ["target", "get"]);

// A throwing target reference closes the iterator without stepping it.
log = [];
assertThrows(Error, function () {
    [{}[(function () { throw new Error("t"); })()]] = iterable;
});
assertArrayEquals(log, ["return"]);

// Returning from a generator suspended inside a destructuring default closes the iterator.
log = [];
function* g() {
    [{} = yield] = iterable;
}
var it = g();
it.next();
it.next; // suspended at the yield
var r = it.return(7);
assertEquals(r.value, 7);
assertArrayEquals(log, ["next", "return"]);

// yield* reads `done` first and the value only at the end.
var accesses = [];
var delegate = {};
delegate[Symbol.iterator] = function () {
    var n = 0;
    return {
        next: function () {
            n++;
            return {
                get done() { accesses.push("done"); return n > 1; },
                get value() { accesses.push("value"); return n; },
            };
        },
    };
};
function* outer() { return yield* delegate; }
var o = outer();
o.next();
assertArrayEquals(accesses, ["done"]);
var last = o.next();
assertArrayEquals(accesses, ["done", "done", "value"]);
assertEquals(last.value, 2);

// super[key] = v converts the key after evaluating v.
class SuperBase {}
class SuperKey extends SuperBase {
    m(key) { super[key] = (log.push("rhs"), 1); }
}
log = [];
new SuperKey().m({ toString() { log.push("key"); return "k"; } });
assertArrayEquals(log, ["rhs", "key"]);

// super(...) evaluates its arguments before checking the super constructor.
var evaluated = false;
class NotCtor extends Object {
    constructor() {
        try { super(evaluated = true); } catch (e) { return {}; }
    }
}
Object.setPrototypeOf(NotCtor, parseInt);
new NotCtor();
assertEquals(evaluated, true);

// Annex B: a block function named `arguments` does not replace the arguments object.
(function () {
    { function arguments() {} }
    assertEquals(typeof arguments, "object");
})();
(function (...rest) {
    { function arguments() {} }
    assertEquals(typeof arguments, "object");
})();

// with: GetBindingValue and SetMutableBinding ask HasProperty again (observable with proxies).
var traps = [];
var penv = new Proxy({ p: 0 }, {
    has(t, k) { if (typeof k === "string") traps.push("has:" + k); return k in t; },
    get(t, k) { if (typeof k === "string") traps.push("get:" + k); return t[k]; },
});
with (penv) { p; }
assertArrayEquals(traps, ["has:p", "has:p", "get:p"]);
