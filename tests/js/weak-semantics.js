// qjs-options: --std
// Weak semantics: WeakRef targets, WeakMap/WeakSet keys and FinalizationRegistry targets do not keep
// their cells alive. A target dropped by reference counting goes at once, one in a cycle at the next
// collection (std.gc()); a WeakMap value lives only while its key does (ephemerons); a deref'd or
// new WeakRef target stays alive until the current job ends; cleanup callbacks run as jobs.
function fail(e) {
    print("FAIL: " + (e && e.message ? e.message : e));
    std.exit(1);
}

var log = [];
var registry = new FinalizationRegistry(function (held) { log.push(held); });

// Targets made inside a function die when it returns (refcount) or at the collection (cycle).
var refPlain, refCycle, refKeptDuringJob, refLive;
var liveTarget = { name: "live" };
var wm = new WeakMap();
var ws = new WeakSet();
var liveKey = {};
var chainKey = {};
(function () {
    refPlain = new WeakRef({ plain: true });
    var cyc = {};
    cyc.self = cyc;
    refCycle = new WeakRef(cyc);
    refLive = new WeakRef(liveTarget);
    registry.register({}, "plain");
    registry.register(cyc, "cycle");
    var unregistered = {};
    registry.register(unregistered, "unregistered", unregistered);
    assertEquals(registry.unregister(unregistered), true);
    // Token is the target itself (a common pattern): the token must not keep the target alive.
    var selfToken = {};
    registry.register(selfToken, "self-token", selfToken);

    // Ephemerons: the value refers back to its key, so only the collector can free the pair.
    var k = {};
    var v = { key: k, tag: "ephemeron value" };
    wm.set(k, v);
    registry.register(v, "ephemeron value");
    registry.register(k, "ephemeron key");
    wm.set(liveKey, { tag: "kept value" });
    // A chain: chainKey -> value holding k2 -> value holding a string.
    var k2 = {};
    wm.set(chainKey, { next: k2 });
    wm.set(k2, { tag: "chained" });
    var sk = {};
    ws.add(sk);
    registry.register(sk, "weakset key");
})();

// Same job: every WeakRef target created above is still kept (AddToKeptObjects).
assertEquals(refPlain.deref().plain, true);
assertEquals(refCycle.deref().self, refCycle.deref());
std.gc();
assertEquals(refPlain.deref().plain, true);
assertEquals(log.length, 0);

Promise.resolve()
    .then(function () {
        // A new job: kept objects were cleared, so the refcount-only target is gone already.
        assertEquals(refPlain.deref(), undefined);
        assertEquals(refLive.deref(), liveTarget);
        // The cycle was only unreachable: the collector frees it (the deref in this job keeps it).
        std.gc();
        assertEquals(refCycle.deref(), undefined);
        assertEquals(wm.get(liveKey).tag, "kept value");
        assertEquals(wm.get(wm.get(chainKey).next).tag, "chained");
        assertEquals(wm.has(liveKey), true);
    })
    .then(function () {
        log.sort();
        assertArrayEquals(log, ["cycle", "ephemeron key", "ephemeron value", "plain", "self-token",
                                "weakset key"]);
        // Deleting and re-adding keeps working after the table lost entries.
        var k = {};
        wm.set(k, 1);
        assertEquals(wm.get(k), 1);
        assertEquals(wm.delete(k), true);
        assertEquals(wm.has(k), false);
        // Many short-lived keys: the map compacts (and nothing leaks at exit).
        for (var i = 0; i < 20000; i++) wm.set({}, i);
        for (var i = 0; i < 20000; i++) ws.add({});
        var fr2 = new FinalizationRegistry(function () {});
        for (var i = 0; i < 20000; i++) fr2.register({}, i);
        for (var i = 0; i < 20000; i++) new WeakRef({});
        assertEquals(wm.get(liveKey).tag, "kept value");
        print("weak ok");
    })
    .catch(fail);
