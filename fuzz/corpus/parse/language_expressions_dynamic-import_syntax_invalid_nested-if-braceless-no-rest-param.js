// This file was procedurally generated from the following sources:
// - src/dynamic-import/no-rest-param.case
// - src/dynamic-import/syntax/invalid/nested-if-braceless.template

$DONOTEVALUATE();

if (true) import(...['']);
