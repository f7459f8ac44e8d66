//CHECK#1
try {
  +x;
  throw new Test262Error('#1.1: +x throw ReferenceError. Actual: ' + (+x));  
}
catch (e) {
  if ((e instanceof ReferenceError) !== true) {
    throw new Test262Error('#1.2: +x throw ReferenceError. Actual: ' + (e));  
  }
}
