// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-id-get-value-err.case
// - src/dstr-binding/error/async-gen-func-named-expr-dflt.template
var poisonedProperty = Object.defineProperty({}, 'poisoned', {
  get: function() {
    throw new Test262Error();
  }
});


var f;
f = async function* h({ poisoned } = poisonedProperty) {
  
};

assert.throws(Test262Error, function() {
  f();
});
