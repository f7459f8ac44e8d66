// Builtin accessors are appended to their objects directly when the key is new (define_function_list):
// the same attributes, functions and key order as [[DefineOwnProperty]] gives, and an exotic or
// existing target still goes through it.
function accessor(o, key, getName, setName) {
    var d = Object.getOwnPropertyDescriptor(o, key);
    assertEquals(typeof d.get, "function");
    assertEquals(d.get.name, getName);
    assertEquals(d.get.length, 0);
    if (setName) {
        assertEquals(d.set.name, setName);
        assertEquals(d.set.length, 1);
    } else {
        assertEquals(d.set, undefined);
    }
    assertEquals(d.enumerable, false);
    assertEquals(d.configurable, true);
    assertEquals("value" in d, false);
    assertEquals("writable" in d, false);
}
accessor(Map.prototype, "size", "get size");
accessor(RegExp.prototype, "flags", "get flags");
accessor(RegExp, Symbol.species, "get [Symbol.species]");
accessor(ArrayBuffer.prototype, "byteLength", "get byteLength");
accessor(Object.prototype, "__proto__", "get __proto__", "set __proto__");
accessor(Object.getPrototypeOf(Int8Array.prototype), Symbol.toStringTag, "get [Symbol.toStringTag]");

// Accessors keep their place among the methods of the same table.
assertEquals(Reflect.ownKeys(RegExp.prototype).map(String).join(),
             "constructor,exec,test,toString,compile,flags,source,dotAll,global,hasIndices,ignoreCase," +
             "multiline,sticky,unicode,unicodeSets,Symbol(Symbol.match),Symbol(Symbol.matchAll)," +
             "Symbol(Symbol.replace),Symbol(Symbol.search),Symbol(Symbol.split)");
assertEquals(Reflect.ownKeys(Symbol.prototype).map(String).join(),
             "constructor,description,toString,valueOf,Symbol(Symbol.toPrimitive),Symbol(Symbol.toStringTag)");

// They behave as accessors: redefinable, deletable, and the getter checks its receiver.
assertEquals(new Map([[1, 2]]).size, 1);
assertThrows(TypeError, function () { Object.getOwnPropertyDescriptor(Map.prototype, "size").get.call({}); });
var sizeDesc = Object.getOwnPropertyDescriptor(Map.prototype, "size");
assertEquals(delete Map.prototype.size, true);
assertEquals(new Map().size, undefined);
Object.defineProperty(Map.prototype, "size", sizeDesc);
assertEquals(new Map([[1, 1], [2, 2]]).size, 2);
