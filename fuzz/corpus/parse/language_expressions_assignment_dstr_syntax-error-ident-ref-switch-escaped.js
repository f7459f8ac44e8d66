// This file was procedurally generated from the following sources:
// - src/identifier-names/switch-escaped.case
// - src/identifier-names/default/obj-assignment-identifier.template


$DONOTEVALUATE();

var x = { sw\u0069tch } = { switch: 42 };
