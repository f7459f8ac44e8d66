// Closures on %Function.prototype% start with the realm's shape of builtin functions ("length",
// "name"; vm/FunctionObject.cpp). Each closure's own properties must stay its own, in spec order.

function declared(a, b) {}
var arrow = (x) => x;
var method = { m(p, q, r) {} }.m;
assertArrayEquals(Reflect.ownKeys(declared), ["length", "name", "prototype"]);
assertArrayEquals(Reflect.ownKeys(arrow), ["length", "name"]);
assertArrayEquals(Reflect.ownKeys(method), ["length", "name"]);
assertEquals(declared.length, 2);
assertEquals(method.length, 3);
assertEquals(declared.name, "declared");
assertEquals((() => {}).name, "");
var d = Object.getOwnPropertyDescriptor(arrow, "length");
assert(!d.writable && !d.enumerable && d.configurable, "length attributes");
d = Object.getOwnPropertyDescriptor(arrow, "name");
assert(!d.writable && !d.enumerable && d.configurable, "name attributes");
d = Object.getOwnPropertyDescriptor(declared, "prototype");
assert(d.writable && !d.enumerable && !d.configurable, "prototype attributes");
assertEquals(declared.prototype.constructor, declared);

// Changing one closure changes neither other closures nor builtin functions (which share the shape).
function makeArrows() {
    var out = [];
    for (var i = 0; i < 4; i++) out.push(() => i);
    return out;
}
var arrows = makeArrows();
delete arrows[0].name;
assertEquals(arrows[0].name, "", "inherited from Function.prototype");
assertEquals(Object.hasOwn(arrows[1], "name"), true);
assertEquals(Object.hasOwn(Math.max, "name"), true);
assertEquals(Math.max.name, "max");
Object.defineProperty(arrows[1], "length", { value: 9 });
assertEquals(arrows[1].length, 9);
assertEquals(arrows[2].length, 0);
assertEquals(Math.max.length, 2);
arrows[2].extra = 1;
assertArrayEquals(Reflect.ownKeys(arrows[2]), ["length", "name", "extra"]);
assertArrayEquals(Reflect.ownKeys(arrows[3]), ["length", "name"]);
assertArrayEquals(Reflect.ownKeys(Math.min), ["length", "name"]);
Object.defineProperty(arrows[3], "name", { value: "renamed" });
assertEquals(arrows[3].name, "renamed");
assertEquals(Math.min.name, "min");

// Freezing a closure leaves new ones extensible.
var frozen = Object.freeze(function f() {});
assert(Object.isFrozen(frozen));
var fresh = function g() {};
assert(Object.isExtensible(fresh) && !Object.isFrozen(fresh));
fresh.more = 2;
assertEquals(fresh.more, 2);

// Functions with other prototypes (generators, async, class heritage) keep their own shapes and order.
function* gen() {}
async function af() {}
class Base {}
class Derived extends Base {}
assertArrayEquals(Reflect.ownKeys(gen), ["length", "name", "prototype"]);
assertArrayEquals(Reflect.ownKeys(af), ["length", "name"]);
assertArrayEquals(Reflect.ownKeys(Base), ["length", "name", "prototype"]);
assertArrayEquals(Reflect.ownKeys(Derived), ["length", "name", "prototype"]);
assertEquals(Object.getPrototypeOf(Derived), Base);
class WithStatic { static name() { return "n"; } static length = 5; }
assertEquals(WithStatic.name(), "n");
assertEquals(WithStatic.length, 5);

// Many closures with more own properties than the first slot array holds.
var many = [];
for (var k = 0; k < 50; k++) {
    var fn = function () {};
    for (var j = 0; j < 6; j++) fn["p" + j] = j + k;
    many.push(fn);
}
assertEquals(many[49].p5, 54);
assertArrayEquals(Reflect.ownKeys(many[7]), ["length", "name", "prototype", "p0", "p1", "p2", "p3", "p4", "p5"]);
for (var key in many[3]) assert(key[0] === "p", "only the added keys are enumerable: " + key);
