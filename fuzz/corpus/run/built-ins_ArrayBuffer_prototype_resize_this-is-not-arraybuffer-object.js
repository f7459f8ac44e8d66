assert.sameValue(typeof ArrayBuffer.prototype.resize, 'function');

assert.throws(TypeError, function() {
  ArrayBuffer.prototype.resize();
}, '`this` value is the ArrayBuffer prototype');

assert.throws(TypeError, function() {
  ArrayBuffer.prototype.resize.call({});
}, '`this` value is an object');

assert.throws(TypeError, function() {
  ArrayBuffer.prototype.resize.call([]);
}, '`this` value is an array');
