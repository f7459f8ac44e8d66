// This file was procedurally generated from the following sources:
// - src/class-elements/grammar-privatename-whitespace-error-accessor-get-meth.case
// - src/class-elements/syntax/invalid/cls-decl-elements-invalid-syntax.template


$DONOTEVALUATE();

class C {
  get # m() {}
}
