// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-id-trailing-comma.case
// - src/dstr-binding/default/cls-decl-private-gen-meth.template

var callCount = 0;
class C {
  * #method({ x, }) {
    assert.sameValue(x, 23);
    callCount = callCount + 1;
  }

  get method() {
    return this.#method;
  }
};

new C().method({ x: 23 }).next();
assert.sameValue(callCount, 1, 'method invoked exactly once');
