var obj = {};

var verifySetFunc = 20;
var setFunc = function(value) {
  verifySetFunc = value;
};
Object.defineProperty(obj, "prop", {
  set: setFunc
});
obj.prop = 2010;
var desc = Object.getOwnPropertyDescriptor(obj, "prop");

assert(obj.hasOwnProperty("prop"), 'obj.hasOwnProperty("prop") !== true');
assert.sameValue(desc.set, setFunc, 'desc.set');
assert.sameValue(verifySetFunc, 2010, 'verifySetFunc');
