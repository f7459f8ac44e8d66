// Iterator.prototype.includes, join, chunks, windows; Iterator.zip and zipKeyed.
assertEquals([1, NaN, -0].values().includes(NaN), true);
assertEquals([1, 2, 3].values().includes(0), false);
assertEquals([1, 2, 3].values().includes(1, 1), false);
assertEquals([1, 2, 1].values().includes(1, 1), true);
assertEquals([0].values().includes(-0), true);
assertThrows(TypeError, function () { [1].values().includes(1, 1.5); });
assertThrows(RangeError, function () { [1].values().includes(1, -1); });

// A match closes the iterator; exhaustion does not.
var closed = 0;
function counting(values) {
    var i = 0;
    return {
        __proto__: Iterator.prototype,
        next() { return i < values.length ? { value: values[i++], done: false } : { value: undefined, done: true }; },
        return() { closed++; return {}; },
    };
}
assertEquals(counting([1, 2, 3]).includes(2), true);
assertEquals(closed, 1);
assertEquals(counting([1, 2, 3]).includes(4), false);
assertEquals(closed, 1);

assertEquals(["a", null, "b", undefined, 1].values().join(), "a,,b,,1");
assertEquals(["a", "b"].values().join(""), "ab");
assertEquals(["a", "b"].values().join(null), "anullb");
assertEquals([].values().join("-"), "");
assertThrows(TypeError, function () { Iterator.prototype.join.call(1); });
// A throwing toString of an element closes the iterator.
closed = 0;
assertThrows(Error, function () { counting(["a", { toString() { throw new Error("x"); } }]).join(); });
assertEquals(closed, 1);

// Iterator.prototype.chunks and windows.
assertEquals(JSON.stringify([1, 2, 3, 4, 5].values().chunks(2).toArray()), "[[1,2],[3,4],[5]]");
assertEquals(JSON.stringify([1, 2, 3, 4].values().windows(3).toArray()), "[[1,2,3],[2,3,4]]");
assertEquals(JSON.stringify([1, 2].values().windows(3).toArray()), "[]");
assertEquals(JSON.stringify([1, 2].values().windows(3, "allow-partial").toArray()), "[[1,2]]");
assertThrows(RangeError, function () { [1].values().chunks(0); });
assertThrows(TypeError, function () { [1].values().chunks("2"); });
assertThrows(TypeError, function () { [1].values().windows(2, "partial"); });
// return() after exhaustion does not reach the underlying iterator.
closed = 0;
var chunked = counting([1, 2, 3]).chunks(2);
chunked.next();
chunked.next();
chunked.return();
assertEquals(closed, 0);

// Iterator.zip and zipKeyed.
assertEquals(JSON.stringify(Iterator.zip([[1, 2, 3], ["a", "b"]]).toArray()), '[[1,"a"],[2,"b"]]');
assertEquals(JSON.stringify(Iterator.zip([[1, 2], ["a"]], { mode: "longest", padding: [0, "z"] }).toArray()),
             '[[1,"a"],[2,"z"]]');
assertThrows(TypeError, function () { Iterator.zip([[1, 2], ["a"]], { mode: "strict" }).toArray(); });
var keyed = Iterator.zipKeyed({ x: [1, 2], y: [3, 4] }).toArray();
assertEquals(Object.getPrototypeOf(keyed[0]), null);
assertEquals(JSON.stringify(keyed), '[{"x":1,"y":3},{"x":2,"y":4}]');
assertThrows(TypeError, function () { Iterator.zip([1]); });
// The shortest iterator ending closes the others.
closed = 0;
assertEquals(Iterator.zip([[1], counting([1, 2, 3])]).toArray().length, 1);
assertEquals(closed, 1);
