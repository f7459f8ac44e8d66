// This file was procedurally generated from the following sources:
// - src/class-elements/private-async-generator-cannot-escape-token.case
// - src/class-elements/syntax/invalid/cls-decl-elements-invalid-syntax.template


$DONOTEVALUATE();

class C {
  async * \u0023m() { return 42; }
}
