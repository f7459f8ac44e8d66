var f = Function.call(this, "return planet;");
var g = Function.call(this, "return color;");

assert.sameValue(f(), undefined, 'f() returns undefined');

var planet = "mars";

assert.sameValue(f(), "mars", 'f() must return "mars"');

try {
  g();
  throw new Test262Error('#3: ');
} catch (e) {
  assert(
    e instanceof ReferenceError,
    'The result of evaluating (e instanceof ReferenceError) is expected to be true'
  );
}

this.color = "red";

assert.sameValue(g(), "red", 'g() must return "red"');
