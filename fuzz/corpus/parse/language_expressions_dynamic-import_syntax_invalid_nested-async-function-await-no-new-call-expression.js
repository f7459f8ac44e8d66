// This file was procedurally generated from the following sources:
// - src/dynamic-import/no-new-call-expression.case
// - src/dynamic-import/syntax/invalid/nested-async-function-await.template

$DONOTEVALUATE();

async function f() {
  await new import('');
}
