// This file was procedurally generated from the following sources:
// - src/assignment-target-type/primaryexpression-classexpression.case
// - src/assignment-target-type/invalid/parenthesized.template

$DONOTEVALUATE();

(class {}) = 1;
