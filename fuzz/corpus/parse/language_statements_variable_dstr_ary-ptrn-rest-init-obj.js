// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-rest-init-obj.case
// - src/dstr-binding/default/var-stmt.template
$DONOTEVALUATE();

var [...{ x } = []] = [];
