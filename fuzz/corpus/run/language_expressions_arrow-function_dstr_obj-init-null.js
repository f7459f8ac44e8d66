// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-init-null.case
// - src/dstr-binding/error/arrow-function.template

var f = ({}) => {};

assert.throws(TypeError, function() {
  f(null);
});
