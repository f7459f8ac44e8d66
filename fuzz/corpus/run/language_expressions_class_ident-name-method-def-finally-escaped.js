// This file was procedurally generated from the following sources:
// - src/identifier-names/finally-escaped.case
// - src/identifier-names/default/class-expression-method-def.template


var C = class {
  \u0066inally() { return 42; }
}

var obj = new C();

assert.sameValue(obj['finally'](), 42, 'property exists');
