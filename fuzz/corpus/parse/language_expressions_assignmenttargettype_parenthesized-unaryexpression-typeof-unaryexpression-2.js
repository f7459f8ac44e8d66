// This file was procedurally generated from the following sources:
// - src/assignment-target-type/unaryexpression-typeof-unaryexpression-2.case
// - src/assignment-target-type/invalid/parenthesized.template

$DONOTEVALUATE();

(typeof true) = 1;
