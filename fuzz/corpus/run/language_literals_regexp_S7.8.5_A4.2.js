var regexp1 = /(?:)/;
var regexp2 = /(?:)/;
assert.notSameValue(
  regexp1,
  regexp2,
  "var regexp1 = /(?:)/; var regexp2 = /(?:)/; regexp1 !== regexp2"
);
