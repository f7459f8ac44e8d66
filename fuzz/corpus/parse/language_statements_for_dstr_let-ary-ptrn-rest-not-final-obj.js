// This file was procedurally generated from the following sources:
// - src/dstr-binding/ary-ptrn-rest-not-final-obj.case
// - src/dstr-binding/default/for-let.template
$DONOTEVALUATE();

var iterCount = 0;

for (let [...{ x }, y] = [1, 2, 3]; iterCount < 1; ) {
  

  iterCount += 1;
}

assert.sameValue(iterCount, 1, 'Iteration occurred as expected');
