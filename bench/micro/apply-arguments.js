// f.apply(this, arguments) forwarding from a function without parameters (Prototype.js Class.create
// constructors, as in RayTrace: an unmapped arguments object).
function P() { this.init.apply(this, arguments); }
P.prototype.init = function (a, b, c) { this.s = a + b + c; };
let s = 0;
for (let i = 0; i < 2e5; i++) s += new P(1, 2, i & 1).s;
if (s !== 7e5) throw new Error("wrong " + s);
