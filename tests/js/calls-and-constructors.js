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
