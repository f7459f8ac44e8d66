// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-prop-id-get-value-err.case
// - src/dstr-binding/error/cls-expr-async-gen-meth.template
var initEvalCount = 0;
var poisonedProperty = Object.defineProperty({}, 'poisoned', {
  get: function() {
    throw new Test262Error();
  }
});


var C = class {
  async *method({ poisoned: x = ++initEvalCount }) {
    
  }
};

var method = C.prototype.method;

assert.throws(Test262Error, function() {
  method(poisonedProperty);
});

assert.sameValue(initEvalCount, 0);
