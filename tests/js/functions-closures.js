// Functions, closures, recursion, arguments and `this`.
function add(a, b) {
    return a + b;
}
assertEquals(add(2, 3), 5);
assertEquals(add.length, 2);

function make_counter() {
    var count = 0;
    return function () {
        return ++count;
    };
}
var counter = make_counter();
counter();
counter();
assertEquals(counter(), 3);
assertEquals(make_counter()(), 1);

function factorial(n) {
    return n <= 1 ? 1 : n * factorial(n - 1);
}
assertEquals(factorial(10), 3628800);

function count_args() {
    return arguments.length;
}
assertEquals(count_args(1, 2, 3), 3);

var obj = {
    value: 42,
    get_value: function () {
        return this.value;
    },
};
assertEquals(obj.get_value(), 42);

var square = (n) => n * n;
assertEquals(square(9), 81);

var fns = [];
for (let i = 0; i < 3; i++)
    fns.push(() => i);
assertArrayEquals(fns.map((f) => f()), [0, 1, 2]);

assertThrows(TypeError, function () {
    null.property;
});
assertThrows(ReferenceError, function () {
    not_defined_anywhere;
});

var caught = "";
try {
    throw new RangeError("boom");
} catch (e) {
    caught = e.name + ": " + e.message;
} finally {
    caught += "!";
}
assertEquals(caught, "RangeError: boom!");

// Class fields with computed keys name their anonymous functions after the key's value.
{
    const sym = Symbol("q");
    class Fields {
        ["arrow"] = () => {};
        [1 + 1] = function () {};
        [sym] = class {};
        static ["s"] = async () => {};
    }
    const f = new Fields();
    assertEquals(f.arrow.name, "arrow");
    assertEquals(f[2].name, "2");
    assertEquals(f[sym].name, "[q]");
    assertEquals(Fields.s.name, "s");
}
