var obj = {};
var data = "data";
var attributes = {};
Object.defineProperty(attributes, "set", {
  get: function() {
    return function(value) {
      data = value;
    };
  }
});

Object.defineProperty(obj, "property", attributes);
obj.property = "ownAccessorProperty";

assert(obj.hasOwnProperty("property"), 'obj.hasOwnProperty("property") !== true');
assert.sameValue(data, "ownAccessorProperty", 'data');
