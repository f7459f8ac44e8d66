// This file was procedurally generated from the following sources:
// - src/invalid-private-names/member-expression-this.case
// - src/invalid-private-names/default/cls-expr-outter-method.template


$DONOTEVALUATE();

var C = class {
  m() {
    class Outter {
      #x = 42;
    }

    this.#x;
  }
};
