// Array.prototype.splice moves the elements of a dense array in place (ArrayPrototype.cpp,
// splice_dense) when nothing can observe the moves; every other case takes the spec's steps.
function show(removed, a) { return JSON.stringify(removed) + " " + JSON.stringify(a) + " " + a.length; }

// Shrinking, growing, same size, at both ends, with object elements that must stay alive.
(function () {
    const objs = [{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }];
    let a = objs.slice();
    let r = a.splice(1, 3);
    assertEquals(show(r, a), '[{"n":1},{"n":2},{"n":3}] [{"n":0},{"n":4}] 2');
    assertEquals(r[1] === objs[2] && a[1] === objs[4], true);
    a = [1, 2, 3];
    assertEquals(show(a.splice(1, 0, "x", "y"), a), '[] [1,"x","y",2,3] 5');
    a = [1, 2, 3, 4, 5];
    assertEquals(show(a.splice(1, 3, "p", "q", "r"), a), '[2,3,4] [1,"p","q","r",5] 5');
    a = [1, 2, 3, 4, 5, 6, 7, 8];
    assertEquals(show(a.splice(2, 5, "m"), a), '[3,4,5,6,7] [1,2,"m",8] 4');
    a = [1, 2, 3];
    assertEquals(show(a.splice(-1), a), "[3] [1,2] 2");
    assertEquals(show(a.splice(0), a), "[1,2] [] 0");
    a = [1, 2, 3];
    assertEquals(show(a.splice(5, 9, 4), a), "[] [1,2,3,4] 4");
    a = [];
    for (let i = 0; i < 100; i++) a.splice(a.length >> 1, 0, i); // growing past the capacity
    assertEquals(a.length + "," + a[0] + "," + a[50] + "," + a[99], "100,1,98,0");
    while (a.length > 16) a.splice(0, 16);
    assertEquals(a.length, 4);
})();

// A species constructor makes the removed array: it is used, and the moves still happen.
(function () {
    class Sub extends Array {}
    const s = Sub.from([1, 2, 3, 4]);
    const r = s.splice(1, 2);
    assertEquals(r instanceof Sub, true);
    assertEquals(show(Array.from(r), s), "[2,3] [1,4] 2");
    const a = [1, 2, 3];
    a.constructor = { [Symbol.species]: function (n) { return { length: 0, made: n }; } };
    const r2 = a.splice(0, 2);
    assertEquals(r2.made + "," + r2[0] + "," + r2[1] + "," + r2.length, "2,1,2,2");
    assertEquals(JSON.stringify(a), "[3]");
})();

// An indexed setter on Array.prototype sees the writes past the old length when the array grows.
(function () {
    const seen = [];
    Object.defineProperty(Array.prototype, "3", {
        set(v) { seen.push(v); }, get() { return "proto"; }, configurable: true });
    try {
        const a = [0, 1, 2];
        a.splice(1, 0, "x"); // Set(O, "3", 2) reaches the setter: no own element 3 is created
        assertEquals(seen.join(), "2");
        assertEquals(a.length + "," + a[3] + "," + Object.prototype.hasOwnProperty.call(a, 3), "4,proto,false");
    } finally {
        delete Array.prototype[3];
    }
})();

// Holes, frozen arrays and a read-only length take the spec's steps (and throw where they must).
(function () {
    const holes = [1, , 3, , 5];
    const r = holes.splice(0, 2);
    assertEquals(r.length + "," + (1 in r) + "," + holes.length + "," + (0 in holes), "2,false,3,true");
    const frozen = Object.freeze([1, 2, 3]);
    let threw = false;
    try { frozen.splice(0, 1); } catch (e) { threw = e instanceof TypeError; }
    assertEquals(threw, true);
    assertEquals(JSON.stringify(frozen), "[1,2,3]");
    const fixed = [1, 2, 3];
    Object.defineProperty(fixed, "length", { writable: false });
    threw = false;
    try { fixed.splice(1, 1); } catch (e) { threw = e instanceof TypeError; }
    assertEquals(threw, true);
})();
