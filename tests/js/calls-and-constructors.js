// Call `this` values and derived-constructor returns.

// A parenthesized optional chain is still a reference: the call gets its base as `this`.
var a = { b() { return this; } };
assertEquals((a?.b)(), a);
assertEquals((a?.b)?.(), a);

// super.x = v in sloppy code does not throw when [[Set]] fails.
var frozen = {
    m() {
        Object.freeze(frozen);
        super.y = 1;
        return "ok";
    },
};
assertEquals(frozen.m(), "ok");

// The derived constructor's return checks happen outside its own try blocks.
class Base {}
class D extends Base {
    constructor() {
        super();
        try {
            return 0;
        } catch (e) {
            return;
        }
    }
}
assertThrows(TypeError, function () { new D(); });
class NoSuper extends Base {
    constructor() {
        try {
            return;
        } catch (e) {}
    }
}
assertThrows(ReferenceError, function () { new NoSuper(); });

// OrdinaryCallBindThis on the interpreter's call path: a sloppy function called with undefined or
// null gets the global object, a primitive is boxed, a strict or arrow function sees the value as is.
(function () {
    function sloppy() {
        return this;
    }
    function strict() {
        "use strict";
        return this;
    }
    assertEquals(sloppy(), globalThis);
    assertEquals(sloppy.call(null), globalThis);
    assertEquals(sloppy.call(undefined), globalThis);
    assertEquals(typeof sloppy.call(5), "object");
    assertEquals(sloppy.call(5).valueOf(), 5);
    assertEquals(strict(), undefined);
    assertEquals(strict.call(null), null);
    assertEquals(strict.call(5), 5);
    var o = { m: sloppy };
    assertEquals(o.m(), o);
    class C {}
    assertThrows(TypeError, function () {
        C();
    });
    function deep(n) {
        return n === 0 ? 0 : 1 + deep(n - 1);
    }
    // (An ASan build reaches about 300 frames with qjs's default stack size.)
    assertEquals(deep(200), 200);
    assertThrows(RangeError, function () {
        (function inf() {
            return inf() + 1;
        })();
    });
})();
