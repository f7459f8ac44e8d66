// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-rest-not-final-ary.case
// - src/dstr-binding/default/for-of-const.template
$DONOTEVALUATE();

var iterCount = 0;

for (const [...[x], y] of [[1, 2, 3]]) {
  

  iterCount += 1;
}

assert.sameValue(iterCount, 1, 'iteration occurred as expected');
