// Sloppy direct eval declares its vars and functions in the caller's variable environment
// (EvalDeclarationInstantiation).

// A new var is visible to the function after the eval, and to closures.
function newVar() {
    eval("var x = 1");
    var get = function () { return x; };
    x = 2;
    return [x, get(), typeof y];
}
assertArrayEquals(newVar(), [2, 2, "undefined"]);

// An existing var or parameter is assigned, not shadowed.
function existing(a) {
    var b = 1;
    eval("var a = 10; var b = 20");
    return [a, b];
}
assertArrayEquals(existing(0), [10, 20]);

// Function declarations too; eval vars are deletable.
function funcs() {
    eval("function f() { return 'f'; }");
    var r = f();
    var deleted = delete f;
    return [r, deleted, typeof f];
}
assertArrayEquals(funcs(), ["f", true, "undefined"]);

// Calls through the var object get an undefined `this`.
function thisOfCall() {
    eval("function g() { 'use strict'; return this; }");
    return g();
}
assertEquals(thisOfCall(), undefined);

// A var conflicting with a lexical declaration of the caller is a SyntaxError.
function conflict() {
    let z;
    {
        eval("var z");
    }
}
assertThrows(SyntaxError, conflict);
function conflictInBlock() {
    {
        let w;
        eval("var w");
    }
}
assertThrows(SyntaxError, conflictInBlock);

// A catch parameter does not conflict (B.3.4); the initializer assigns the parameter.
function catchParam() {
    try {
        throw 1;
    } catch (e) {
        eval("var e = 2");
        return e;
    }
}
assertEquals(catchParam(), 2);

// A var shadows a named function expression's own name.
var fe = function self() {
    eval("var self = 3");
    return self;
};
assertEquals(fe(), 3);

// The var stays in the function: not global, not visible to other calls.
function isolated() {
    eval("var only_here = 1");
    return only_here;
}
assertEquals(isolated(), 1);
assertEquals(typeof only_here, "undefined");

// A second eval sees the first one's vars; nested eval declares in the same function.
function twice() {
    eval("var t = 1");
    eval("var t; t += 1");
    eval("eval('var u = t + 1')");
    return [t, u];
}
assertArrayEquals(twice(), [2, 3]);

// Inner functions created before the eval see the new var.
function innerSees() {
    function read() { return v; }
    eval("var v = 'late'");
    return read();
}
assertEquals(innerSees(), "late");

// A var declared by eval in an inner function shadows the outer one only there.
function outerVar() {
    var s = "outer";
    function inner() {
        eval("var s = 'inner'");
        return s;
    }
    return [inner(), s];
}
assertArrayEquals(outerVar(), ["inner", "outer"]);

// Strict eval keeps its vars.
function strictEval() {
    eval("'use strict'; var k = 1");
    return typeof k;
}
assertEquals(strictEval(), "undefined");

// Eval inside `with` sees the with object.
function withEval() {
    var o = { p: 5 };
    with (o) {
        return eval("p");
    }
}
assertEquals(withEval(), 5);

// Arrow functions have their own variable environment.
function arrowEval() {
    var f = () => { eval("var a1 = 1"); return a1; };
    return [f(), typeof a1];
}
assertArrayEquals(arrowEval(), [1, "undefined"]);

// Eval and Function source keeps lone surrogates (read back from WTF-8), in strings, templates and
// regexp literals; a pair stays one code point.
assertEquals(eval("'\uD800'").charCodeAt(0), 0xd800);
assertEquals(eval("`\uDC00`").charCodeAt(0), 0xdc00);
assertEquals(eval("/\uD800/").source.charCodeAt(0), 0xd800);
assert(eval("/[\uD800]/").test("\uD800"), "a lone surrogate in a class");
assertEquals(Function("return '\uD83D' + 'x'")().charCodeAt(0), 0xd83d);
assertEquals(eval("'\uD83D\uDE00'").length, 2);
assertEquals((0, eval)("'\uDBFF'").charCodeAt(0), 0xdbff);
assertThrows(SyntaxError, () => eval("var \uD800x = 1"));
