// This file was procedurally generated from the following sources:
// - src/dstr-binding-for-await/ary-ptrn-rest-not-final-id.case
// - src/dstr-binding-for-await/default/for-await-of-async-gen-const.template
$DONOTEVALUATE();

var iterCount = 0;

async function *fn() {
  for await (const [...x, y] of [[1, 2, 3]]) {
    

    iterCount += 1;
  }
}

fn().next()
  .then(() => assert.sameValue(iterCount, 1, 'iteration occurred as expected'), $DONE)
  .then($DONE, $DONE);
