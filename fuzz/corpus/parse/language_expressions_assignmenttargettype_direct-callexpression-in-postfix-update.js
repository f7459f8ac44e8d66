// This file was procedurally generated from the following sources:
// - src/assignment-target-type/callexpression-in-postfix-update.case
// - src/assignment-target-type/invalid/statement/default.template

$DONOTEVALUATE();

f()++;
