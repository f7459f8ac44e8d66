var badLength = new Proxy([], {
  get: function(_, name) {
    if (name === 'length') {
      throw new Test262Error();
    }
  }
});

assert.throws(Test262Error, function() {
  JSON.parse('[0,0]', function() {
    this[1] = badLength;
  });
});
