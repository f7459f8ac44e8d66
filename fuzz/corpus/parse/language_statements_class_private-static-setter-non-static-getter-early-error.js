$DONOTEVALUATE();

class C {
  static set #f(v) {}
  get #f() {}
}
