var m = new Map([
  ['a', 1],
  ['b', 2]
]);

assert.sameValue(m.delete('not-in-the-map'), false);

m.delete('a');
assert.sameValue(m.delete('a'), false);
