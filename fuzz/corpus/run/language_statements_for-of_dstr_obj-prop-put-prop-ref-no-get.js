// This file was procedurally generated from the following sources:
// - src/dstr-assignment/obj-prop-put-prop-ref-no-get.case
// - src/dstr-assignment/default/for-of.template
var setValue;
var x = {
  get y() {
    throw new Test262Error('The property should not be accessed.');
  },
  set y(val) {
    setValue = val;
  }
};

var counter = 0;

for ({ a: x.y } of [{ a: 23 }]) {
  assert.sameValue(setValue, 23);
  counter += 1;
}

assert.sameValue(counter, 1);
