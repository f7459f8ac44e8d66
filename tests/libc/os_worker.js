// os.Worker: messages both ways with structured clone (nested data, typed arrays, Dates, BigInts,
// cycles), SharedArrayBuffer memory shared between the threads, no nested workers, timers in the
// worker, many messages in order, and the worker leaving when its handler is removed.
import * as std from "std";
import * as os from "os";

assertEquals(os.Worker.parent, undefined, "no parent in the main thread");
assertEquals(typeof os.Worker, "function");
assertThrows(TypeError, () => os.Worker("x.js"), "constructor needs new");

const dir = os.getcwd()[0] + "/tests/libc/workers/";
const w = new os.Worker(dir + "echo.js");
assertEquals(Object.prototype.toString.call(w), "[object Worker]");
assertEquals(w.onmessage, undefined);
assertThrows(TypeError, () => { w.onmessage = 3; });
assertThrows(TypeError, () => w.postMessage({ f() {} }), "functions are not cloned");
assertThrows(TypeError, () => w.postMessage(new Map()), "Map is not cloned (as in QuickJS)");

const sab = new SharedArrayBuffer(16);
const view = new Int32Array(sab);
view[1] = 7;
const payload = { s: "h\u00e9llo \u{1F600}", arr: [1, , 3], big: 2n ** 70n, d: new Date(5),
                  u8: new Uint8Array([1, 2, 3]), nested: { deep: [null, undefined, true, -0.5] } };
payload.self = payload;

const steps = [];
let items = [];
const watchdog = os.setTimeout(() => {
    print("timeout; steps so far: " + steps.join(","));
    std.exit(1);
}, 8000);

function check(cond, what) {
    if (!cond) {
        print("FAIL: " + what + "; steps " + steps.join(","));
        std.exit(1);
    }
}

const handler = (e) => {
    const d = e.data;
    if (d.type !== "item") steps.push(d.type);
    switch (d.type) {
    case "ready":
        check(d.parent === "[object Worker]" && d.print === "function", "worker globals");
        w.postMessage({ type: "ping", n: 1, payload });
        break;
    case "pong": {
        const p = d.echo;
        check(d.n === 2, "n + 1");
        check(p.s === payload.s && p.big === payload.big, "strings and BigInts");
        check(p.arr.length === 3 && !(1 in p.arr) && p.arr[2] === 3, "holes kept");
        check(p.d instanceof Date && p.d.getTime() === 5, "Date cloned");
        check(p.u8 instanceof Uint8Array && p.u8.join() === "1,2,3", "typed array cloned");
        check(p.nested.deep[1] === undefined && p.nested.deep[3] === -0.5, "nested values");
        check(p.self === p, "cycle kept");
        check(p !== payload, "a copy");
        w.postMessage({ type: "sab", buf: sab });
        break;
    }
    case "sab-done": {
        check(d.seen === 7, "the worker saw the main thread's write");
        check(view[0] === 42 && view[2] === 5, "the main thread sees the worker's writes");
        check(d.buf instanceof SharedArrayBuffer && d.buf.byteLength === 16, "SAB comes back");
        new Int32Array(d.buf)[3] = 9;
        check(view[3] === 9, "the returned SAB is the same memory");
        w.postMessage({ type: "nested" });
        break;
    }
    case "nested":
        check(d.error === "TypeError", "nested workers refused: " + d.error);
        w.postMessage({ type: "timer" });
        break;
    case "timer-done":
        w.postMessage({ type: "burst" });
        break;
    case "item":
        items.push(d.i);
        if (items.length === 100) {
            check(items.every((v, i) => v === i), "messages in order");
            w.postMessage({ type: "exit" });
        }
        break;
    case "bye":
        w.onmessage = null;
        os.clearTimeout(watchdog);
        assertArrayEquals(steps, ["ready", "pong", "sab-done", "nested", "timer-done", "bye"]);
        break;
    }
};
w.onmessage = handler;
assertEquals(w.onmessage, handler);
