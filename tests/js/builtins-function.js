// The GeneratorFunction / AsyncFunction / AsyncGeneratorFunction constructors build dynamic functions.
var GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
var AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
var AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;

var g = new GeneratorFunction("a", "b", "yield a; yield b;");
assertEquals(Object.getPrototypeOf(g), GeneratorFunction.prototype);
assertEquals(g.name, "anonymous");
assertEquals(g.length, 2);
var it = g(1, 2);
assertEquals(it.next().value, 1);
assertEquals(it.next().value, 2);
assertEquals(it.next().done, true);
assert(Object.getPrototypeOf(g.prototype) === GeneratorFunction.prototype.prototype);
assertEquals(GeneratorFunction("yield 5")().next().value, 5); // called as a function
assertThrows(TypeError, function () { new g(); });
assertThrows(SyntaxError, function () { GeneratorFunction("yield", ""); });

var af = AsyncFunction("x", "return await x;");
assertEquals(Object.getPrototypeOf(af), AsyncFunction.prototype);
assert(af(1) instanceof Promise);
assertEquals(af.hasOwnProperty("prototype"), false);

var ag = new AsyncGeneratorFunction("yield 1;");
assertEquals(Object.getPrototypeOf(ag), AsyncGeneratorFunction.prototype);
assertEquals(typeof ag().next, "function");

// new.target's "prototype" supplies the [[Prototype]]; a non-object falls back to the intrinsic.
function Fake() {}
Fake.prototype = null;
var g2 = Reflect.construct(GeneratorFunction, ["yield 1"], Fake);
assertEquals(Object.getPrototypeOf(g2), GeneratorFunction.prototype);

// Function.prototype.toString of dynamic functions is exactly the synthesized source text.
assertEquals(Function("a", "b", "return a").toString(), "function anonymous(a,b\n) {\nreturn a\n}");
assertEquals(GeneratorFunction("yield 1").toString(), "function* anonymous(\n) {\nyield 1\n}");
assertEquals(AsyncGeneratorFunction("").toString(), "async function* anonymous(\n) {\n\n}");

// Calling a callable proxy (directly or through call/apply) reaches its target or apply trap.
var p = new Proxy(function (a, b) { return a + b; }, {});
assertEquals(p(1, 2), 3);
assertEquals(p.call(null, 2, 3), 5);
var p2 = new Proxy(p, { apply: function (t, self, args) { return "trapped " + args.length; } });
assertEquals(p2(1), "trapped 1");
assertEquals(Reflect.apply(p2, null, []), "trapped 0");

// The legacy "caller" and "arguments" of sloppy ordinary functions read as undefined (an extension, as
// QuickJS); strict functions, arrows, methods, generators and classes still throw, and so do the setters.
(function () {
    function sloppy() { return sloppy.caller; }
    function outer() { return sloppy(); }
    assertEquals(outer(), undefined);
    assertEquals(sloppy.arguments, undefined);
    assertEquals(Object.getOwnPropertyNames(sloppy).indexOf("caller"), -1, "no own property");
    var strict = function () { "use strict"; };
    assertThrows(TypeError, function () { return strict.caller; });
    assertThrows(TypeError, function () { return (() => 1).caller; });
    assertThrows(TypeError, function () { return ({ m() {} }).m.arguments; });
    assertThrows(TypeError, function () { return (function* () {}).caller; });
    assertThrows(TypeError, function () { return (class {}).caller; });
    assertThrows(TypeError, function () { "use strict"; sloppy.caller = 1; });
    var thrower = Object.getOwnPropertyDescriptor(Function.prototype, "caller").get;
    assertThrows(TypeError, function () { thrower(); });
    assertEquals(thrower, Object.getOwnPropertyDescriptor(Function.prototype, "arguments").set);
})();
