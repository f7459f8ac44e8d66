// This file was procedurally generated from the following sources:
// - src/class-elements/private-setter-on-nested-class.case
// - src/class-elements/default/cls-decl.template


class C {
  set #m(v) { this._v = v; }

  B = class {
    method(o, v) {
      o.#m = v;
    }
  }
}

let c = new C();
let innerB = new c.B();
innerB.method(c, 'test262');
assert.sameValue(c._v, 'test262');
