var target = {};
var p = new Proxy(target, {
  preventExtensions: {}
});

assert.throws(TypeError, function() {
  Object.preventExtensions(p);
});
