// This file was procedurally generated from the following sources:
// - src/class-elements/init-err-evaluation.case
// - src/class-elements/default/cls-expr.template
var x = 0;
function fn1() { x += 1; }
function fn2() { throw new Test262Error(); }


var C = class {
  x = fn1();
  y = fn2();
  z = fn1();
}

assert.throws(Test262Error, function() {
  new C();
});

assert.sameValue(x, 1);
