var counter = 0;
var object = {
  toString: function() {
    counter++;
    return "";
  }
};

[object, object].sort();
if (counter < 2) {
  // sort calls ToString() for each element at least once
  throw new Test262Error('#1: [object, object].sort(); counter < 2. Actual: ' + (counter));
}
