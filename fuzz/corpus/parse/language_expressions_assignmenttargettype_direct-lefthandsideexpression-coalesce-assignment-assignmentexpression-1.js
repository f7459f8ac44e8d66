// This file was procedurally generated from the following sources:
// - src/assignment-target-type/lefthandsideexpression-coalesce-assignment-assignmentexpression-1.case
// - src/assignment-target-type/invalid/direct.template

$DONOTEVALUATE();

(x ??= 1) = 1;
