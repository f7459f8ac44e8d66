// This file was procedurally generated from the following sources:
// - src/assignment-target-type/logicalandexpression-logical-and-bitwiseorexpression-2.case
// - src/assignment-target-type/invalid/direct.template

$DONOTEVALUATE();

true && false = 1;
