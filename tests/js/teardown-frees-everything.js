// What is alive when the program ends is freed at exit, checked by the leak check (qjs exits with
// status 1 when a cell is left). Weak references still listed at exit send the teardown down the
// general collector (holders' hooks run, cleanup jobs do not) instead of freeing every cell at once,
// which programs without weak references (cycles-collected.js) take.
var target = { name: "target" };
var ref = new WeakRef(target);
var map = new WeakMap();
var set = new WeakSet();
var key = Symbol("key");
map.set(target, { back: target });
map.set(key, ref);
set.add(ref);
var cleaned = [];
var registry = new FinalizationRegistry(function (held) { cleaned.push(held); });
registry.register(target, "target", target);
registry.register(key, "key");
assertEquals(ref.deref(), target);
assertEquals(map.get(key), ref);

// Cycles through a second realm, a suspended generator, closures and a pending promise.
var realm = new ShadowRealm();
var wrapped = realm.evaluate("var o = { n: 1 }; o.self = o; (function () { return o.n; })");
assertEquals(wrapped(), 1);
function* suspended() { var local = { g: null }; yield local; }
var gen = suspended();
gen.next().value.g = gen;
var box = {};
box.f = function () { return box; };
var pending = new Promise(function () {});
pending.box = box;
assertEquals(cleaned.length, 0);
