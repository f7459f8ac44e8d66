// This file was procedurally generated from the following sources:
// - src/arguments/args-trailing-comma-single-args.case
// - src/arguments/default/cls-expr-private-gen-meth-static.template


var callCount = 0;
var C = class {
  static * #method() {
    assert.sameValue(arguments.length, 1);
    assert.sameValue(arguments[0], 42);
    callCount = callCount + 1;
  }

  static get method() {
    return this.#method;
  }
};

C.method(42,).next();

assert.sameValue(callCount, 1, 'method invoked exactly once');
