var b = Object.isFrozen(Array.prototype);

assert.sameValue(b, false, 'b');
