// This file was procedurally generated from the following sources:
// - src/assignment-target-type/bitwiseorexpression-bitwise-or-bitwisexorexpression-0.case
// - src/assignment-target-type/invalid/direct.template

$DONOTEVALUATE();

x | y = 1;
