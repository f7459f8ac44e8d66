// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-rest-init-obj.case
// - src/dstr-binding/default/cls-decl-private-meth-dflt.template
$DONOTEVALUATE();

var callCount = 0;
class C {
  #method([...{ x } = []] = []) {
    
    callCount = callCount + 1;
  }

  get method() {
    return this.#method;
  }
};

new C().method();
assert.sameValue(callCount, 1, 'method invoked exactly once');
