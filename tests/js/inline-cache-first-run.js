// A function's inline caches are allocated when the function first runs, not when it is compiled:
// closures of one function share them however late the first call comes, and functions that never
// run cost none. Each case asserts the values read and written through the caches.

// Many closures of one function, called only after all were created; the caches are shared.
var makers = [];
for (var i = 0; i < 50; i++)
    makers.push(function (o) {
        o.count = (o.count || 0) + 1;
        return o.value * 2;
    });
var target = { value: 21 };
for (var j = 0; j < makers.length; j++) assertEquals(makers[j](target), 42);
assertEquals(target.count, 50);

// A nested function compiled with its parent but first called much later, after the shapes it
// caches changed.
function outer() {
    return function inner(p) {
        return p.x + p.y;
    };
}
var inner = outer();
var points = [];
for (var k = 0; k < 20; k++) points.push({ x: k, y: 1 });
var sum = 0;
for (var k2 = 0; k2 < points.length; k2++) sum += inner(points[k2]);
assertEquals(sum, 190 + 20);
points[3].z = 5; // another shape: the filled cache misses and refills
delete points[4].x;
assertEquals(inner(points[3]), 4);
assertEquals(String(inner(points[4])), "NaN");

// A generator's caches: created by the call, first filled when it resumes.
function* walk(list) {
    for (var i = 0; i < list.length; i++) yield list[i].name;
}
var it = walk([{ name: "a" }, { name: "b" }, { id: 1, name: "c" }]);
assertEquals([...it].join(), "a,b,c");

// Functions from eval and new Function run first long after they were compiled.
var late = eval("(function (o) { return o.k; })");
var late2 = new Function("o", "o.k = 7; return o.k + 1;");
var holder = { k: 1 };
assertEquals(late(holder), 1);
assertEquals(late2(holder), 8);
assertEquals(late(holder), 7);

// Global variable caches in a function that runs once.
var counter = 0;
(function () {
    for (var n = 0; n < 10; n++) counter++;
})();
assertEquals(counter, 10);
