// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-rest-init-id.case
// - src/dstr-binding/default/func-expr-dflt.template
$DONOTEVALUATE();

var callCount = 0;
var f;
f = function([...x = []] = []) {
  
  callCount = callCount + 1;
};

f();
assert.sameValue(callCount, 1, 'function invoked exactly once');
