assert.sameValue(
  Array.prototype.isPrototypeOf(Array()),
  true,
  'Array.prototype.isPrototypeOf(Array()) must return true'
);
