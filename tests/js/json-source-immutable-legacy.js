// JSON.rawJSON / isRawJSON and JSON.parse source text access (json-parse-with-source), immutable
// ArrayBuffers (transferToImmutable, sliceToImmutable, views refusing writes) and the legacy RegExp
// static properties (RegExp.$1, lastMatch, input, ...).

// ---- JSON.rawJSON / isRawJSON ----
const raw = JSON.rawJSON("12345678901234567890");
assertEquals(JSON.isRawJSON(raw), true, "isRawJSON of a raw object");
assertEquals(JSON.isRawJSON({ rawJSON: "1" }), false, "a look-alike is not raw");
assertEquals(Object.getPrototypeOf(raw), null, "null prototype");
assertEquals(Object.isFrozen(raw), true, "frozen");
assertEquals(JSON.stringify({ big: raw, list: [JSON.rawJSON('"s"'), JSON.rawJSON("null")] }),
             '{"big":12345678901234567890,"list":["s",null]}', "raw text is emitted verbatim");
assertThrows(SyntaxError, () => JSON.rawJSON(" 1"), "leading space");
assertThrows(SyntaxError, () => JSON.rawJSON("{}"), "objects are refused");
assertThrows(SyntaxError, () => JSON.rawJSON("1 2"), "invalid JSON text");

// ---- JSON.parse reviver context ----
const seen = [];
const parsed = JSON.parse('{"a": 1.50, "b": [true, "x\\u0041"], "a": -0}', function (key, value, context) {
    seen.push(key + "=" + context.source);
    return value;
});
assertEquals(Object.is(parsed.a, -0), true, "last duplicate wins");
assertArrayEquals(seen, ["a=-0", "0=true", '1="x\\u0041"', "b=undefined", "=undefined"], "sources");
const forward = [];
JSON.parse("[1, 2]", function (key, value, { source }) {
    if (key === "0") this[1] = 3;
    forward.push(key + ":" + source);
    return value;
});
assertArrayEquals(forward, ["0:1", "1:undefined", ":undefined"], "a replaced value has no source");

// ---- Immutable ArrayBuffer ----
const source = new ArrayBuffer(4);
new Uint8Array(source).set([1, 2, 3, 4]);
const frozen = source.transferToImmutable(6);
assertEquals(source.detached, true, "transferToImmutable detaches");
assertEquals(frozen.immutable, true, "immutable getter");
assertEquals(frozen.byteLength, 6, "new length");
const view = new Uint8Array(frozen);
assertArrayEquals(Array.from(view), [1, 2, 3, 4, 0, 0], "contents copied, zero-filled");
assertThrows(TypeError, () => { "use strict"; view[0] = 9; }, "strict element write throws");
view[1] = 9;
assertEquals(view[1], 2, "sloppy element write is ignored");
assertThrows(TypeError, () => view.fill(0), "fill refuses");
assertThrows(TypeError, () => view.set([0]), "set refuses");
assertThrows(TypeError, () => new DataView(frozen).setUint8(0, 1), "DataView set refuses");
assertEquals(new DataView(frozen).getUint8(2), 3, "DataView get works");
assertThrows(TypeError, () => Object.defineProperty(view, 0, { value: 7 }), "define refuses a change");
assertEquals(Reflect.defineProperty(view, 0, { value: 1 }), true, "define of the same value succeeds");
assertEquals(Object.getOwnPropertyDescriptor(view, 0).writable, false, "elements are not writable");
assertThrows(TypeError, () => frozen.transfer(), "transfer of an immutable buffer");
assertThrows(TypeError, () => frozen.resize(1), "resize of an immutable buffer");
const sliced = new ArrayBuffer(8, { maxByteLength: 8 });
new Uint8Array(sliced).set([1, 2, 3, 4, 5, 6, 7, 8]);
const part = sliced.sliceToImmutable(2, -2);
assertEquals(part.immutable, true, "sliceToImmutable result is immutable");
assertArrayEquals(Array.from(new Uint8Array(part)), [3, 4, 5, 6], "slice contents");
assertEquals(sliced.immutable, false, "the source stays mutable");
assertEquals(view.map(x => x * 2)[0], 2, "map builds a mutable result");

// ---- Legacy RegExp statics ----
assertEquals(/(\w)(\d)?-(\w+)/.exec("xx a-bc yy") !== null, true, "match");
assertEquals(RegExp.$1, "a", "$1");
assertEquals(RegExp.$2, "", "unmatched group is empty");
assertEquals(RegExp.$3, "bc", "$3");
assertEquals(RegExp.$9, "", "$9 past the groups");
assertEquals(RegExp.lastMatch, "a-bc", "lastMatch");
assertEquals(RegExp["$&"], "a-bc", "$&");
assertEquals(RegExp.lastParen, "bc", "lastParen");
assertEquals(RegExp.leftContext, "xx ", "leftContext");
assertEquals(RegExp.rightContext, " yy", "rightContext");
assertEquals(RegExp.input, "xx a-bc yy", "input");
RegExp.input = "changed";
assertEquals(RegExp.$_, "changed", "input setter");
assertEquals(RegExp.lastMatch, "a-bc", "setting input leaves the rest");
"q".replace(/q/, "r");
assertEquals(RegExp.lastMatch, "q", "replace updates the statics");
class Sub extends RegExp {}
new Sub("z").exec("z");
assertThrows(TypeError, () => RegExp.lastMatch, "a subclass match invalidates the statics");
assertThrows(TypeError, () => Sub.$1, "subclass receiver");
/(k)/.test("k");
assertEquals(RegExp.$1, "k", "a legacy match makes them available again");
