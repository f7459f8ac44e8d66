// Array.fromAsync over async iterables, sync iterables (awaiting each value) and array-likes.
var done = [];
async function* gen() { yield 1; yield Promise.resolve(2); }
Array.fromAsync(gen()).then(function (a) {
    assertArrayEquals(a, [1, 2]); // async generators' yield awaits, values are not awaited again
    done.push("async");
});
Array.fromAsync([Promise.resolve(3), 4], function (v, i) { return v * 10 + i; }).then(function (a) {
    assertArrayEquals(a, [30, 41]);
    done.push("sync");
});
Array.fromAsync({ length: 2, 0: "a", 1: Promise.resolve("b") }).then(function (a) {
    assert(Array.isArray(a), "array result");
    assertArrayEquals(a, ["a", "b"]);
    done.push("array-like");
});
Array.fromAsync([1], 5).then(null, function (e) {
    assert(e instanceof TypeError, "non-callable mapper rejects");
    done.push("mapper");
});
// A rejected mapped value closes the iterator.
var closed = false;
var iterable = {
    [Symbol.iterator]() {
        return { next() { return { value: 1, done: false }; }, return() { closed = true; return {}; } };
    },
};
Array.fromAsync(iterable, function () { return Promise.reject(new Error("m")); }).then(null, function (e) {
    assertEquals(e.message, "m");
    done.push("closed " + closed);
});
function tick(n) { return n ? Promise.resolve().then(function () { return tick(n - 1); }) : Promise.resolve(); }
tick(20).then(function () {
    assertEquals(done.sort().join(","), "array-like,async,closed true,mapper,sync");
    print("fromAsync ok");
});
