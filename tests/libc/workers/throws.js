// A worker whose module throws while it is evaluated (os_worker_errors.sh).
import * as os from "os";
os.Worker.parent.postMessage("before the throw");
throw new Error("boom in worker");
