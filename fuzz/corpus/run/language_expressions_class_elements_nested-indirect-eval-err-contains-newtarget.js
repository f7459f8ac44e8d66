// This file was procedurally generated from the following sources:
// - src/class-elements/eval-err-contains-newtarget.case
// - src/class-elements/initializer-eval-newtarget/cls-expr-fields-indirect-eval-nested.template


var executed = false;
var C = class {
  x = (0, eval)('executed = true; new.target;');
}

assert.throws(SyntaxError, function() {
  new C();
});

assert.sameValue(executed, false);
