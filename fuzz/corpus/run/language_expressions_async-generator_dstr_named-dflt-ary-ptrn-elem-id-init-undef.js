// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-elem-id-init-undef.case
// - src/dstr-binding/default/async-gen-func-named-expr-dflt.template


var callCount = 0;
var f;
f = async function* h([x = 23] = [undefined]) {
  assert.sameValue(x, 23);
  callCount = callCount + 1;
};

f().next().then(() => {
    assert.sameValue(callCount, 1, 'invoked exactly once');
}).then($DONE, $DONE);
