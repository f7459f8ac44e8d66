// This file was procedurally generated from the following sources:
// - src/accessor-names/private-escape-sequence-u6F.case
// - src/accessor-names/private/cls-private-expr-inst.template

var stringSet;

var C = class {
  get #\u{6F}() { return 'get string'; }
  set #\u{6F}(param) { stringSet = param; }

  getPrivateReference() {
    return this.#o;
  }

  setPrivateReference(value) {
    this.#o = value;
  }
};

var inst = new C();

assert.sameValue(inst.getPrivateReference(), 'get string');

inst.setPrivateReference('set string');
assert.sameValue(stringSet, 'set string');
