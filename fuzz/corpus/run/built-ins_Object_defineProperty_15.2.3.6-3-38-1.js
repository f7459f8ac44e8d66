var obj = {};
var accessed = false;

Object.prototype.enumerable = true;

Object.defineProperty(obj, "property", Math);

for (var prop in obj) {
  if (prop === "property") {
    accessed = true;
  }
}

assert(accessed, 'accessed !== true');
