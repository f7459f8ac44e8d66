// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-init-undefined.case
// - src/dstr-binding/error/func-decl.template

function f({}) {}

assert.throws(TypeError, function() {
  f(undefined);
});
