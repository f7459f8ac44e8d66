//CHECK#1
function f1(x){
  var x;
  
  return typeof x;
}

assert.sameValue(f1(), "undefined");

//CHECK#2
function f2(x){
  var x;
  
  return x;
}

assert.sameValue(f2(), undefined);
