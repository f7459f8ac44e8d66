// Several os.Worker threads at once (more than one runtime per process runs concurrently): each
// starts, answers a ping and leaves; the main loop ends when the last handler is removed.
import * as std from "std";
import * as os from "os";

const dir = os.getcwd()[0] + "/tests/libc/workers/";
const count = 10;
const done = new Set();
const watchdog = os.setTimeout(() => {
    print("timeout: " + done.size + " of " + count + " workers answered");
    std.exit(1);
}, 8000);
for (let i = 0; i < count; i++) {
    const w = new os.Worker(dir + "echo.js");
    w.onmessage = (e) => {
        const d = e.data;
        if (d.type === "ready") w.postMessage({ type: "ping", n: i, payload: "w" + i });
        else if (d.type === "pong") {
            assertEquals(d.n, i + 1);
            assertEquals(d.echo, "w" + i);
            w.postMessage({ type: "exit" });
        } else if (d.type === "bye") {
            w.onmessage = null;
            done.add(i);
            if (done.size === count) os.clearTimeout(watchdog);
        }
    };
}
