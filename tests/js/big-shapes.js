// Objects with more properties than inline caches keep (FunctionBytecode.cpp, kMaxCachedShapeEntries)
// are read through the shape's hash index instead: reads at a cached site stay correct while such an
// object grows past the limit, changes and loses properties. (Caching them made a loop that adds
// properties and reads one of them quadratic: test262's typed-array harness took 8 s of CPU.)

function readLength(o) { return o.length; }
function readKey(o, k) { return o[k]; }
function readX(o) { return o.x; }

const o = { length: 0, x: "x0" };
for (let i = 0; i < 3000; i++) {
    o[i] = i * 2;
    o.length = readLength(o) + 1;
    if (i % 500 === 0) assertEquals(readX(o), "x0", "named property while growing, at " + i);
}
assertEquals(readLength(o), 3000, "length after 3000 adds");
assertEquals(readKey(o, 2999), 5998, "last index key");
o.x = "x1";
assertEquals(readX(o), "x1", "a write to a big object is seen at the cached site");
delete o.x;
assertEquals(readX(o), undefined, "a deleted property of a big object is gone");
Object.setPrototypeOf(o, { x: "from proto" });
assertEquals(readX(o), "from proto", "a prototype property of a big object");

// Small objects sharing the site keep working after a big one went through it.
const small = { length: 7, x: "s" };
for (let i = 0; i < 3; i++) {
    assertEquals(readLength(small), 7, "small object length");
    assertEquals(readX(small), "s", "small object x");
}

// Adding many named properties through one site (the Add cache) stays correct past the limit.
function put(obj, k, v) { obj[k] = v; }
const named = {};
for (let i = 0; i < 2000; i++) put(named, "k" + i, i);
let sum = 0;
for (let i = 0; i < 2000; i++) sum += named["k" + i];
assertEquals(sum, 1999 * 2000 / 2, "every named property added through one site");
assertEquals(Object.keys(named).length, 2000, "key count");
