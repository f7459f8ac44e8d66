// This file was procedurally generated from the following sources:
// - src/dynamic-import/no-new-call-expression.case
// - src/dynamic-import/syntax/invalid/nested-if-braceless.template

$DONOTEVALUATE();

if (true) new import('');
