var abruptLength = new Proxy([], {
  get: function(_target, key) {
    if (key === 'length') {
      throw new Test262Error();
    }
  },
});

assert.throws(Test262Error, function() {
  JSON.stringify(null, abruptLength);
});

var abruptToPrimitive = {
  valueOf: function() {
    throw new Test262Error();
  },
};

var abruptToLength = new Proxy([], {
  get: function(_target, key) {
    if (key === 'length') {
      return abruptToPrimitive;
    }
  },
});

assert.throws(Test262Error, function() {
  JSON.stringify([], abruptToLength);
});

var abruptIndex = new Array(1);
Object.defineProperty(abruptIndex, '0', {
  get: function() {
    throw new Test262Error();
  },
});

assert.throws(Test262Error, function() {
  JSON.stringify({}, abruptIndex);
});
