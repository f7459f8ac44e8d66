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
