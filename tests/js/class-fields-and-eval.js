// Class field initializers: NamedEvaluation, and `arguments` in eval inside them.
class C {
    #f = () => 1;
    static #g = function () {};
    h = () => 1;
    names() { return [this.#f.name, C.#g.name, this.h.name]; }
}
assertArrayEquals(new C().names(), ["#f", "#g", "h"]);

class D {
    x = () => {
        var t = () => eval("arguments");
        return t();
    };
}
assertThrows(SyntaxError, function () { new D().x(); });

// Assigning a named function expression's own name through eval is ignored in sloppy code.
var self = function BI() { eval("BI = 1"); return BI; };
assertEquals(self(), self);

// Direct eval sees the private names of the enclosing classes.
class P {
    #f = 1;
    #m() { return 2; }
    get #g() { return 3; }
    set #g(v) { this.log = v; }
    static #s = 4;
    all() {
        return [eval("this.#f"), eval("this.#m()"), eval("this.#g"), eval("this.#g = 5, this.log"),
                eval("P.#s"), eval("#f in this")];
    }
}
assertArrayEquals(new P().all(), [1, 2, 3, 5, 4, true]);
assertThrows(SyntaxError, function () { eval("this.#f"); });

// Private names are not properties: no own-keys operation lists them, and copies do not take them.
{
    class P {
        #x = 1;
        static #s = 2;
        read() {
            return this.#x;
        }
        static symbols() {
            return Object.getOwnPropertySymbols(P).length;
        }
    }
    const p = new P();
    assertEquals(Reflect.ownKeys(p).length, 0);
    assertEquals(Object.getOwnPropertySymbols(p).length, 0);
    assertEquals(Reflect.ownKeys(new Proxy(p, {})).length, 0);
    assertEquals(P.symbols(), 0);
    assertEquals(Object.getOwnPropertySymbols({ ...p }).length, 0);
    assertEquals(Object.getOwnPropertySymbols(Object.assign({}, p)).length, 0);
    Object.freeze(p);
    assertEquals(p.read(), 1);
}

// A base constructor's fields are initialized before its parameters are ([[Construct]] 6.b).
{
    const order = [];
    class F {
        x = order.push("field");
        #p = "private";
        constructor(a = order.push("param"), b = this.#p, c = this.x) {
            this.args = [b, c];
        }
    }
    const f = new F();
    assertArrayEquals(order, ["field", "param"]);
    assertArrayEquals(f.args, ["private", 1]);
}
