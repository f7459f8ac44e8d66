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

// Add transitions are cached only from shapes below InlineCache::kMaxAddShapeEntries: an object built
// by thousands of assignment sites (a namespace) extends its own shape in place. Its keys, values
// and order must be those of any other object, and sites that read it while it grows stay correct.
(function () {
    const lines = ["var ns = {};"];
    for (let i = 0; i < 2000; i++) {
        lines.push("ns.f" + i + " = " + i + ";");
        if (i % 97 === 0) lines.push("check.push(ns.f" + i + " + ns.f0);");
    }
    const check = [];
    const ns = new Function("check", lines.join("\n") + "\nreturn ns;")(check);
    const keys = Object.keys(ns);
    assertEquals(keys.length, 2000);
    assertEquals(keys[0] + "," + keys[31] + "," + keys[32] + "," + keys[1999], "f0,f31,f32,f1999");
    assertEquals(ns.f1234, 1234);
    assertEquals(check.length, 21);
    assertEquals(check[20], 1940);
    // Two objects built by the same sites, crossing the limit, share no state.
    function build(tag) {
        const o = {};
        for (let i = 0; i < 40; i++) o["k" + i] = tag + i; // one computed site
        o.after = tag; // a named site past the limit
        return o;
    }
    const a = build("a"), b = build("b");
    assertEquals(a.k35 + a.after + b.k35 + b.after, "a35ab35b");
    assertEquals(Object.keys(a).join() === Object.keys(b).join(), true);
    // Small objects still use the cached transitions, then a new property after the limit.
    function Point(x, y) { this.x = x; this.y = y; }
    const pts = [];
    for (let i = 0; i < 100; i++) pts.push(new Point(i, -i));
    assertEquals(pts[99].x + pts[99].y, 0);
    const wide = {};
    for (let i = 0; i < 33; i++) wide["p" + i] = i;
    function addTail(o) { o.tail = 1; }
    addTail(wide); addTail({});
    assertEquals(wide.tail + Object.keys(wide).length, 35);
    // A setter on the prototype still intercepts an add past the limit.
    const seen = [];
    const proto = { set late(v) { seen.push(v); } };
    const big = Object.create(proto);
    for (let i = 0; i < 40; i++) big["q" + i] = i;
    function setLate(o, v) { o.late = v; }
    setLate(big, 7);
    assertEquals(seen.join() + "," + Object.prototype.hasOwnProperty.call(big, "late"), "7,false");
})();
