assert.sameValue(0..toString(25), "0");
assert.sameValue(1..toString(25), "1");
assert.sameValue(NaN.toString(25), "NaN");
assert.sameValue(Infinity.toString(25), "Infinity");
