// Frame setup and teardown of calls: a frame's operand stack starts as raw memory (only pushes
// construct its slots), and dropping a call's operands releases only heap values. These cases use
// the instructions that write above the stack top (insert2/3/4, dup2/dup3) first thing in fresh
// frames, unwind exceptions from a deep operand stack, and pass heap values through every call kind.

// Assignment expressions whose value is kept: insert2 (member), insert3 (computed), insert4 (super),
// each the first use of those stack slots in its frame.
function keepMember(o, v) { return (o.x = v); }
function keepComputed(o, k, v) { return (o[k] = v); }
class Base {}
class Derived extends Base {
    keepSuper(v) { return (super.y = v); }
    compoundSuper(k) {
        super[k] += "!";
        return this[k];
    }
}
for (let i = 0; i < 3; i++) {
    const o = {};
    const s = "str" + i;
    assertEquals(keepMember(o, s), s);
    assertEquals(o.x, s);
    assertEquals(keepComputed(o, "k" + i, [ i ]).length, 1);
    assertEquals(o["k" + i][0], i);
    const d = new Derived();
    assertEquals(d.keepSuper({n : i}).n, i);
    assertEquals(d.y.n, i);
    Base.prototype.w = "p" + i;
    assertEquals(d.compoundSuper("w"), "p" + i + "!");
    assertEquals(Base.prototype.w, "p" + i);
}

// Compound assignments on references (dup2 and friends) with heap values, in fresh frames.
function appendAt(a, i, s) {
    a[i] += s;
    return a[i];
}
const arr = [ "a", "b" ];
assertEquals(appendAt(arr, 0, "x"), "ax");
assertEquals(appendAt(arr, 1, "y".repeat(3)), "byyy");
function bumpField(o) { return o.count++; }
const counter = {
    count : 5
};
assertEquals(bumpField(counter), 5);
assertEquals(counter.count, 6);

// An exception thrown with many operands on the stack is caught in the same frame and in callers;
// the frames' values (strings, objects) are all released and the frames reusable.
function deepThrow(n) {
    if (n === 0) throw new Error("bottom");
    return [ "p", {q : n}, "r" + n, [ n ], deepThrow(n - 1) ];
}
function catchInCaller() {
    try {
        return [ "s", {t : 1}, deepThrow(5) ];
    } catch (e) {
        return e.message;
    }
}
for (let i = 0; i < 3; i++)
    assertEquals(catchInCaller(), "bottom");
function catchInSameFrame(x) {
    let r;
    try {
        r = [ x, "y" + x, {z : x}, null.prop ];
    } catch (e) {
        r = e instanceof TypeError;
    }
    return r;
}
assertEquals(catchInSameFrame("v"), true);

// Heap arguments, this values and results through calls, methods, constructors, spread and apply:
// each value keeps its identity and the callers' slots are dropped safely.
const token = {
    id : 1
};
function identity(a) { return a; }
function second(a, b) { return b; }
const holder = {
    m(a, b, c) {
        return [ this, a, b, c ];
    }
};
function Ctor(a) { this.a = a; }
for (let i = 0; i < 5; i++) {
    assertEquals(identity(token), token);
    assertEquals(second("a" + i, token), token);
    const r = holder.m(token, "s" + i, [ i ]);
    assertEquals(r[0], holder);
    assertEquals(r[1], token);
    assertEquals(r[2], "s" + i);
    assertEquals(new Ctor(token).a, token);
    assertEquals(identity(...[token, "extra"]), token);
    assertEquals(second.apply(null, [ "x", token ]), token);
    assertEquals(Reflect.apply(second, null, [ 1, token ]), token);
}

// Fewer arguments than parameters: the missing ones are undefined; more: `arguments` sees them all.
function three(a, b, c) { return [ a, b, c, arguments.length ]; }
assertArrayEquals(three(1), [ 1, undefined, undefined, 1 ]);
assertArrayEquals(three(1, 2, 3, 4), [ 1, 2, 3, 4 ]);
function restAfterCall(...rest) { return rest; }
assertArrayEquals(restAfterCall(identity("a"), identity(token)), [ "a", token ]);

// let/const registers start in their TDZ in every call, not only the first.
function tdz(read) {
    if (read) return typeof (() => t)() === "number";
    let t = 1;
    return t;
}
assertEquals(tdz(false), 1);
assertThrows(ReferenceError, () => tdz(true));
assertThrows(ReferenceError, () => tdz(true));

// Generators (heap frames) calling ordinary functions with heap values in their operand stack.
function* gen() {
    const a = yield identity("first" + token.id);
    yield second(a, [ a, identity(token) ]);
    return keepMember({}, "done");
}
const g = gen();
assertEquals(g.next().value, "first1");
const pair = g.next("sent").value;
assertEquals(pair[0], "sent");
assertEquals(pair[1], token);
assertEquals(g.next().value, "done");

// A call that throws leaves the caller's operands droppable; the caller continues normally.
function thrower(x) { throw x; }
function afterThrow() {
    let caught = 0;
    for (let i = 0; i < 4; i++) {
        try {
            [token, "a" + i, thrower({i})];
        } catch (e) {
            caught += e.i;
        }
    }
    return caught;
}
assertEquals(afterThrow(), 6);

// A non-eval function called at a direct-eval call site.
function notEval(eval) { return eval("ignored", token); }
assertEquals(notEval(second), token);

// Deep recursion still ends with a RangeError and leaves the engine usable.
function recurse(n) { return recurse(n + 1) + 1; }
assertThrows(RangeError, () => recurse(0));
assertEquals(identity("after"), "after");
