// This file was procedurally generated from the following sources:
// - src/identifier-names/interface-escaped.case
// - src/identifier-names/future-reserved-words/arrow-fn-assignment-identifier.template


$DONOTEVALUATE();

var x = ({ interf\u0061ce }) => {};
