// Function.prototype.apply copies the elements of fast arrays and arguments objects directly; every
// array-like that is not plainly dense must still go through Get.
function list() { return Array.prototype.slice.call(arguments).join(); }
function forward() { return list.apply(null, arguments); }
assertEquals(forward(1, 2, 3), "1,2,3");
assertEquals(list.apply(null, [4, 5]), "4,5");
// A shortened or lengthened length.
function shorter() { arguments.length = 1; return list.apply(null, arguments); }
assertEquals(shorter(1, 2, 3), "1");
function longer() { arguments.length = 3; return list.apply(null, arguments); }
Object.prototype[2] = "p";
assertEquals(longer(1, 2), "1,2,p");
delete Object.prototype[2];
// Holes read through the prototype chain.
Array.prototype[1] = "h";
assertEquals(list.apply(null, [0, , 2]), "0,h,2");
delete Array.prototype[1];
// An accessor element and a redefined element.
function withGetter() {
    Object.defineProperty(arguments, 0, { get() { return "g"; } });
    return list.apply(null, arguments);
}
assertEquals(withGetter(1, 2), "g,2");
const arr = [1, 2];
Object.defineProperty(arr, 1, { get() { return "a"; } });
assertEquals(list.apply(null, arr), "1,a");
// Reflect.apply and Reflect.construct share the list creation.
assertEquals(Reflect.apply(list, null, [7, 8]), "7,8");
class K { constructor(...a) { this.a = a.join(); } }
assertEquals(Reflect.construct(K, [9, 10]).a, "9,10");
// Mapped arguments reflect parameter writes.
function mapped(a, b) { a = "m"; return list.apply(null, arguments); }
assertEquals(mapped(1, 2), "m,2");
