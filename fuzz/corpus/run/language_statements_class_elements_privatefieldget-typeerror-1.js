class C {
  y = this.#x;
  #x;
}

assert.throws(TypeError, function() { new C(); })
