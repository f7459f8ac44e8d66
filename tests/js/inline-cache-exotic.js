// Inline caches must never take their fast path on exotic objects: a property-access site warmed
// up on ordinary objects that share a prototype with an exotic object must still run the exotic
// object's internal methods (Proxy traps, typed-array canonical numeric keys, String wrapper
// length/indices, arguments objects).

// ---- Proxy: set / get / has / delete traps after warm-up on Object.create(null) ----
(function () {
    function setX(o) { o.x = 1; }
    function getX(o) { return o.x; }
    function hasX(o) { return "x" in o; }
    for (let i = 0; i < 20; i++) {
        const o = Object.create(null);
        setX(o);
        assertEquals(getX(o), 1);
        assertEquals(hasX(o), true);
    }
    const log = [];
    const target = Object.create(null);
    const p = new Proxy(target, {
        set(t, k, v) { log.push("set " + String(k)); t[k] = v * 10; return true; },
        get(t, k) { log.push("get " + String(k)); return k === "x" ? 42 : undefined; },
        has(t, k) { log.push("has " + String(k)); return false; },
    });
    setX(p);
    assertEquals(log.join(), "set x", "the set trap runs after warm-up");
    assertEquals(target.x, 10, "the trap stored the value");
    assertEquals(Object.getOwnPropertyNames(p).length, 1);
    assertEquals(getX(p), 42, "the get trap runs after warm-up");
    assertEquals(hasX(p), false, "the has trap runs after warm-up");
    assertEquals(log.join(), "set x,get x,has x");
    // And ordinary objects still work (the site now saw both kinds).
    const o = Object.create(null);
    setX(o);
    assertEquals(getX(o), 1);
    // Several proxies in a row: every call traps.
    let n = 0;
    const counting = new Proxy(Object.create(null), { set() { n++; return true; } });
    for (let i = 0; i < 10; i++) setX(counting);
    assertEquals(n, 10);
})();

// A proxy whose target has the same prototype as the warmed objects.
(function () {
    function setY(o) { o.y = 2; }
    for (let i = 0; i < 20; i++) setY({});
    let traps = 0;
    const p = new Proxy({}, { set(t, k, v) { traps++; return Reflect.set(t, k, v); } });
    setY(p);
    setY(p);
    assertEquals(traps, 2);
})();

// ---- Typed arrays: canonical numeric string keys are never ordinary properties ----
(function () {
    function setInf(o) { o.Infinity = 1; }
    function setNaN(o) { o.NaN = 1; }
    for (let i = 0; i < 20; i++) {
        const o = Object.create(Int8Array.prototype);
        setInf(o);
        setNaN(o);
        assertEquals(o.Infinity, 1);
    }
    const ta = new Int8Array(2);
    setInf(ta);
    setNaN(ta);
    assertEquals(Object.getOwnPropertyNames(ta).join(), "0,1", "no own Infinity/NaN on a typed array");
    assertEquals(ta.Infinity, undefined);
    assertEquals(Object.prototype.hasOwnProperty.call(ta, "Infinity"), false);

    // Get: a site that cached a prototype hit must not read through for a typed array.
    Int8Array.prototype.Infinity = "proto";
    try {
        function getInf(o) { return o.Infinity; }
        for (let i = 0; i < 20; i++) assertEquals(getInf(Object.create(Int8Array.prototype)), "proto");
        assertEquals(getInf(new Int8Array(1)), undefined, "canonical numeric key: no prototype lookup");
    } finally {
        delete Int8Array.prototype.Infinity;
    }

    // Ordinary names on typed arrays still go through the prototype chain.
    function getBpe(o) { return o.BYTES_PER_ELEMENT; }
    for (let i = 0; i < 20; i++) assertEquals(getBpe(Object.create(Int16Array.prototype)), 2);
    assertEquals(getBpe(new Int16Array(3)), 2);
    function setFoo(o, v) { o.foo = v; }
    for (let i = 0; i < 20; i++) setFoo(Object.create(Int16Array.prototype), i);
    const t16 = new Int16Array(1);
    setFoo(t16, 7);
    assertEquals(t16.foo, 7);
    assertEquals(Object.keys(t16).join(), "0,foo");
})();

// ---- String wrappers: length and indices are exotic ----
(function () {
    function getLen(o) { return o.length; }
    function setLen(o) { o.length = 99; }
    for (let i = 0; i < 20; i++) {
        const o = Object.create(String.prototype);
        setLen(o); // String.prototype's own length (0) is read-only: no own property is created
        assertEquals(getLen(o), 0);
        assertEquals(Object.keys(o).length, 0);
    }
    const w = new String("abc");
    setLen(w);
    assertEquals(getLen(w), 3, "a String wrapper's length is read-only");
    assert(Object.getOwnPropertyDescriptor(w, "length").writable === false);
    function getZero(o) { return o[0]; }
    for (let i = 0; i < 20; i++) assertEquals(getZero({ 0: "x" }), "x");
    assertEquals(getZero(w), "a");
    function addZ(o) { o.z = 1; }
    for (let i = 0; i < 20; i++) addZ(Object.create(String.prototype));
    addZ(w);
    assertEquals(Object.keys(w).join(), "0,1,2,z");
})();

// ---- Arguments objects: mapped elements and own length ----
(function () {
    function getLength(o) { return o.length; }
    function setLength(o, v) { o.length = v; }
    function args() { return arguments; }
    for (let i = 0; i < 20; i++) {
        const o = { length: 1 };
        setLength(o, 5);
        assertEquals(getLength(o), 5);
    }
    const a = args(1, 2, 3);
    assertEquals(getLength(a), 3);
    setLength(a, 7);
    assertEquals(getLength(a), 7);
    assertEquals(a[0], 1);
    // (Parameter aliasing of mapped arguments objects is not implemented yet: see vm/Arguments.cpp.)
    function strictArgs() { "use strict"; return arguments; }
    const s = strictArgs(4, 5);
    for (let i = 0; i < 20; i++) setLength({ length: 0 }, 1);
    setLength(s, 1);
    assertEquals(getLength(s), 1);
    assertEquals(s[1], 5, "setting length does not truncate an arguments object");
    function callee(o) { return o.callee; }
    function sloppy() { return callee(arguments); }
    assertEquals(sloppy(), sloppy);
})();

// ---- Arrays and objects with Array.prototype: length stays the array's ----
(function () {
    function setLen(o) { o.length = 0; }
    for (let i = 0; i < 20; i++) setLen(Object.create(Array.prototype));
    const arr = [1, 2, 3];
    setLen(arr);
    assertEquals(arr.length, 0);
    assertEquals(Object.getOwnPropertyNames(arr).join(), "length");
    function getLen(o) { return o.length; }
    for (let i = 0; i < 20; i++) {
        const o = Object.create(Array.prototype);
        o.length = 5;
        assertEquals(getLen(o), 5);
    }
    assertEquals(getLen([1, 2]), 2);
})();
