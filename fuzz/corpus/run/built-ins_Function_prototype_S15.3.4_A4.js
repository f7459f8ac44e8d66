assert.sameValue(
  Function.prototype.hasOwnProperty("valueOf"),
  false,
  'Function.prototype.hasOwnProperty("valueOf") must return false'
);

assert.notSameValue(
  typeof Function.prototype.valueOf,
  "undefined",
  'The value of typeof Function.prototype.valueOf is not "undefined"'
);

assert.sameValue(
  Function.prototype.valueOf,
  Object.prototype.valueOf,
  'The value of Function.prototype.valueOf is expected to equal the value of Object.prototype.valueOf'
);
