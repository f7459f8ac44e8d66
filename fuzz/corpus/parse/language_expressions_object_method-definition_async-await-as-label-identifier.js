// This file was procedurally generated from the following sources:
// - src/async-functions/await-as-label-identifier.case
// - src/async-functions/syntax/async-obj-method.template
$DONOTEVALUATE();


var obj = {
  async method() {
    await: ;
  }
};
