// This file was procedurally generated from the following sources:
// - src/computed-property-names/computed-property-name-from-assignment-expression-coalesce.case
// - src/computed-property-names/evaluation/class-expression-fields.template
let x = null;


let C = class {
  [x ??= 1] = 2;

  static [x ??= 1] = 2;
};

let c = new C();

assert.sameValue(
  c[x ??= 1],
  2
);
assert.sameValue(
  C[x ??= 1],
  2
);
assert.sameValue(
  c[String(x ??= 1)],
  2
);
assert.sameValue(
  C[String(x ??= 1)],
  2
);

assert.sameValue(x, 1);
