assert.sameValue(Math.clz32(Infinity), 32, "Infinity");
assert.sameValue(Math.clz32(-Infinity), 32, "-Infinity");
