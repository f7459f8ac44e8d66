// This file was procedurally generated from the following sources:
// - src/invalid-private-names/call-expression-bad-reference.case
// - src/invalid-private-names/default/function-decl.template


$DONOTEVALUATE();

function fn() { (() => {})().#x }
