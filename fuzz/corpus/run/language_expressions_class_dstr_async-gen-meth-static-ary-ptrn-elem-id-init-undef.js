// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-elem-id-init-undef.case
// - src/dstr-binding/default/cls-expr-async-gen-meth-static.template


var callCount = 0;
var C = class {
  static async *method([x = 23]) {
    assert.sameValue(x, 23);
    callCount = callCount + 1;
  }
};

C.method([undefined]).next().then(() => {
    assert.sameValue(callCount, 1, 'invoked exactly once');    
}).then($DONE, $DONE);
