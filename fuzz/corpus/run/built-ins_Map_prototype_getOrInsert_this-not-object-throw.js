var m = new Map();

assert.throws(TypeError, function () {
    m.getOrInsert.call(false, 1, 1);
});

assert.throws(TypeError, function () {
    m.getOrInsert.call(1, 1, 1);
});

assert.throws(TypeError, function () {
    m.getOrInsert.call("", 1, 1);
});

assert.throws(TypeError, function () {
    m.getOrInsert.call(undefined, 1, 1);
});

assert.throws(TypeError, function () {
    m.getOrInsert.call(null, 1, 1);
});

assert.throws(TypeError, function () {
    m.getOrInsert.call(Symbol(), 1, 1);
});
