// Int32Array / Float64Array element reads and writes.
const a = new Int32Array(10000), f = new Float64Array(10000);
let sum = 0;
for (let r = 0; r < 100; r++) {
    for (let i = 0; i < a.length; i++) { a[i] = i + r; f[i] = a[i] * 0.5; }
    for (let i = 0; i < a.length; i++) sum += a[i] + f[i];
}
if (sum <= 0) throw new Error("wrong");
