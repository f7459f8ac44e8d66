var desc = Object.getOwnPropertyDescriptor(Date.prototype, "toLocaleString");

assert.sameValue(desc.value, Date.prototype.toLocaleString, 'desc.value');
assert.sameValue(desc.writable, true, 'desc.writable');
assert.sameValue(desc.enumerable, false, 'desc.enumerable');
assert.sameValue(desc.configurable, true, 'desc.configurable');
