// This file was procedurally generated from the following sources:
// - src/identifier-names/super-escaped.case
// - src/identifier-names/default/obj-method-definition.template


var obj = {
  sup\u0065r() { return 42; }
};

assert.sameValue(obj['super'](), 42, 'property exists');
