// a[a.length] = v and a.push(v) on dense arrays.
let total = 0;
for (let r = 0; r < 10; r++) {
    const a = [];
    for (let i = 0; i < 200000; i++) a[a.length] = i;
    const b = [];
    for (let i = 0; i < 200000; i++) b.push(i);
    total += a.length + b.length;
}
if (total !== 4e6) throw new Error("wrong " + total);
