// Builtin functions share one prebuilt shape ("length", "name") and keep both values inside the
// function object: every way of changing one function's own properties must leave the others alone.

// The shared layout, in definition order.
assertArrayEquals(Object.getOwnPropertyNames(Math.max), ["length", "name"]);
assertArrayEquals(Reflect.ownKeys(Array.prototype.push), ["length", "name"]);
let d = Object.getOwnPropertyDescriptor(Math.min, "name");
assertEquals(d.value, "min");
assertEquals(d.writable, false);
assertEquals(d.enumerable, false);
assertEquals(d.configurable, true);
d = Object.getOwnPropertyDescriptor(Math.min, "length");
assertEquals(d.value, 2);
assertEquals(d.configurable, true);

// Accessor functions are named "get x" / "set x"; symbol-named ones "[description]".
const sizeGetter = Object.getOwnPropertyDescriptor(Map.prototype, "size").get;
assertEquals(sizeGetter.name, "get size");
assertEquals(sizeGetter.length, 0);
assertArrayEquals(Object.getOwnPropertyNames(sizeGetter), ["length", "name"]);
const protoSetter = Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").set;
assertEquals(protoSetter.name, "set __proto__");
assertEquals(protoSetter.length, 1);
assertEquals(Array.prototype[Symbol.iterator].name, "values");
assertEquals(RegExp.prototype[Symbol.split].name, "[Symbol.split]");

// Deleting or redefining one function's "name" changes only that function.
assert(delete Math.abs.name);
assertEquals(Object.hasOwn(Math.abs, "name"), false);
assertEquals(Math.abs.name, ""); // Function.prototype.name
assertEquals(Math.floor.name, "floor");
assertArrayEquals(Object.getOwnPropertyNames(Math.abs), ["length"]);
Object.defineProperty(Math.ceil, "length", { value: 7, writable: true });
assertEquals(Math.ceil.length, 7);
assertEquals(Math.round.length, 1);
Math.ceil.length = 8;
assertEquals(Math.ceil.length, 8);
assertEquals(Object.getOwnPropertyDescriptor(Math.trunc, "length").writable, false);
Object.defineProperty(Math.sign, "name", { value: "renamed" });
assertEquals(Math.sign.name, "renamed");
assertEquals(Math.sqrt.name, "sqrt");

// Adding properties to a builtin function (past its two inline slots, then many more) moves its
// values to a growing slot array; the others keep theirs.
const f = String.prototype.at;
for (let i = 0; i < 40; i++) f["p" + i] = i;
assertEquals(f.p0, 0);
assertEquals(f.p39, 39);
assertEquals(f.name, "at");
assertEquals(f.length, 1);
assertEquals(Object.getOwnPropertyNames(f).length, 42);
assertEquals(Object.hasOwn(String.prototype.charAt, "p0"), false);
assert(delete f.length);
assertEquals(f.length, 0); // Function.prototype.length
assertEquals(f.p20, 20);
assertEquals(String.prototype.charAt.length, 1);

// Functions made later (bound functions, promise resolvers with data values) still work.
let resolveFn;
const p = new Promise((resolve) => {
    resolveFn = resolve;
});
assertEquals(resolveFn.length, 1);
assertEquals(resolveFn.name, "");
resolveFn.extra = 1;
assertEquals(resolveFn.extra, 1);
let settled = false;
p.then(() => {
    settled = true;
});
resolveFn(3);
assertEquals(Math.max.bind(null, 1).name, "bound max");

// Freezing one builtin function leaves the shared layout writable elsewhere.
Object.freeze(Math.log);
assertEquals(Object.isFrozen(Math.log), true);
assertEquals(Object.isFrozen(Math.exp), false);
Object.defineProperty(Math.exp, "name", { value: "e" });
assertEquals(Math.exp.name, "e");
assertEquals(Object.getOwnPropertyDescriptor(Math.log, "name").configurable, false);

// Another realm's builtins have their own prototype and shape.
if (typeof ShadowRealm === "function") {
    const r = new ShadowRealm();
    assertEquals(r.evaluate("Math.abs.name"), "abs");
}
