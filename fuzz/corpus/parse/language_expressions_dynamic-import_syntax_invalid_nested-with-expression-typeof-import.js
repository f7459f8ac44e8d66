// This file was procedurally generated from the following sources:
// - src/dynamic-import/typeof-import.case
// - src/dynamic-import/syntax/invalid/nested-with-expression.template

$DONOTEVALUATE();

with (typeof import) {}

/* The params region intentionally empty */
