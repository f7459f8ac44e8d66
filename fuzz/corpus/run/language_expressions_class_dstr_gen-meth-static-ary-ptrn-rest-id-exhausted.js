// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-rest-id-exhausted.case
// - src/dstr-binding/default/cls-expr-gen-meth-static.template

var callCount = 0;
var C = class {
  static *method([, , ...x]) {
    assert(Array.isArray(x));
    assert.sameValue(x.length, 0);
    callCount = callCount + 1;
  }
};

C.method([1, 2]).next();
assert.sameValue(callCount, 1, 'method invoked exactly once');
