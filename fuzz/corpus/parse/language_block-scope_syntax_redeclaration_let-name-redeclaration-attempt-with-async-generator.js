// This file was procedurally generated from the following sources:
// - src/declarations/async-generator.case
// - src/declarations/redeclare/block-attempt-to-redeclare-let-declaration.template


$DONOTEVALUATE();

{ let f; async function* f() {} }
