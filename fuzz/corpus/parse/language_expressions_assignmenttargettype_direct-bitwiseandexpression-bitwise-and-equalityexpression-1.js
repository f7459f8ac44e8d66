// This file was procedurally generated from the following sources:
// - src/assignment-target-type/bitwiseandexpression-bitwise-and-equalityexpression-1.case
// - src/assignment-target-type/invalid/direct.template

$DONOTEVALUATE();

1 & 2 = 1;
