// Atomics across os.Worker threads (quickjs-libc's waiter list): Atomics.wait blocks the worker until
// the main thread's Atomics.notify wakes it ("ok"), a waitAsync promise of the worker settles when the
// main thread notifies, and the main thread's own waitAsync with a timeout settles "timed-out" in its
// event loop.
import * as std from "std";
import * as os from "os";

const steps = [];
const watchdog = os.setTimeout(() => {
    print("timeout; steps so far: " + steps.join(","));
    std.exit(1);
}, 8000);

// Notifies index `i` until one waiter woke (the worker may not be waiting yet), sleeping between tries
// so that a loaded machine runs the worker.
function notifyOne(view, i) {
    for (let tries = 0; tries < 5000; tries++) {
        const woken = Atomics.notify(view, i, 1);
        if (woken !== 0) return woken;
        os.sleep(1);
    }
    return 0;
}

// Waits until view[i] is 1 (set by the worker).
function waitForFlag(view, i) {
    for (let tries = 0; tries < 5000 && Atomics.load(view, i) !== 1; tries++) os.sleep(1);
}

const sab = new SharedArrayBuffer(16);
const view = new Int32Array(sab);
const w = new os.Worker(os.getcwd()[0] + "/tests/libc/workers/atomics.js");
w.onmessage = (e) => {
    const d = e.data;
    steps.push(d.type);
    switch (d.type) {
    case "ready":
        w.postMessage({ buf: sab });
        waitForFlag(view, 1);
        assertEquals(notifyOne(view, 0), 1, "one sync waiter woken");
        break;
    case "sync":
        assertEquals(d.sync, "ok");
        assertEquals(d.notEqual, "not-equal");
        waitForFlag(view, 3);
        assertEquals(notifyOne(view, 2), 1, "the async waiter woken");
        assertEquals(Atomics.notify(view, 2), 0, "nobody left");
        break;
    case "async":
        assertEquals(d.isAsync, true);
        assertEquals(d.outcome, "ok");
        w.onmessage = null;
        break;
    }
};

// The main thread's own asynchronous wait times out (nobody notifies index 3 of a second buffer).
const own = new Int32Array(new SharedArrayBuffer(8));
const mine = Atomics.waitAsync(own, 0, 0, 30);
assertEquals(mine.async, true);
const t0 = Date.now();
mine.value.then((outcome) => {
    steps.push("own");
    assertEquals(outcome, "timed-out");
    assert(Date.now() - t0 >= 25, "waited about 30 ms");
});

// Checked when the loop ends: every step happened.
os.setTimeout(function check() {
    if (steps.includes("async") && steps.includes("own")) {
        os.clearTimeout(watchdog);
        assertArrayEquals(steps.filter((s) => s !== "own"), ["ready", "sync", "async"]);
        return;
    }
    os.setTimeout(check, 10);
}, 10);
