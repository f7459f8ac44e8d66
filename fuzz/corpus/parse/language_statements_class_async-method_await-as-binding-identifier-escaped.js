// This file was procedurally generated from the following sources:
// - src/async-functions/await-as-binding-identifier-escaped.case
// - src/async-functions/syntax/async-class-decl-method.template
$DONOTEVALUATE();


class C {
  async method() {
    var \u0061wait;
  }
}
