var f = Object.keys;

assert.sameValue(typeof(f), "function", 'typeof(f)');
