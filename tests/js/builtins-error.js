// Error.prototype.stack is an accessor (error-stack-accessor proposal): the stack lives in the
// [[ErrorData]] slot, errors have no own "stack" property.
var desc = Object.getOwnPropertyDescriptor(Error.prototype, "stack");
assertEquals(typeof desc.get, "function");
assertEquals(typeof desc.set, "function");
assertEquals(desc.get.name, "get stack");
assertEquals(desc.set.length, 1);
var e = new TypeError("x");
assertEquals(e.hasOwnProperty("stack"), false);
assertEquals(typeof e.stack, "string");
var caught;
try { null.x; } catch (err) { caught = err; }
assertEquals(caught.hasOwnProperty("stack"), false);
assertEquals(typeof caught.stack, "string");
assertEquals(desc.get.call({}), undefined);
assertThrows(TypeError, function () { desc.get.call(1); });
// The setter installs an own data property; non-strings and Error.prototype itself throw.
assertThrows(TypeError, function () { e.stack = 1; });
e.stack = "mine";
assertEquals(e.stack, "mine");
assertEquals(Object.getOwnPropertyDescriptor(e, "stack").enumerable, true);
assertEquals(typeof desc.get.call(e), "string");
assertThrows(TypeError, function () { Error.prototype.stack = ""; });
var plain = Object.create(Error.prototype);
plain.stack = "p";
assertEquals(plain.stack, "p");
