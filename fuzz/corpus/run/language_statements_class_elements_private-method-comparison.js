// This file was procedurally generated from the following sources:
// - src/class-elements/private-method-comparison.case
// - src/class-elements/default/cls-decl.template


class C {
  #m() { return 'test262'; }
    
  getPrivateMethod() {
      return this.#m;
  }

}

let c1 = new C();
let c2 = new C();

assert.sameValue(c1.getPrivateMethod(), c2.getPrivateMethod());
