// Mapped arguments objects alias the parameters of sloppy functions with simple parameter lists.
function f(a, b) {
    arguments[0] = 2;
    assertEquals(a, 2);
    b = 5;
    assertEquals(arguments[1], 5);
    // Making the property non-writable keeps the current value and ends the mapping.
    Object.defineProperty(arguments, "0", { writable: false });
    a = 7;
    assertEquals(arguments[0], 2);
    // Deleting ends the mapping too.
    delete arguments[1];
    b = 9;
    assertEquals(arguments[1], undefined);
    arguments[1] = 10;
    assertEquals(b, 9);
    return arguments.length;
}
assertEquals(f(1, 1), 2);
// Only passed arguments are mapped.
function g(a, b) {
    b = 3;
    return arguments[1];
}
assertEquals(g(1), undefined);
// The last of duplicated parameter names is the mapped one.
function h(a, a) {
    arguments[1] = "second";
    return a;
}
assertEquals(h(1, 2), "second");
// Strict functions and non-simple parameter lists are unmapped.
function s(a) {
    "use strict";
    arguments[0] = 2;
    return a;
}
assertEquals(s(1), 1);
function d(a = 0) {
    arguments[0] = 2;
    return a;
}
assertEquals(d(1), 1);
// Closures see the same cell.
function c(a) {
    var get = function () { return a; };
    arguments[0] = "x";
    return get();
}
assertEquals(c(1), "x");
assertEquals(Object.prototype.toString.call((function (a) { return arguments; })(1)), "[object Arguments]");
assertArrayEquals(Object.keys((function (a, b) { return arguments; })(1, 2, 3)), ["0", "1", "2"]);
