var proto = {};

Object.defineProperty(proto, "foo", {
  get: function() {
    return 9;
  },
  configurable: false
});

var Con = function() {};
Con.prototype = proto;
var child = new Con();


Object.defineProperty(child, "foo", {
  value: 12,
  configurable: true
});

Object.preventExtensions(child);

assert.sameValue(Object.isFrozen(child), false, 'Object.isFrozen(child)');
