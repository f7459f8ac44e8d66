// Constructors storing fields that a prototype also holds as data (Prototype.js Class.create, as in
// RayTrace): each store adds an own property past the prototype's writable one.
function V(x, y, z) { this.init(x, y, z); }
V.prototype = { x: 0, y: 0, z: 0, init(x, y, z) { this.x = x; this.y = y; this.z = z; } };
let s = 0;
for (let i = 0; i < 3e5; i++) s += new V(i, 1, 2).y;
if (s !== 3e5) throw new Error("wrong " + s);
