// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-init-undefined.case
// - src/dstr-binding/error/let-stmt.template

assert.throws(TypeError, function() {
  let {} = undefined;
});
