// This file was procedurally generated from the following sources:
// - src/assignment-target-type/arrowfunction-4.case
// - src/assignment-target-type/invalid/direct.template

$DONOTEVALUATE();

(() => 1) = 1;
