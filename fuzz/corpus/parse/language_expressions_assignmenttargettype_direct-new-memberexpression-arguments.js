// This file was procedurally generated from the following sources:
// - src/assignment-target-type/new-memberexpression-arguments.case
// - src/assignment-target-type/invalid/direct.template

$DONOTEVALUATE();

new f() = 1;
