// This file was procedurally generated from the following sources:
// - src/assignment-target-type/callexpression-templateliteral.case
// - src/assignment-target-type/invalid/parenthesized.template

$DONOTEVALUATE();

(f()``) = 1;
