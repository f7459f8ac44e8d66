var desc = Object.getOwnPropertyDescriptor(Math, "sin");

assert.sameValue(desc.value, Math.sin, 'desc.value');
assert.sameValue(desc.writable, true, 'desc.writable');
assert.sameValue(desc.enumerable, false, 'desc.enumerable');
assert.sameValue(desc.configurable, true, 'desc.configurable');
