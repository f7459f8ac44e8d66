// The worker of os_worker_atomics.js: blocks in Atomics.wait until the main thread notifies it, then
// waits asynchronously (Atomics.waitAsync) and reports how each wait ended.
import * as os from "os";

const parent = os.Worker.parent;
parent.onmessage = (e) => {
    const a = new Int32Array(e.data.buf);
    Atomics.store(a, 1, 1); // about to wait on a[0]
    const sync = Atomics.wait(a, 0, 0, 5000);
    const notEqual = Atomics.wait(a, 0, 1, 5000);
    parent.postMessage({ type: "sync", sync, notEqual });
    const r = Atomics.waitAsync(a, 2, 0, 5000);
    Atomics.store(a, 3, 1); // the async waiter is in the list
    r.value.then((outcome) => {
        parent.postMessage({ type: "async", isAsync: r.async, outcome });
        parent.onmessage = null; // leaves
    });
};
parent.postMessage({ type: "ready" });
