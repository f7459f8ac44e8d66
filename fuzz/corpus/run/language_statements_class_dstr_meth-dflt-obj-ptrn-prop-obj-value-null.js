// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-prop-obj-value-null.case
// - src/dstr-binding/error/cls-decl-meth-dflt.template

class C {
  method({ w: { x, y, z } = { x: 4, y: 5, z: 6 } } = { w: null }) {}
};

var c = new C();

assert.throws(TypeError, function() {
  c.method();
});
