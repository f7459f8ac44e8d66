// `using` / `await using` declarations, DisposableStack, AsyncDisposableStack and SuppressedError
// (explicit resource management).
var log = [];
function res(name, fail) {
    return {
        [Symbol.dispose]() {
            log.push("dispose " + name);
            if (fail) throw new Error(name);
        },
    };
}

// Block exit: reverse order, after the body.
{
    using a = res("a"), b = res("b");
    using c = null;
    log.push("body");
}
assertEquals(log.join(","), "body,dispose b,dispose a");

// break / continue / return dispose, once each.
log = [];
for (var i = 0; i < 3; i++) {
    using r = res("r" + i);
    if (i === 0) continue;
    if (i === 1) break;
}
assertEquals(log.join(","), "dispose r0,dispose r1");
log = [];
function f() {
    using x = res("x");
    return "ret";
}
assertEquals(f(), "ret");
assertEquals(log.join(","), "dispose x");

// for-of: one disposal per iteration, before the next value; for (using ...;;) disposes at loop end.
log = [];
for (using v of [res("v1"), res("v2")]) log.push("iter");
assertEquals(log.join(","), "iter,dispose v1,iter,dispose v2");
log = [];
for (using w = res("w"), n = null; log.length < 2; ) log.push("loop");
assertEquals(log.join(","), "loop,loop,dispose w");

// Errors: a single disposal error is thrown as is; with a body error it becomes a SuppressedError.
var e = assertThrows(Error, function () {
    using a = res("a", true);
});
assertEquals(e.message, "a");
e = assertThrows(SuppressedError, function () {
    using a = res("a", true), b = res("b", true);
    throw new Error("body");
});
assertEquals(e.error.message, "a");
assert(e.suppressed instanceof SuppressedError, "nested suppression");
assertEquals(e.suppressed.error.message, "b");
assertEquals(e.suppressed.suppressed.message, "body");

// Non-disposable values are a TypeError at the declaration; nothing else runs.
assertThrows(TypeError, function () {
    using a = {};
});
assertThrows(TypeError, function () {
    using a = 1;
});

// Early errors.
assertThrows(SyntaxError, function () { eval("using x = null;"); });
assertThrows(SyntaxError, function () { Function("{ using x; }"); });
assertThrows(SyntaxError, function () { Function("{ using x = null, [y] = null; }"); });
assertThrows(SyntaxError, function () { Function("switch (0) { case 0: using x = null; }"); });
assertThrows(SyntaxError, function () { Function("for (using x in {}) ;"); });
assertThrows(SyntaxError, function () { Function("{ using let = null; }"); });
// `using` stays an identifier elsewhere.
var using = 5, of = [[1], [2]];
assertEquals(using, 5);
for (using of of [0, 1]) ;
assertEquals(using, 2);

// SuppressedError.
var s = new SuppressedError(1, 2, "m");
assertEquals(s.error, 1);
assertEquals(s.suppressed, 2);
assertEquals(s.message, "m");
assertEquals(SuppressedError.length, 3);
assertEquals(Object.getPrototypeOf(SuppressedError), Error);

// DisposableStack.
log = [];
var stack = new DisposableStack();
stack.use(res("u"));
assertEquals(stack.adopt(7, function (v) { log.push("adopt " + v); }), 7);
stack.defer(function () { log.push("defer"); });
var moved = stack.move();
assert(stack.disposed, "moved stack is disposed");
assertThrows(ReferenceError, function () { stack.use(null); });
assertEquals(moved.disposed, false);
moved[Symbol.dispose]();
assertEquals(log.join(","), "defer,adopt 7,dispose u");
assertEquals(DisposableStack.prototype[Symbol.dispose], DisposableStack.prototype.dispose);
assertEquals(Object.prototype.toString.call(moved), "[object DisposableStack]");

// await using and AsyncDisposableStack.
var alog = [];
function ares(name, fail) {
    return {
        async [Symbol.asyncDispose]() {
            alog.push("adispose " + name);
            if (fail) throw new Error(name);
        },
    };
}
async function g() {
    {
        await using a = ares("a"), b = res("sync");
        await using n = null;
        alog.push("body");
    }
    alog.push("after");
    try {
        await using c = ares("c", true);
        throw new Error("body");
    } catch (err) {
        alog.push(err.constructor.name + " " + err.error.message + " " + err.suppressed.message);
    }
    var as = new AsyncDisposableStack();
    as.use(ares("s"));
    as.defer(function () { alog.push("defer"); });
    await as.disposeAsync();
    alog.push("disposed " + as.disposed);
    return "done";
}
log = [];
g().then(function (v) {
    assertEquals(
        alog.join(","),
        "body,adispose a,after,adispose c,SuppressedError c body,defer,adispose s,disposed true");
    assertEquals(log.join(","), "dispose sync");
    print("using " + v);
}, function (err) {
    print("failed: " + err);
});
