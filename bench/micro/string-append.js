// s += "ab", 1e6 times, in a local, a global var, a closure variable and a property.
function local() { let s = ""; for (let i = 0; i < 1e6; i++) s += "ab"; return s.length; }
var g = "";
function global() { g = ""; for (let i = 0; i < 1e6; i++) g += "ab"; return g.length; }
function closure() { let c = ""; const f = () => { c += "ab"; }; for (let i = 0; i < 1e6; i++) f(); return c.length; }
function prop() { const o = { s: "" }; for (let i = 0; i < 1e6; i++) o.s += "ab"; return o.s.length; }
const n = local() + global() + closure() + prop();
if (n !== 8e6) throw new Error("wrong length " + n);
