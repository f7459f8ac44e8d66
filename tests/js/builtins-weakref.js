// WeakRef and FinalizationRegistry argument checks and results within one job (targets stay alive
// until the job ends; weak-semantics.js covers collection).
var target = {};
var ref = new WeakRef(target);
assertEquals(ref.deref(), target);
assertEquals(Object.prototype.toString.call(ref), "[object WeakRef]");
var sym = Symbol("s");
assertEquals(new WeakRef(sym).deref(), sym);
assertThrows(TypeError, function () { new WeakRef(Symbol.for("registered")); });
assertThrows(TypeError, function () { new WeakRef(1); });
assertThrows(TypeError, function () { WeakRef({}); });
assertThrows(TypeError, function () { WeakRef.prototype.deref.call({}); });

var fr = new FinalizationRegistry(function () {});
assertThrows(TypeError, function () { new FinalizationRegistry(1); });
var token = {};
assertEquals(fr.register(target, "held", token), undefined);
assertEquals(fr.register({}, target), undefined);
assertThrows(TypeError, function () { fr.register(target, target); });
assertThrows(TypeError, function () { fr.register(target, 1, 1); });
assertEquals(fr.unregister(token), true);
assertEquals(fr.unregister(token), false);
assertThrows(TypeError, function () { fr.unregister(1); });
assertEquals(Object.prototype.toString.call(fr), "[object FinalizationRegistry]");

// Cycles through a WeakRef or a registry's held values are collectable (no leak at exit).
var a = {};
a.ref = new WeakRef(a);
var r2 = new FinalizationRegistry(function () {});
r2.register({}, r2, r2);
