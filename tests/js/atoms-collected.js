// Atoms of dropped symbols, private names and computed string keys are freed (Runtime::sweep_atoms,
// at backward jumps of top-level code and between jobs) and their numbers reused, while every key
// still in use keeps working: properties of long-lived objects, symbols held in variables or as
// WeakMap keys, registered symbols, keys compiled into code, for-in and JSON keys.

var held = Symbol("held");
var registered = Symbol.for("registered");
var longLived = {[held] : "h", [registered] : "r"};
longLived["dyn" + 1] = "d1";
var classes = [];
var wm = new WeakMap();
var liveSymbolKey = Symbol("weak key");
wm.set(liveSymbolKey, "alive");
var compiled = new Function("o", "return o.fixedName + o['dyn' + 1];");

function makeClass(n) {
    return class {
        #x = n;
        static read(v) { return v.#x; }
    };
}

for (var i = 0; i < 12000; i++) {
    var s = Symbol("s" + i);
    var o = {[s] : i};
    o["key" + i] = i;
    var C = makeClass(i);
    if (o[s] !== i || o["key" + i] !== i || C.read(new C()) !== i) throw new Error("iteration " + i);
    if (i % 1000 === 0) {
        classes.push(C); // some classes (and their private names) stay alive
        longLived["kept" + i] = i;
    }
    wm.set(s, o);
}
s = o = C = undefined;

assertEquals(longLived[held], "h");
assertEquals(longLived[registered], "r");
assertEquals(Symbol.for("registered"), registered);
assertEquals(longLived["dyn" + 1], "d1");
assertEquals(compiled({fixedName : "f", dyn1 : 1}), "f1");
assertEquals(wm.get(liveSymbolKey), "alive");
for (var j = 0; j < classes.length; j++) {
    var instance = new classes[j]();
    assertEquals(classes[j].read(instance), j * 1000);
    assertThrows(TypeError, function() { classes[(j + 1) % classes.length].read(instance); });
    assertEquals(longLived["kept" + j * 1000], j * 1000);
}
assertEquals(Object.getOwnPropertySymbols(longLived).length, 2);

// Keys freed above are made again (other atom numbers may be reused): lookups by fresh strings agree.
var again = {};
for (var k = 0; k < 3000; k++)
    again["key" + k] = k;
for (var k = 0; k < 3000; k++)
    if (again["key" + k] !== k) throw new Error("key" + k);
var seen = 0;
for (var name in again) {
    if (again[name] !== +name.slice(3)) throw new Error("for-in " + name);
    if (seen === 0)
        for (var d = 1500; d < 3000; d++)
            delete again["key" + d]; // deleted before visited
    seen++;
}
assertEquals(seen, 1500);
var parsed = JSON.parse('{"key7": 7, "fresh": {"key8": 8}}');
assertEquals(parsed["key" + 7] + parsed.fresh["key" + 8], 15);
assertEquals(JSON.stringify(parsed), '{"key7":7,"fresh":{"key8":8}}');
var p = new Proxy({}, {
    ownKeys : function() {
        return [ "a" + 1, "b" + 2 ];
    },
    getOwnPropertyDescriptor : function(
        t, key) { return {value : key, enumerable : true, configurable : true}; },
});
assertEquals(Object.keys(p).join(), "a1,b2");
