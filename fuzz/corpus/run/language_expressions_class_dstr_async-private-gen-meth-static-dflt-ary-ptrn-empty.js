// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-empty.case
// - src/dstr-binding/default/cls-expr-async-private-gen-meth-static-dflt.template
var iterations = 0;
var iter = function*() {
  iterations += 1;
}();


var callCount = 0;
var C = class {
  static async * #method([] = iter) {
    assert.sameValue(iterations, 0);
    callCount = callCount + 1;
  }

  static get method() {
    return this.#method;
  }
};

C.method().next().then(() => {
    assert.sameValue(callCount, 1, 'invoked exactly once');    
}).then($DONE, $DONE);
