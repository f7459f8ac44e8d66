var thrower = {
  then: function() {
    throw new Test262Error();
  }
};

assert.throws(Test262Error, function() {
  Promise.prototype.catch.call(thrower);
});
