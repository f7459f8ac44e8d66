// for-in over ordinary objects whose prototypes add no keys takes a shortcut (no walk up the chain,
// no set of seen keys); every way a prototype can add or hide keys must still be seen.
function keys(o) { const r = []; for (const k in o) r.push(k); return r.join(); }

const plain = { b: 1, a: 2, 1: 3, 0: 4 };
Object.defineProperty(plain, "hidden", { value: 5, enumerable: false });
plain[Symbol("s")] = 6;
assertEquals(keys(plain), "0,1,b,a");
assertEquals(keys([7, 8]), "0,1");
assertEquals(keys(Object.create(null)), "");

// A prototype with an enumerable key: it is visited after the own keys, once.
const proto = { p: 1, b: 2 };
const child = Object.create(proto);
child.c = 1;
child.b = 3;
assertEquals(keys(child), "c,b,p");
// A non-enumerable own key still shadows the prototype's enumerable one.
const shadow = Object.create(proto);
Object.defineProperty(shadow, "p", { value: 0, enumerable: false });
assertEquals(keys(shadow), "b");
// Keys added to Object.prototype show up (and go away again).
Object.prototype.extra = 1;
assertEquals(keys({ x: 1 }), "x,extra");
delete Object.prototype.extra;
assertEquals(keys({ x: 1 }), "x");
// Array elements up the chain, and a Proxy prototype (its traps run).
assertEquals(keys(Object.create(["e"])), "0");
const log = [];
const proxyProto = new Proxy({ q: 1 }, {
    ownKeys(t) { log.push("ownKeys"); return Reflect.ownKeys(t); },
    getOwnPropertyDescriptor(t, k) { log.push("gopd " + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
});
const overProxy = Object.create(proxyProto);
overProxy.o = 1;
assertEquals(keys(overProxy), "o,q");
assert(log.includes("ownKeys"));
// A String wrapper on the chain adds its indexes.
assertEquals(keys(Object.create(new String("ab"))), "0,1");
// A key deleted during the enumeration is skipped; one added is not visited.
const mutate = { a: 1, b: 2, c: 3 };
const seen = [];
for (const k in mutate) { seen.push(k); delete mutate.b; mutate.d = 4; }
assertEquals(seen.join(), "a,c");

// Objects without elements or integer keys enumerate straight from their shape: the order and the
// filtering must be those of the general path.
const big = {};
big.z = 1;
big["4294967294"] = 2; // an array index stored as a string key: it still comes first
big["4294967295"] = 3; // not an array index: insertion order
big.a = 4;
assertEquals(keys(big), "4294967294,z,4294967295,a");
const mixed = { s: 1 };
Object.defineProperty(mixed, "n", { value: 2, enumerable: false });
mixed[Symbol.iterator] = 3;
mixed.t = 4;
Object.defineProperty(mixed, "g", { get() { return 5; }, enumerable: true });
assertEquals(keys(mixed), "s,t,g");
// Keys deleted during the loop are skipped; keys added are not visited.
const live = { a: 1, b: 2, c: 3 };
const seenLive = [];
for (const k in live) {
    seenLive.push(k);
    if (k === "a") { delete live.b; live.d = 4; }
}
assertEquals(seenLive.join(), "a,c");
// A key deleted and added again is visited in its original position once.
const again = { a: 1, b: 2, c: 3 };
const seenAgain = [];
for (const k in again) {
    seenAgain.push(k);
    if (k === "a") { delete again.b; again.b = 5; }
}
assertEquals(seenAgain.join(), "a,b,c");
// The same loop over objects of one shape, then a shape that differs.
const rows = [{ x: 1, y: 2 }, { x: 3, y: 4 }, { y: 5, x: 6 }];
assertEquals(rows.map(keys).join("|"), "x,y|x,y|y,x");
// Primitives: a string's indices, nothing for numbers, null and undefined.
assertEquals(keys("ab"), "0,1");
assertEquals(keys(5) + keys(null) + keys(undefined), "");
