// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-elem-id-init-unresolvable.case
// - src/dstr-binding/error/cls-decl-async-gen-meth-static.template


class C {
  static async *method([ x = unresolvableReference ]) {
    
  }
};

var method = C.method;

assert.throws(ReferenceError, function() {
  method([]);
});
