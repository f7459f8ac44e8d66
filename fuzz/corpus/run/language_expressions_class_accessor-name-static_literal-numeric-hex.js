// This file was procedurally generated from the following sources:
// - src/accessor-names/literal-numeric-hex.case
// - src/accessor-names/default/cls-expr-static.template

var stringSet;

var C = class {
  static get 0x10() { return 'get string'; }
  static set 0x10(param) { stringSet = param; }
};

assert.sameValue(C['16'], 'get string');

C['16'] = 'set string';
assert.sameValue(stringSet, 'set string');
