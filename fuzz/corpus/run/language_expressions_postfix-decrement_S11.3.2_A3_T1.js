//CHECK#1
var x = true; 
x--;
if (x !== 0) {
  throw new Test262Error('#1: var x = true; x--; x === 0. Actual: ' + (x));
}

//CHECK#2
var x = new Boolean(false); 
x--;
if (x !== 0 - 1) {
  throw new Test262Error('#2: var x = new Boolean(false); x--; x === 0 - 1. Actual: ' + (x));
}
