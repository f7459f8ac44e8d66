var called = 0;

function callbackfn(val, idx, obj) {
  called++;
  return val === 11;
}

var obj = {
  0: 9,
  10: 8,
  non_index_property: 11,
  length: 20
};

assert.sameValue(Array.prototype.some.call(obj, callbackfn), false, 'Array.prototype.some.call(obj, callbackfn)');
assert.sameValue(called, 2, 'called');
