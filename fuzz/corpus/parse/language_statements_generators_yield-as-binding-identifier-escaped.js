// This file was procedurally generated from the following sources:
// - src/generators/yield-as-binding-identifier-escaped.case
// - src/generators/syntax/declaration.template
$DONOTEVALUATE();

function *gen() {
  var yi\u0065ld;
}
