// The interpreter's fast paths for index keys outside an array's dense part (objects used as sparse
// arrays) and for instanceof with the original Function.prototype[@@hasInstance], and the cases where
// they must step aside for the generic [[Get]]/[[Set]]/InstanceofOperator.

// ---- Sparse arrays and plain objects with index keys ----
(function sparseReadsAndWrites() {
    var a = [];
    for (var i = 9; i >= 0; --i) a[i * 2] = i; // descending: holes, not a fast array
    assertEquals(a.length, 19);
    for (var i = 0; i < 10; i++) {
        assertEquals(a[i * 2], i);
        assertEquals(a[i * 2 + 1], undefined);
        assertEquals(i * 2 + 1 in a, false);
    }
    a[100] = "x"; // adding past the length grows it
    assertEquals(a.length, 101);
    assertEquals(a[100], "x");
    a[4] = "y"; // overwriting an own element
    assertEquals(a[4], "y");
    var o = {};
    for (var i = 0; i < 20; i++) o[i * 3] = i;
    var sum = 0;
    for (var i = 0; i < 60; i++) sum += o[i] === undefined ? 0 : o[i];
    assertEquals(sum, 190);
    assertArrayEquals(Object.keys(o).slice(0, 4), ["0", "3", "6", "9"]);
})();

(function prototypeIndexGetterAndSetter() {
    var proto = {};
    var sets = [];
    Object.defineProperty(proto, 7, {
        get: function () { return "from getter"; },
        set: function (v) { sets.push(v); },
        configurable: true,
    });
    var o = Object.create(proto);
    o[3] = 3;
    assertEquals(o[7], "from getter");
    o[7] = "v"; // the inherited setter runs; no own property is made
    assertArrayEquals(sets, ["v"]);
    assertEquals(Object.prototype.hasOwnProperty.call(o, 7), false);
    // A data property on a prototype is read through; a write shadows it on the receiver.
    var p2 = { 5: "inherited" };
    var o2 = Object.create(p2);
    o2[1] = 1;
    assertEquals(o2[5], "inherited");
    o2[5] = "own";
    assertEquals(o2[5], "own");
    assertEquals(p2[5], "inherited");
    // A read-only inherited index blocks the write (a TypeError in strict code).
    Object.defineProperty(p2, 6, { value: "ro", writable: false });
    o2[6] = "no";
    assertEquals(o2[6], "ro");
    assertThrows(TypeError, function () { "use strict"; o2[6] = "no"; });
})();

(function arrayPrototypeIndexes() {
    var a = [];
    a[3] = "own";
    assertEquals(a[1], undefined);
    Array.prototype[1] = "from Array.prototype";
    try {
        assertEquals(a[1], "from Array.prototype");
        a[2] = "added";
        assertEquals(a[2], "added");
    } finally {
        delete Array.prototype[1];
    }
    assertEquals(a[1], undefined);
    Object.prototype[9] = "from Object.prototype";
    try {
        var o = { 0: 0 };
        o[4] = 4;
        assertEquals(o[9], "from Object.prototype");
    } finally {
        delete Object.prototype[9];
    }
})();

(function readOnlyFrozenAndNonExtensible() {
    var o = {};
    o[10] = 1;
    Object.defineProperty(o, 11, { value: 2, writable: false, configurable: true });
    o[11] = 3;
    assertEquals(o[11], 2);
    assertThrows(TypeError, function () { "use strict"; o[11] = 3; });
    Object.preventExtensions(o);
    o[12] = 4;
    assertEquals(o[12], undefined);
    assertThrows(TypeError, function () { "use strict"; o[12] = 4; });
    o[10] = 5; // an existing writable property stays writable
    assertEquals(o[10], 5);
    Object.freeze(o);
    o[10] = 6;
    assertEquals(o[10], 5);
    // An array whose length is read-only cannot grow.
    var a = [];
    a[5] = 1;
    Object.defineProperty(a, "length", { writable: false });
    a[7] = 2;
    assertEquals(a[7], undefined);
    assertEquals(a.length, 6);
    assertThrows(TypeError, function () { "use strict"; a[7] = 2; });
    a[2] = 3; // below the length
    assertEquals(a[2], 3);
})();

(function ownIndexAccessor() {
    var o = { 0: "zero" };
    var seen = [];
    Object.defineProperty(o, 1, {
        get: function () { return "got"; },
        set: function (v) { seen.push(v); },
    });
    assertEquals(o[1], "got");
    o[1] = "w";
    assertArrayEquals(seen, ["w"]);
})();

(function proxyOnTheChain() {
    var log = [];
    var handler = {
        get: function (t, k, r) { log.push("get " + String(k)); return "proxied"; },
        set: function (t, k, v, r) { log.push("set " + String(k)); return true; },
    };
    var o = Object.create(new Proxy({}, handler));
    o[0] = 0; // the proxy's set trap sees the new key
    assertEquals(o[3], "proxied");
    assertArrayEquals(log, ["set 0", "get 3"]);
})();

// ---- instanceof ----
(function instanceofOrdinary() {
    function A() {}
    function B() {}
    B.prototype = Object.create(A.prototype);
    var b = new B();
    assertEquals(b instanceof B, true);
    assertEquals(b instanceof A, true);
    assertEquals(b instanceof Object, true);
    assertEquals(b instanceof Array, false);
    assertEquals(1 instanceof A, false);
    assertEquals(Object.create(null) instanceof A, false);
    var bound = A.bind(null);
    assertEquals(b instanceof bound, true);
    A.prototype = 5;
    assertThrows(TypeError, function () { return b instanceof A; });
    assertThrows(TypeError, function () { return b instanceof {}; });
    assertThrows(TypeError, function () { return b instanceof 3; });
})();

(function instanceofOverrides() {
    function C() {}
    var c = new C();
    // An own @@hasInstance is called with the target as this.
    var calls = [];
    Object.defineProperty(C, Symbol.hasInstance, {
        value: function (v) { calls.push(this === C && v === c); return "truthy"; },
        configurable: true,
    });
    assertEquals(c instanceof C, true);
    assertArrayEquals(calls, [true]);
    delete C[Symbol.hasInstance];
    assertEquals(c instanceof C, true);
    assertEquals(calls.length, 1);
    // A getter for @@hasInstance runs every time.
    var gets = 0;
    Object.defineProperty(C, Symbol.hasInstance, {
        get: function () { gets++; return undefined; },
        configurable: true,
    });
    assertEquals(c instanceof C, true); // undefined: OrdinaryHasInstance
    assertEquals(gets, 1);
    delete C[Symbol.hasInstance];
    // A prototype between the function and Function.prototype can shadow it.
    var mid = Object.create(Function.prototype);
    // (Function.prototype[@@hasInstance] is read-only: an assignment would not shadow it.)
    Object.defineProperty(mid, Symbol.hasInstance, { value: function () { return false; }, writable: true });
    Object.setPrototypeOf(C, mid);
    assertEquals(c instanceof C, false);
    mid[Symbol.hasInstance] = null; // null: OrdinaryHasInstance
    assertEquals(c instanceof C, true);
    Object.setPrototypeOf(C, Function.prototype);
    // A proxy target: its get trap is asked for @@hasInstance.
    var asked = [];
    var P = new Proxy(C, { get: function (t, k) { asked.push(k === Symbol.hasInstance); return t[k]; } });
    assertEquals(c instanceof P, true);
    assertArrayEquals(asked, [true, false]); // @@hasInstance, then "prototype"
    // A proxy on the instance's chain: its getPrototypeOf trap runs.
    var traps = 0;
    var v = new Proxy(c, { getPrototypeOf: function (t) { traps++; return C.prototype; } });
    assertEquals(v instanceof C, true);
    assertEquals(traps, 1);
    var w = Object.create(v);
    assertEquals(w instanceof C, true);
    assertEquals(traps, 2);
})();
