// This file was procedurally generated from the following sources:
// - src/invalid-private-names/member-expression-bad-reference.case
// - src/invalid-private-names/default/cls-decl-method-fn.template


$DONOTEVALUATE();

class C {
  m() {
    function fn() { something.#x }
  }
}
