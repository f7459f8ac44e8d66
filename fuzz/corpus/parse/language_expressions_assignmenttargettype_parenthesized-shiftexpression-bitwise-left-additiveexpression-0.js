// This file was procedurally generated from the following sources:
// - src/assignment-target-type/shiftexpression-bitwise-left-additiveexpression-0.case
// - src/assignment-target-type/invalid/parenthesized.template

$DONOTEVALUATE();

(x << y) = 1;
