var i = Array.prototype.lastIndexOf.call({
  length: null
}, 1);


assert.sameValue(i, -1, 'i');
