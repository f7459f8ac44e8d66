// This file was procedurally generated from the following sources:
// - src/arguments/args-trailing-comma-multiple.case
// - src/arguments/default/cls-decl-private-meth.template


var callCount = 0;
class C {
  #method() {
    assert.sameValue(arguments.length, 2);
    assert.sameValue(arguments[0], 42);
    assert.sameValue(arguments[1], 'TC39');
    callCount = callCount + 1;
  }

  get method() {
    return this.#method;
  }
}

new C().method(42, 'TC39',);

assert.sameValue(callCount, 1, 'method invoked exactly once');
