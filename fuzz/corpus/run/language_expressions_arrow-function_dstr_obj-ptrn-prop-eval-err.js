// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-prop-eval-err.case
// - src/dstr-binding/error/arrow-function.template
function thrower() {
  throw new Test262Error();
}

var f = ({ [thrower()]: x }) => {};

assert.throws(Test262Error, function() {
  f({});
});
