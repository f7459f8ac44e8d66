// This file was procedurally generated from the following sources:
// - src/class-elements/eval-contains-superproperty-1.case
// - src/class-elements/initializer-eval-super-property/cls-decl-private-fields-indirect-eval-nested.template


var executed = false;
class A {}
class C extends A {
  #x = (0, eval)('executed = true; super.x;');
}

assert.throws(SyntaxError, function() {
  new C();
});

assert.sameValue(executed, false);
