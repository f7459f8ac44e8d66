// Object literals and CreateDataProperty: a new named key on a plain extensible object is appended
// directly, and the runtime remembers recent add transitions of small shapes (so {a} on the way to
// {a, b} is shared by every literal). A remembered shape must never change under the objects that
// use it: deleting, redefining, freezing or re-prototyping one object leaves the others and the next
// literals as they were. Objects that are not plain (exotic, non-extensible, a proxy) take the
// generic path.

function make(i) {
    return { a: i, b: i + 1, c: "s" + i };
}

var objs = [];
for (var i = 0; i < 50; i++) objs.push(make(i));
assertEquals(Object.keys(objs[7]).join(), "a,b,c");
assertEquals(objs[7].b, 8);

// Changes to one object (its shape is shared with the transition cache) stay with that object.
delete objs[0].b;
assertEquals(Object.keys(objs[0]).join(), "a,c");
Object.defineProperty(objs[1], "a", { get: function () { return "getter"; }, configurable: true });
assertEquals(objs[1].a, "getter");
Object.freeze(objs[2]);
assertThrows(TypeError, function () { "use strict"; objs[2].a = 5; });
var proto = { inherited: 1 };
Object.setPrototypeOf(objs[3], proto);
assertEquals(objs[3].inherited, 1);
Object.defineProperty(objs[4], "b", { enumerable: false });
assertEquals(Object.keys(objs[4]).join(), "a,c");

for (var i = 5; i < 50; i++) {
    var o = objs[i];
    assertEquals(Object.keys(o).join(), "a,b,c");
    assertEquals(o.a, i);
    assertEquals(Object.getPrototypeOf(o), Object.prototype);
    assertEquals(Object.isFrozen(o), false);
    var d = Object.getOwnPropertyDescriptor(o, "b");
    assert(d.writable && d.enumerable && d.configurable, "default attributes");
}
var fresh = make(100);
assertEquals(Object.keys(fresh).join(), "a,b,c");
assertEquals(fresh.a, 100);
fresh.a = 1;
assertEquals(fresh.a, 1);
assertEquals(Object.getOwnPropertyDescriptor(fresh, "a").enumerable, true);

// An intermediate shape ({a}) the cache keeps: objects that stop there, and grow differently.
var partial = [];
for (var i = 0; i < 10; i++) {
    var p = { a: i };
    if (i % 2) p.x = i;
    else p.b = i;
    partial.push(p);
}
assertEquals(Object.keys(partial[3]).join(), "a,x");
assertEquals(Object.keys(partial[4]).join(), "a,b");
assertEquals(Object.keys(make(1)).join(), "a,b,c");

// Duplicate keys and an accessor followed by a data property of the same name.
var dup = { a: 1, b: 2, a: 3 };
assertEquals(Object.keys(dup).join(), "a,b");
assertEquals(dup.a, 3);
var acc = { get a() { return 1; }, a: 2 };
assertEquals(acc.a, 2);
assertEquals(Object.getOwnPropertyDescriptor(acc, "a").writable, true);
var idx = { 1: "one", z: "z", 0: "zero" };
assertEquals(Object.keys(idx).join(), "0,1,z");

// Objects that grow past the remembered sizes keep their keys in order.
var big = {};
for (var i = 0; i < 40; i++) big["k" + i] = i;
var big2 = {};
for (var i = 0; i < 40; i++) big2["k" + i] = i * 2;
assertEquals(Object.keys(big).length, 40);
assertEquals(big.k39, 39);
assertEquals(big2.k39, 78);
delete big.k3;
assertEquals(big2.k3, 6);
assertEquals("k3" in big, false);

// Class fields define on `this`, which need not be a plain extensible object.
function returning(obj) {
    return class { constructor() { return obj; } };
}
class OnSealed extends returning(Object.preventExtensions({})) { field = 1; }
assertThrows(TypeError, function () { new OnSealed(); });
var trapped = [];
var proxy = new Proxy({}, {
    defineProperty: function (t, k, d) { trapped.push(k); return Reflect.defineProperty(t, k, d); },
});
class OnProxy extends returning(proxy) { field = 2; }
new OnProxy();
assertEquals(trapped.join(), "field");
var arr = [1, 2, 3];
class OnArray extends returning(arr) { length = 1; } // "length" is not configurable: a TypeError
assertThrows(TypeError, function () { new OnArray(); });
assertEquals(arr.length, 3);
class OnArrayName extends returning(arr) { name = "n"; }
new OnArrayName();
assertEquals(arr.name, "n");
assertEquals(Array.isArray(arr), true);
class OnExisting extends returning(Object.defineProperty({}, "field", { value: 0, configurable: false })) {
    field = 3;
}
assertThrows(TypeError, function () { new OnExisting(); });

// JSON.parse and Object.fromEntries build through CreateDataProperty too.
var parsed = JSON.parse('[{"a":1,"b":2},{"a":3,"b":4},{"b":5,"a":6}]');
assertEquals(Object.keys(parsed[1]).join(), "a,b");
assertEquals(Object.keys(parsed[2]).join(), "b,a");
assertEquals(parsed[2].a, 6);
var entries = Object.fromEntries([["x", 1], ["y", 2], ["x", 3]]);
assertEquals(Object.keys(entries).join(), "x,y");
assertEquals(entries.x, 3);

// Objects with another prototype: the remembered transitions hold their shapes, and changing the
// prototype afterwards must still be seen.
var base = {};
function Point(x, y) {
    var o = Object.create(base);
    Object.defineProperty(o, "x", { value: x, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(o, "y", { value: y, writable: true, enumerable: true, configurable: true });
    return o;
}
var pts = [];
for (var i = 0; i < 10; i++) pts.push(Point(i, -i));
Object.defineProperty(base, "x", { get: function () { return "base"; }, configurable: true });
assertEquals(Point(7, 8).x, 7);
assertEquals(pts[4].y, -4);
base.z = "z";
assertEquals(pts[9].z, "z");
