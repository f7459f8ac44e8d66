// This file was procedurally generated from the following sources:
// - src/async-generators/yield-as-identifier-reference-escaped.case
// - src/async-generators/syntax/async-expression.template
$DONOTEVALUATE();


var gen = async function *() {
  void yi\u0065ld;
};
