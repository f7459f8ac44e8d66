// This file was procedurally generated from the following sources:
// - src/dstr-binding/obj-ptrn-prop-obj-value-undef.case
// - src/dstr-binding/error/async-gen-method-dflt.template


var obj = {
  async *method({ w: { x, y, z } = undefined } = { }) {
    
  }
};

assert.throws(TypeError, function() {
  obj.method();
});
