// Reference cycles are reclaimed by the cycle collector; the leak check at exit (qjs exits with
// status 1 when any cell is still alive) proves it for everything this test creates.
function makeCycle() {
    var a = {}, b = { a: a };
    a.b = b;
    a.self = a;
    var f = function () { return a; };
    a.f = f;
    return 1;
}
var n = 0;
for (var i = 0; i < 20000; i++) n += makeCycle();
assertEquals(n, 20000);

// Closures capturing each other.
function pair() {
    var x = function () { return y; };
    var y = function () { return x; };
    return x;
}
for (var i = 0; i < 1000; i++) pair();

// Generators suspended forever are heap data and collectable.
function* gen() { var local = { g: null }; yield local; yield 2; }
for (var i = 0; i < 1000; i++) { var g = gen(); var v = g.next().value; v.g = g; }
