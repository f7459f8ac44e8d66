// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-rest-ary-empty.case
// - src/dstr-binding/default/for-of-let.template
var iterations = 0;
var iter = function*() {
  iterations += 1;
}();

var iterCount = 0;

for (let [...[]] of [iter]) {
  assert.sameValue(iterations, 1);

  iterCount += 1;
}

assert.sameValue(iterCount, 1, 'Iteration occurred as expected');
