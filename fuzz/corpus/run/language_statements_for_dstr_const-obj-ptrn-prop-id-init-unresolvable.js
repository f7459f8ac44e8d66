// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-prop-id-init-unresolvable.case
// - src/dstr-binding/error/for-const.template

assert.throws(ReferenceError, function() {
  for (const { x: y = unresolvableReference } = {}; ; ) {
    return;
  }
});
