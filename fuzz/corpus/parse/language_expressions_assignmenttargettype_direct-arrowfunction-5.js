// This file was procedurally generated from the following sources:
// - src/assignment-target-type/arrowfunction-5.case
// - src/assignment-target-type/invalid/direct.template

$DONOTEVALUATE();

(() => true) = 1;
