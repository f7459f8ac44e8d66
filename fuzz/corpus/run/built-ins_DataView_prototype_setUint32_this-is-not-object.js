var setUint32 = DataView.prototype.setUint32;

assert.throws(TypeError, function() {
  setUint32.call(undefined);
}, "undefined");

assert.throws(TypeError, function() {
  setUint32.call(null);
}, "null");

assert.throws(TypeError, function() {
  setUint32.call(1);
}, "1");

assert.throws(TypeError, function() {
  setUint32.call("string");
}, "string");

assert.throws(TypeError, function() {
  setUint32.call(true);
}, "true");

assert.throws(TypeError, function() {
  setUint32.call(false);
}, "false");

var s = Symbol("1");
assert.throws(TypeError, function() {
  setUint32.call(s);
}, "symbol");
