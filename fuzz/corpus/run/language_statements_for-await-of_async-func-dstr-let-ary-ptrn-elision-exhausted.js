// This file was procedurally generated from the following sources:
// - src/dstr-binding-for-await/ary-ptrn-elision-exhausted.case
// - src/dstr-binding-for-await/default/for-await-of-async-func-let.template
var iter = function*() {}();
iter.next();

var iterCount = 0;

async function fn() {
  for await (let [,] of [iter]) {
    

    iterCount += 1;
  }
}

fn()
  .then(() => assert.sameValue(iterCount, 1, 'iteration occurred as expected'), $DONE)
  .then($DONE, $DONE);
