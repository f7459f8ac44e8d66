// This file was procedurally generated from the following sources:
// - src/declarations/let.case
// - src/declarations/redeclare/block-attempt-to-redeclare-const-declaration.template


$DONOTEVALUATE();

{ const f = 0; let f }
