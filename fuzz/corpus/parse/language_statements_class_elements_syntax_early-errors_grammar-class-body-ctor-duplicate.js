// This file was procedurally generated from the following sources:
// - src/class-elements/grammar-class-body-ctor-duplicate.case
// - src/class-elements/syntax/invalid/cls-decl-elements-invalid-syntax.template


$DONOTEVALUATE();

class C {
  constructor() {}
  constructor() {}
}
