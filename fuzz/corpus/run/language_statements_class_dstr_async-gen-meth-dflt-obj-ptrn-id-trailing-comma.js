// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-id-trailing-comma.case
// - src/dstr-binding/default/cls-decl-async-gen-meth-dflt.template


var callCount = 0;
class C {
  async *method({ x, } = { x: 23 }) {
    assert.sameValue(x, 23);
    callCount = callCount + 1;
  }
};

new C().method().next().then(() => {
    assert.sameValue(callCount, 1, 'invoked exactly once');    
}).then($DONE, $DONE);
