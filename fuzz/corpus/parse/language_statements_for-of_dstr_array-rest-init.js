// This file was procedurally generated from the following sources:
// - src/dstr-assignment/array-rest-init.case
// - src/dstr-assignment/syntax/for-of.template
$DONOTEVALUATE();
var x;

for ([...x = 1] of [[]]) ;
