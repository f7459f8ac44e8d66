// This file was procedurally generated from the following sources:
// - src/async-functions/await-as-binding-identifier-escaped.case
// - src/async-functions/syntax/async-class-expr-private-method.template
$DONOTEVALUATE();


var C = class {
  async #method() {
    var \u0061wait;
  }
};
