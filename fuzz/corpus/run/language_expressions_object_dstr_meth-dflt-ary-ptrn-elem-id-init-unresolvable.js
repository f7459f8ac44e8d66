// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-elem-id-init-unresolvable.case
// - src/dstr-binding/error/meth-dflt.template

var obj = {
  method([ x = unresolvableReference ] = []) {}
};

assert.throws(ReferenceError, function() {
  obj.method();
});
