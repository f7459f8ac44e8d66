// This file was procedurally generated from the following sources:
// - src/async-generators/yield-as-identifier-reference-escaped.case
// - src/async-generators/syntax/async-declaration.template
$DONOTEVALUATE();


async function *gen() {
  void yi\u0065ld;
}
