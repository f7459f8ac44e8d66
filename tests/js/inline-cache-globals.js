// Global variable sites are cached (global object properties and script-level lexical bindings);
// TDZ, const and shadowing must still be observed after the sites are warm.

// A lexical read before its initialisation throws every time, then reads the value.
function readLater() { return later; }
function writeLater(v) { later = v; }
let tdz = 0;
for (let i = 0; i < 10; i++) {
    try { readLater(); } catch (e) { if (e instanceof ReferenceError) tdz++; }
    try { writeLater(i); } catch (e) { if (e instanceof ReferenceError) tdz++; }
}
assertEquals(tdz, 20);
let later = 5;
for (let i = 0; i < 10; i++) assertEquals(readLater(), 5);
writeLater(6);
assertEquals(readLater(), 6);
assertEquals(later, 6);

// const: every assignment throws, reads are cached.
const K = 1;
function setK() { K = 2; }
function getK() { return K; }
let constErrors = 0;
for (let i = 0; i < 10; i++) {
    try { setK(); } catch (e) { if (e instanceof TypeError) constErrors++; }
    assertEquals(getK(), 1);
}
assertEquals(constErrors, 10);

// Counters in lexical and var bindings.
let counter = 0;
var vcounter = 0;
function inc() { counter++; vcounter += 2; }
for (let i = 0; i < 1000; i++) inc();
assertEquals(counter, 1000);
assertEquals(vcounter, 2000);
assertEquals(globalThis.vcounter, 2000);
assertEquals("counter" in globalThis, false, "lexical bindings are not global object properties");

// A global object property read through a warm site, then deleted, redefined as an accessor.
globalThis.prop = 1;
function readProp() { return prop; }
for (let i = 0; i < 10; i++) assertEquals(readProp(), 1);
globalThis.prop = 2;
assertEquals(readProp(), 2);
Object.defineProperty(globalThis, "prop", { get() { return "getter"; }, configurable: true });
assertEquals(readProp(), "getter");
delete globalThis.prop;
let missing = false;
try { readProp(); } catch (e) { missing = e instanceof ReferenceError; }
assert(missing, "a deleted global is a ReferenceError");
assertEquals(typeof prop, "undefined");
