var arr = new Array(10);
assert.throws(TypeError, function() {
  arr.filter(null);
});
