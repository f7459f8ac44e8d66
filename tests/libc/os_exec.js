// os.exec: blocking and not, exit codes and signals, stdin/stdout through pipes, env, cwd,
// usePath/file, a failing exec; waitpid with WNOHANG; kill.
import * as std from "std";
import * as os from "os";

const dir = std.getenv("TEST_TMP");

assertEquals(os.exec(["true"]), 0);
assertEquals(os.exec(["sh", "-c", "exit 7"]), 7);
assertEquals(os.exec(["sh", "-c", "kill -TERM $$"]), -os.SIGTERM);
assertEquals(os.exec(["/no/such/program"]), 127);
assertEquals(os.exec(["true"], { usePath: false }), 127);
assertEquals(os.exec(["anything", "-c", "exit 4"], { file: "/bin/sh", usePath: false }), 4);

// stdout into a pipe
function run_capture(args, options) {
    const [r, w] = os.pipe();
    const status = os.exec(args, Object.assign({ stdout: w }, options));
    os.close(w);
    const f = std.fdopen(r, "r");
    const out = f.readAsString();
    f.close();
    return [status, out];
}
assertArrayEquals(run_capture(["echo", "a", "b c"]), [0, "a b c\n"]);
assertArrayEquals(run_capture(["sh", "-c", "echo $FOO-$HOME"], { env: { FOO: "bar" } }), [0, "bar-\n"]);
assertArrayEquals(run_capture(["pwd"], { cwd: dir }), [0, os.realpath(dir)[0] + "\n"]);

// uid and gid: the current ones (any other needs privileges)
{
    const ids = std.popen("id -u; id -g", "r");
    const uid = Number(ids.getline()), gid = Number(ids.getline());
    ids.close();
    assertArrayEquals(run_capture(["id", "-u"], { uid, gid }), [0, uid + "\n"]);
}

// stdin from a pipe
{
    const [in_r, in_w] = os.pipe();
    const [out_r, out_w] = os.pipe();
    const text = new Uint8Array([51, 10, 49, 10, 50, 10]); // "3\n1\n2\n"
    os.write(in_w, text.buffer, 0, text.length);
    os.close(in_w);
    assertEquals(os.exec(["sort"], { stdin: in_r, stdout: out_w }), 0);
    os.close(in_r);
    os.close(out_w);
    const f = std.fdopen(out_r, "r");
    assertEquals(f.readAsString(), "1\n2\n3\n");
    f.close();
}

// non-blocking: a pid, then waitpid
const pid = os.exec(["sh", "-c", "exit 5"], { block: false });
assert(pid > 0, "exec without blocking returns the pid");
let ret, status;
for (;;) {
    [ret, status] = os.waitpid(pid, os.WNOHANG);
    if (ret === pid) break;
    assertEquals(ret, 0);
    os.sleep(5);
}
assertEquals((status >> 8) & 0xff, 5);
assertEquals(os.waitpid(pid, 0)[0], -std.Error.ECHILD || os.waitpid(pid, 0)[0]);

// kill
const sleeper = os.exec(["sleep", "10"], { block: false });
assertEquals(os.kill(sleeper, os.SIGKILL), 0);
[ret, status] = os.waitpid(sleeper, 0);
assertEquals(ret, sleeper);
assertEquals(status & 0x7f, os.SIGKILL);
assertThrows(TypeError, () => os.exec([]));
