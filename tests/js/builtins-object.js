// %Object.prototype% is an immutable prototype exotic object.
assertThrows(TypeError, function () { Object.setPrototypeOf(Object.prototype, {}); });
assertThrows(TypeError, function () { Object.prototype.__proto__ = Object.create(null); });
assertEquals(Reflect.setPrototypeOf(Object.prototype, {}), false);
assertEquals(Reflect.setPrototypeOf(Object.prototype, null), true);
assertEquals(Object.getPrototypeOf(Object.prototype), null);
// Ordinary objects are unaffected.
var o = {};
Object.setPrototypeOf(o, Array.prototype);
assertEquals(Object.getPrototypeOf(o), Array.prototype);

// Symbol.dispose / Symbol.asyncDispose and the iterator disposers.
assertEquals(typeof Symbol.dispose, "symbol");
assertEquals(typeof Symbol.asyncDispose, "symbol");
assertEquals(Symbol.keyFor(Symbol.dispose), undefined);
var IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
var returned = 0;
var it = Object.create(IteratorPrototype);
it.return = function () { returned++; return {}; };
assertEquals(it[Symbol.dispose](), undefined);
assertEquals(returned, 1);
var AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf((async function* () {}).prototype));
var ait = Object.create(AsyncIteratorPrototype);
ait.return = function () { returned++; return 42; };
var settled;
ait[Symbol.asyncDispose]().then(function (v) { settled = v; });
assertEquals(returned, 2);
