// This file was procedurally generated from the following sources:
// - src/identifier-names/case-escaped.case
// - src/identifier-names/default/obj-method-definition.template


var obj = {
  c\u0061se() { return 42; }
};

assert.sameValue(obj['case'](), 42, 'property exists');
