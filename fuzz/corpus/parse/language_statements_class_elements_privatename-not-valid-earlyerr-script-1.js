$DONOTEVALUATE();

class C {
  constructor() {
    this.#x;
  }
}
