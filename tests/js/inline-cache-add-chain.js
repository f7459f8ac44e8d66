// Cached add transitions (put_field) record the shapes of the object's whole prototype chain; a
// change anywhere on it (a setter or a read-only property of that name, a new prototype) must be
// seen by the next add from the same site, at any depth, and chains too deep to record still work.

function makeChain(depth) {
    var top = {};
    var p = top;
    for (var i = 1; i < depth; i++) p = Object.create(p);
    return { top: top, bottom: p };
}

function checkSite(depth) {
    var chain = makeChain(depth);
    function C(v) { this.field = v; } // one put_field site, adding "field"
    C.prototype = chain.bottom;
    for (var i = 0; i < 20; i++) {
        var o = new C(i);
        assertEquals(o.field, i);
        assert(Object.prototype.hasOwnProperty.call(o, "field"), "own at depth " + depth);
    }
    // A setter at the top of the chain: the add must run it instead.
    var seen = [];
    Object.defineProperty(chain.top, "field", {
        get: function () { return "getter"; },
        set: function (v) { seen.push(v); },
        configurable: true,
    });
    var o = new C(42);
    assertEquals(o.field, "getter");
    assertEquals(Object.prototype.hasOwnProperty.call(o, "field"), false);
    assertArrayEquals(seen, [42]);
    // A read-only property there: the Set fails (silently in sloppy code).
    Object.defineProperty(chain.top, "field", { value: "ro", writable: false, configurable: true });
    o = new C(43);
    assertEquals(o.field, "ro");
    assertEquals(Object.prototype.hasOwnProperty.call(o, "field"), false);
    // Gone again: the add applies.
    delete chain.top.field;
    o = new C(44);
    assertEquals(o.field, 44);
    assert(Object.prototype.hasOwnProperty.call(o, "field"));
    // A new prototype above the top (a setter on it).
    var above = {};
    Object.defineProperty(above, "field", { set: function (v) { seen.push("above " + v); } });
    Object.setPrototypeOf(chain.top, above);
    o = new C(45);
    assertEquals(Object.prototype.hasOwnProperty.call(o, "field"), false);
    assertEquals(seen[seen.length - 1], "above 45");
    // A setter on Object.prototype itself, the end of the chain again.
    Object.setPrototypeOf(above, Object.prototype);
    delete above.field;
    Object.setPrototypeOf(chain.top, Object.prototype);
    Object.defineProperty(Object.prototype, "field", {
        set: function (v) { seen.push("object " + v); },
        configurable: true,
    });
    try {
        o = new C(46);
        assertEquals(Object.prototype.hasOwnProperty.call(o, "field"), false);
        assertEquals(seen[seen.length - 1], "object 46");
    } finally {
        delete Object.prototype.field;
    }
    o = new C(47);
    assertEquals(o.field, 47);
}

for (var depth = 1; depth <= 9; depth++) checkSite(depth);

// A prototype-less start: nothing to check on the chain.
(function () {
    function add(o, v) { o.k = v; }
    for (var i = 0; i < 10; i++) {
        var o = Object.create(null);
        add(o, i);
        assertEquals(o.k, i);
    }
})();
