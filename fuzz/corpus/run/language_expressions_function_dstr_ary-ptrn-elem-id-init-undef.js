// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-elem-id-init-undef.case
// - src/dstr-binding/default/func-expr.template

var callCount = 0;
var f;
f = function([x = 23]) {
  assert.sameValue(x, 23);
  callCount = callCount + 1;
};

f([undefined]);
assert.sameValue(callCount, 1, 'function invoked exactly once');
