// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-elem-obj-val-undef.case
// - src/dstr-binding/error/cls-decl-async-gen-meth-dflt.template


class C {
  async *method([{ x }] = []) {
    
  }
};

var method = C.prototype.method;

assert.throws(TypeError, function() {
  method();
});
