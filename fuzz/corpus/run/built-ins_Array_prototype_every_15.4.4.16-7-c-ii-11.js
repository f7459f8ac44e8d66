var called = 0;

function callbackfn(val, idx) {
  called++;
  return val > 10 && arguments[2][idx] === val;
}

assert([11, 12].every(callbackfn), '[11, 12].every(callbackfn) !== true');
assert.sameValue(called, 2, 'called');
