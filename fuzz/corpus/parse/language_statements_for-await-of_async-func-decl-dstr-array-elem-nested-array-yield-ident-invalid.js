// This file was procedurally generated from the following sources:
// - src/dstr-assignment-for-await/array-elem-nested-array-yield-ident-invalid.case
// - src/dstr-assignment-for-await/error-async-function-syntax/async-func-decl.template
$DONOTEVALUATE();

async function fn() {
  for await ([[x[yield]]] of [[[]]]) {}
}
