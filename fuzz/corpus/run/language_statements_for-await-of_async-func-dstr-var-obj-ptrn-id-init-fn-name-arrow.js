// This file was procedurally generated from the following sources:
// - src/dstr-binding-for-await/obj-ptrn-id-init-fn-name-arrow.case
// - src/dstr-binding-for-await/default/for-await-of-async-func-var.template

var iterCount = 0;

async function fn() {
  for await (var { arrow = () => {} } of [{}]) {
    assert.sameValue(arrow.name, 'arrow');

    iterCount += 1;
  }
}

fn()
  .then(() => assert.sameValue(iterCount, 1, 'iteration occurred as expected'), $DONE)
  .then($DONE, $DONE);
