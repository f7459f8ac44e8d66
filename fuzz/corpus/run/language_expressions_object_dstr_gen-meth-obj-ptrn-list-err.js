// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-list-err.case
// - src/dstr-binding/error/gen-meth.template
var initCount = 0;
function thrower() {
  throw new Test262Error();
}

var obj = {
  *method({ a, b = thrower(), c = ++initCount }) {}
};

assert.throws(Test262Error, function() {
  obj.method({});
});

assert.sameValue(initCount, 0);
