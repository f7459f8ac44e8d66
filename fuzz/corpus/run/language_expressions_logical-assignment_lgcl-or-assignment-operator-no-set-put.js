var obj = {};
Object.defineProperty(obj, "prop", {
  get: function() {
    return 0;
  },
  set: undefined,
  enumerable: true,
  configurable: true
});

assert.throws(TypeError, function() {
  obj.prop ||= 1;
});
assert.sameValue(obj.prop, 0, "obj.prop");
