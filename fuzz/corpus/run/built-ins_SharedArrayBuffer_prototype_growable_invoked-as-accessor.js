assert.throws(TypeError, function() {
  SharedArrayBuffer.prototype.growable;
});
