var buffer = new ArrayBuffer(2);
var sample = new DataView(buffer, 0);

sample.setUint8(0, 0);
sample.setUint8(1, 42);

// False
assert.sameValue(sample.getUint16(0), 42, "no arg");
assert.sameValue(sample.getUint16(0, undefined), 42, "undefined");
assert.sameValue(sample.getUint16(0, null), 42, "null");
assert.sameValue(sample.getUint16(0, 0), 42, "0");
assert.sameValue(sample.getUint16(0, ""), 42, "the empty string");

// True
assert.sameValue(sample.getUint16(0, {}), 10752, "{}");
assert.sameValue(sample.getUint16(0, Symbol("1")), 10752, "symbol");
assert.sameValue(sample.getUint16(0, 1), 10752, "1");
assert.sameValue(sample.getUint16(0, "string"), 10752, "string");
