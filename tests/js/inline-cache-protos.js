// Property reads that hit several prototype levels up are cached per site; every change to an
// object on the path must be seen on the next read.

class A { m() { return "A"; } }
A.prototype.field = "fA";
class B extends A {}
class C extends B {}
class D extends C {}

function callM(o) { return o.m(); }
function readField(o) { return o.field; }

function warm(o) {
    for (let i = 0; i < 20; i++) {
        callM(o);
        readField(o);
    }
}

// Depth 1..4 hits.
(function () {
    for (const K of [B, C, D]) {
        const o = new K();
        warm(o);
        assertEquals(callM(o), "A");
        assertEquals(readField(o), "fA");
    }
})();

// A shadowing method added on an intermediate prototype, then removed.
(function () {
    const d = new D();
    warm(d);
    C.prototype.m = function () { return "C"; };
    assertEquals(callM(d), "C", "new method on an intermediate prototype");
    B.prototype.m = function () { return "B"; };
    assertEquals(callM(d), "C", "a deeper method stays shadowed");
    delete C.prototype.m;
    assertEquals(callM(d), "B", "deleting the shadowing method");
    delete B.prototype.m;
    assertEquals(callM(d), "A");
})();

// The holder's value changes (same shape), then the property becomes an accessor, then is deleted.
(function () {
    const d = new D();
    warm(d);
    A.prototype.field = "changed";
    assertEquals(readField(d), "changed");
    Object.defineProperty(A.prototype, "field", { get() { return "getter"; }, configurable: true });
    assertEquals(readField(d), "getter");
    Object.defineProperty(A.prototype, "field", { value: "data again", writable: true, configurable: true });
    assertEquals(readField(d), "data again");
    delete A.prototype.field;
    assertEquals(readField(d), undefined);
    A.prototype.field = "fA";
    assertEquals(readField(d), "fA");
})();

// Attribute changes on an intermediate prototype, an accessor that shadows, own properties.
(function () {
    const d = new D();
    warm(d);
    Object.defineProperty(B.prototype, "field", { get() { return "B getter"; }, configurable: true });
    assertEquals(readField(d), "B getter");
    delete B.prototype.field;
    assertEquals(readField(d), "fA");
    d.field = "own";
    assertEquals(readField(d), "own");
    const e = new D();
    assertEquals(readField(e), "fA");
})();

// Changing a prototype on the path.
(function () {
    const d = new D();
    warm(d);
    const X = { m() { return "X"; }, field: "fX" };
    Object.setPrototypeOf(B.prototype, X);
    assertEquals(callM(d), "X", "setPrototypeOf on an intermediate prototype");
    assertEquals(readField(d), "fX");
    Object.setPrototypeOf(B.prototype, A.prototype);
    assertEquals(callM(d), "A");
    const d2 = new D();
    warm(d2);
    Object.setPrototypeOf(d2, { m() { return "direct"; } });
    assertEquals(callM(d2), "direct");
    assertEquals(readField(d2), undefined);
    const d3 = new D();
    d3.__proto__ = B.prototype;
    assertEquals(callM(d3), "A");
})();

// A Proxy inserted on the path gets its trap called; frozen and non-extensible prototypes.
(function () {
    const d = new D();
    warm(d);
    let traps = 0;
    const proxy = new Proxy(A.prototype, {
        get(t, k, r) { traps++; return Reflect.get(t, k, r); },
    });
    Object.setPrototypeOf(B.prototype, proxy);
    assertEquals(callM(d), "A");
    assertEquals(readField(d), "fA");
    assert(traps >= 2, "the proxy's get trap ran");
    Object.setPrototypeOf(B.prototype, A.prototype);
    const before = traps;
    assertEquals(callM(d), "A");
    assertEquals(traps, before, "the proxy is off the path");
    const f = new D();
    warm(f);
    Object.freeze(C.prototype);
    assertEquals(callM(f), "A");
})();

// Deeper than the cache goes, and many shapes at one site.
(function () {
    let proto = { deep: "bottom" };
    for (let i = 0; i < 9; i++) proto = Object.create(proto);
    const o = Object.create(proto);
    function readDeep(x) { return x.deep; }
    for (let i = 0; i < 20; i++) assertEquals(readDeep(o), "bottom");
    Object.getPrototypeOf(Object.getPrototypeOf(o)).deep = "near";
    assertEquals(readDeep(o), "near");
    const objs = [];
    for (let i = 0; i < 8; i++) {
        const x = Object.create(A.prototype);
        x["own" + i] = i;
        objs.push(x);
    }
    for (let r = 0; r < 5; r++)
        for (const x of objs) assertEquals(readField(x), "fA");
    A.prototype.field = "poly";
    for (const x of objs) assertEquals(readField(x), "poly");
    A.prototype.field = "fA";
})();

// Builtin prototypes: methods two levels up (Object.prototype through a class instance).
(function () {
    class P {}
    const p = new P();
    function has(o) { return o.hasOwnProperty("x"); }
    for (let i = 0; i < 20; i++) assertEquals(has(p), false);
    const saved = Object.prototype.hasOwnProperty;
    Object.prototype.hasOwnProperty = function () { return "patched"; };
    try {
        assertEquals(has(p), "patched");
    } finally {
        Object.prototype.hasOwnProperty = saved;
    }
    assertEquals(has(p), false);
})();

// A site that sees a few shapes (polymorphic entries), then every kind of change on the path.
(function () {
    function mk(i) {
        const o = new D();
        o["p" + i] = i; // three receiver shapes sharing the D -> C -> B -> A chain
        return o;
    }
    const os = [mk(0), mk(1), mk(2)];
    const plain = { m() { return "plain"; }, field: "own" };
    const all = os.concat([plain]);
    const expect = (m, f) => {
        for (let r = 0; r < 5; r++) {
            for (const o of os) {
                assertEquals(callM(o), m);
                assertEquals(readField(o), f);
            }
            assertEquals(callM(plain), "plain");
            assertEquals(readField(plain), "own");
        }
    };
    expect("A", "fA");
    B.prototype.m = function () { return "C2"; }; // (C.prototype is frozen above)
    expect("C2", "fA");
    delete B.prototype.m;
    expect("A", "fA");
    Object.defineProperty(B.prototype, "field", { value: "fB", configurable: true, writable: true });
    expect("A", "fB");
    delete B.prototype.field;
    expect("A", "fA");
    Object.setPrototypeOf(os[1], { m() { return "swapped"; }, field: "fS" });
    for (let r = 0; r < 3; r++) {
        assertEquals(callM(os[0]), "A");
        assertEquals(callM(os[1]), "swapped");
        assertEquals(readField(os[1]), "fS");
        assertEquals(callM(os[2]), "A");
    }
    for (const o of all) o.m = function () { return "own m"; };
    for (const o of all) assertEquals(callM(o), "own m");
})();

// Stores that add an own property shadowing a writable data property of a prototype (the
// Prototype.js `Class.create` pattern) take the cached add transition; making the prototype's
// property read-only, an accessor, or putting a Proxy on the chain must be seen on the next store.
(function () {
    function P(v) { this.init(v); }
    P.prototype = { x: 0, init(v) { this.x = v; } };
    function make(v) { return new P(v); }
    for (let i = 0; i < 30; i++) {
        const o = make(i);
        assertEquals(o.x, i);
        assert(Object.prototype.hasOwnProperty.call(o, "x"));
    }
    assertEquals(P.prototype.x, 0);
    // A read-only prototype property: a sloppy Set fails silently, no own property.
    Object.defineProperty(P.prototype, "x", { writable: false });
    let o = make(5);
    assert(!Object.prototype.hasOwnProperty.call(o, "x"));
    assertEquals(o.x, 0);
    // Strict code throws.
    function strictSet(t) { "use strict"; t.x = 9; }
    assertThrows(TypeError, () => strictSet(Object.create(P.prototype)));
    // Writable again: the transition applies again.
    Object.defineProperty(P.prototype, "x", { writable: true });
    o = make(6);
    assert(Object.prototype.hasOwnProperty.call(o, "x"));
    assertEquals(o.x, 6);
    // An accessor on the prototype: the setter runs, nothing is added.
    let seen = [];
    Object.defineProperty(P.prototype, "x", { get() { return "g"; }, set(v) { seen.push(v); }, configurable: true });
    o = make(7);
    assert(!Object.prototype.hasOwnProperty.call(o, "x"));
    assertEquals(o.x, "g");
    assertEquals(seen.join(), "7");
    // A data property again, further up the chain (behind an object without it).
    delete P.prototype.x;
    const top = { x: 1 };
    Object.setPrototypeOf(P.prototype, top);
    o = make(8);
    assert(Object.prototype.hasOwnProperty.call(o, "x"));
    assertEquals(top.x, 1);
    // A Proxy on the chain sees the Set.
    const traps = [];
    Object.setPrototypeOf(P.prototype, new Proxy({}, { set(t, k, v, r) { traps.push(k); return true; } }));
    o = make(9);
    assertEquals(traps.join(), "x");
    assert(!Object.prototype.hasOwnProperty.call(o, "x"));
})();
