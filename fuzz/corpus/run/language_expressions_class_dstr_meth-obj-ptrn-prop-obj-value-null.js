// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-prop-obj-value-null.case
// - src/dstr-binding/error/cls-expr-meth.template

var C = class {
  method({ w: { x, y, z } = { x: 4, y: 5, z: 6 } }) {}
};

var c = new C();

assert.throws(TypeError, function() {
  c.method({ w: null });
});
