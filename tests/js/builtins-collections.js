// Map/WeakMap getOrInsert and getOrInsertComputed (upsert).
var m = new Map();
assertEquals(m.getOrInsert("a", 1), 1);
assertEquals(m.getOrInsert("a", 2), 1);
assertEquals(m.getOrInsertComputed(-0, function (k) { return Object.is(k, 0) ? "zero" : "neg"; }), "zero");
assertEquals(m.get(0), "zero");
var calls = 0;
assertEquals(m.getOrInsertComputed("a", function () { calls++; return 9; }), 1);
assertEquals(calls, 0);
// The callback's own insertion is overwritten by its result.
assertEquals(m.getOrInsertComputed("b", function (k) { m.set(k, "inner"); return "outer"; }), "outer");
assertEquals(m.get("b"), "outer");
assertEquals(m.size, 3);
assertThrows(TypeError, function () { m.getOrInsertComputed("c", 1); });
var wm = new WeakMap();
var key = {};
assertEquals(wm.getOrInsert(key, 5), 5);
assertEquals(wm.getOrInsertComputed(key, function () { return 6; }), 5);
assertThrows(TypeError, function () { wm.getOrInsert(1, 1); });
assertThrows(TypeError, function () { wm.getOrInsertComputed(Symbol.for("r"), function () {}); });

// Iterator.concat
var it = Iterator.concat([1, 2], new Set([3]), { [Symbol.iterator]: function () { return [4][Symbol.iterator](); } });
assertArrayEquals(it.toArray(), [1, 2, 3, 4]);
assertThrows(TypeError, function () { Iterator.concat(1); });
assertThrows(TypeError, function () { Iterator.concat({}); });
var closed = 0;
var src = { [Symbol.iterator]: function () {
    return { next: function () { return { done: false, value: 7 }; }, return: function () { closed++; return {}; } };
} };
var c = Iterator.concat(src);
assertEquals(c.next().value, 7);
assertEquals(c.return().done, true);
assertEquals(closed, 1);
assertEquals(c.next().done, true);

// Assigning a Value from a slot of the object it is the last owner of (JSON replacer returning a wrapper).
assertEquals(JSON.stringify([1], function (k, v) { return v === 1 ? new Boolean(true) : v; }), "[true]");
assertThrows(TypeError, function () { JSON.stringify(0n, function () { return Object(2n); }); });

// Set.prototype.difference walks its copy of this set: `has` sees every original element once even
// when it empties this set.
{
    const seen = [];
    const set = new Set([1, 2, 3]);
    const other = {
        size: 10,
        has(v) {
            seen.push(v);
            set.clear();
            set.add(9);
            return v === 2;
        },
        keys() {
            throw new Error("not called");
        },
    };
    assertArrayEquals([...set.difference(other)], [1, 3]);
    assertArrayEquals(seen, [1, 2, 3]);
    assertArrayEquals([...set], [9]);
}
