// Method calls and field reads that hit 0..3 prototype levels up (class hierarchies).
class A { m0() { return 1; } get k() { return 2; } }
A.prototype.f3 = 3;
class B extends A { m1() { return 1; } }
class C extends B { m2() { return 1; } }
class D extends C { m3() { return 1; } }
const objs = [new D(), new D()];
let s = 0;
for (let i = 0; i < 1e6; i++) {
    const o = objs[i & 1];
    s += o.m3() + o.m2() + o.m1() + o.m0() + o.f3;
}
if (s !== 7e6) throw new Error("wrong " + s);
