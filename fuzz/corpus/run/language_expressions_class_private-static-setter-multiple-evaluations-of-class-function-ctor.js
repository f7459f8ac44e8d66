let classStringExpression = `
return class {
  static set #m(v) {
    this._v = v;
  }

  static access() {
    this.#m = 'test262';
  }
}
`;

let createClass = function () {
  let classFactoryFunction = new Function(classStringExpression);
  return classFactoryFunction();
};

let C1 = createClass();
let C2 = createClass();

C1.access();
assert.sameValue(C1._v, 'test262');
C2.access();
assert.sameValue(C2._v, 'test262');

assert.throws(TypeError, function() {
  C1.access.call(C2);
}, 'invalid access of C1 private static setter');

assert.throws(TypeError, function() {
  C2.access.call(C1);
}, 'invalid access of C2 private static setter');
