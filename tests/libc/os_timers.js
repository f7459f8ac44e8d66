// The event loop through os: timers fire in due order (ties in creation order), clearTimeout,
// sleepAsync, now; read handlers on a pipe; a signal handler run by the loop; promise jobs after
// each macrotask.
import * as std from "std";
import * as os from "os";

const order = [];
const t0 = os.now();
os.setTimeout(() => order.push("t30"), 30);
os.setTimeout(() => {
    order.push("t10");
    Promise.resolve().then(() => order.push("micro-after-t10"));
}, 10);
os.setTimeout(() => order.push("t0-a"), 0);
os.setTimeout(() => order.push("t0-b"), 0);
const cancelled = os.setTimeout(() => order.push("cancelled"), 5);
os.clearTimeout(cancelled);
os.setTimeout((a, b) => order.push("args:" + a + b), 1, "x", "y");

await os.sleepAsync(50);
assert(os.now() - t0 >= 45, "sleepAsync waited");
assertArrayEquals(order, ["t0-a", "t0-b", "args:xy", "t10", "micro-after-t10", "t30"]);

// read handler on a pipe
const [r, w] = os.pipe();
const received = [];
await new Promise((resolve) => {
    os.setReadHandler(r, () => {
        const buf = new Uint8Array(16);
        const n = os.read(r, buf.buffer, 0, 16);
        received.push(n);
        os.setReadHandler(r, null);
        resolve();
    });
    os.setTimeout(() => os.write(w, new Uint8Array([1, 2, 3]).buffer, 0, 3), 5);
});
assertArrayEquals(received, [3]);
let writable = false;
await new Promise((resolve) => {
    os.setWriteHandler(w, () => {
        writable = true;
        os.setWriteHandler(w, null);
        resolve();
    });
});
assert(writable, "write handler ran");
os.close(r);
os.close(w);

// a signal to ourselves
const [pid] = [Number(std.loadFile("/proc/self/stat").split(" ")[0])];
let got = 0;
os.signal(os.SIGUSR1, () => got++);
os.kill(pid, os.SIGUSR1);
await os.sleepAsync(20);
assertEquals(got, 1);
os.signal(os.SIGUSR1, null);
assertThrows(RangeError, () => os.signal(99, null));
assertThrows(TypeError, () => os.setTimeout("code", 1));
