// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-rest-not-final-ary.case
// - src/dstr-binding/default/cls-expr-gen-meth-static.template
$DONOTEVALUATE();

var callCount = 0;
var C = class {
  static *method([...[x], y]) {
    
    callCount = callCount + 1;
  }
};

C.method([1, 2, 3]).next();
assert.sameValue(callCount, 1, 'method invoked exactly once');
