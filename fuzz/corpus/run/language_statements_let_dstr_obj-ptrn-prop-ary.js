// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-prop-ary.case
// - src/dstr-binding/default/let-stmt.template

let { w: [x, y, z] = [4, 5, 6] } = { w: [7, undefined, ] };

assert.sameValue(x, 7);
assert.sameValue(y, undefined);
assert.sameValue(z, undefined);

assert.throws(ReferenceError, function() {
  w;
});
