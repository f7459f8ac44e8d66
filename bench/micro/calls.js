// Calls of small bytecode functions (frame setup and teardown dominate).
function add(a, b) { return a + b; }
function id(x) { let t = x; return t; }
let s = 0;
for (let i = 0; i < 1e6; i++) s = add(s, id(1));
if (s !== 1e6) throw new Error("wrong " + s);
