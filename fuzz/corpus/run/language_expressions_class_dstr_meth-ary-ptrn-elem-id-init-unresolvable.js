// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-elem-id-init-unresolvable.case
// - src/dstr-binding/error/cls-expr-meth.template

var C = class {
  method([ x = unresolvableReference ]) {}
};

var c = new C();

assert.throws(ReferenceError, function() {
  c.method([]);
});
