// The worker of os_worker.js: answers each message type, then leaves when told to.
import * as os from "os";

const parent = os.Worker.parent;
parent.onmessage = (e) => {
    const d = e.data;
    switch (d.type) {
    case "ping":
        parent.postMessage({ type: "pong", n: d.n + 1, echo: d.payload });
        break;
    case "sab": {
        const a = new Int32Array(d.buf);
        const seen = a[1];
        a[0] = 42;
        Atomics.add(a, 2, 5);
        parent.postMessage({ type: "sab-done", seen, buf: d.buf });
        break;
    }
    case "nested":
        try {
            new os.Worker("./echo.js");
            parent.postMessage({ type: "nested", error: "none" });
        } catch (err) {
            parent.postMessage({ type: "nested", error: err.name });
        }
        break;
    case "timer":
        os.setTimeout(() => parent.postMessage({ type: "timer-done" }), 5);
        break;
    case "burst":
        for (let i = 0; i < 100; i++) parent.postMessage({ type: "item", i });
        break;
    case "exit":
        // No handler left: the worker's loop ends and its thread exits.
        parent.onmessage = null;
        parent.postMessage({ type: "bye" });
        break;
    }
};
parent.postMessage({ type: "ready", parent: String(parent), print: typeof print });
