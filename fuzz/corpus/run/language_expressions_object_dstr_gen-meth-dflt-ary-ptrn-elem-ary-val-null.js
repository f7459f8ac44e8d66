// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-elem-ary-val-null.case
// - src/dstr-binding/error/gen-meth-dflt.template

var obj = {
  *method([[x]] = [null]) {}
};

assert.throws(TypeError, function() {
  obj.method();
});
