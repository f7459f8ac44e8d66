$DONOTEVALUATE();

class A {
  *g() {
    (function yield() {});
  }
}
