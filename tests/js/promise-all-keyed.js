// Promise.allKeyed and Promise.allSettledKeyed.
var results = [];
Promise.allKeyed({ b: Promise.resolve(2), a: 1, [Symbol.for("s")]: Promise.resolve(3) }).then(function (r) {
    assertEquals(Object.getPrototypeOf(r), null);
    assertArrayEquals(Reflect.ownKeys(r).map(String), ["b", "a", "Symbol(s)"]);
    assertEquals(r.b, 2);
    assertEquals(r.a, 1);
    results.push("allKeyed");
});
Promise.allKeyed({ x: Promise.reject(new Error("no")), y: 1 }).then(null, function (e) {
    assertEquals(e.message, "no");
    results.push("rejected");
});
Promise.allKeyed(1).then(null, function (e) {
    assert(e instanceof TypeError, "non-object argument");
    results.push("typeerror");
});
Promise.allSettledKeyed({ ok: 1, bad: Promise.reject(2) }).then(function (r) {
    assertEquals(r.ok.status, "fulfilled");
    assertEquals(r.ok.value, 1);
    assertEquals(r.bad.status, "rejected");
    assertEquals(r.bad.reason, 2);
    results.push("allSettledKeyed");
});
Promise.resolve().then(function () {}).then(function () {}).then(function () {}).then(function () {
    assertEquals(results.sort().join(","), "allKeyed,allSettledKeyed,rejected,typeerror");
    print("keyed ok");
});
