#!/usr/bin/env bash
# The REPL on a terminal (a pseudo-terminal from Python): prompts, results, multi-line input, and
# Ctrl-C interrupting a running evaluation without leaving the REPL.
set -u
command -v python3 > /dev/null || { echo "python3 missing: skipped"; exit 0; }
exec python3 - "$QJS" << 'PY'
import os, pty, select, sys, time

qjs = sys.argv[1]
pid, fd = pty.fork()
if pid == 0:
    os.execv(qjs, [qjs, "-i"])

out = b""
def read_until(token, timeout=5.0):
    global out
    end = time.time() + timeout
    while token not in out:
        left = end - time.time()
        if left <= 0:
            sys.exit("timeout waiting for %r; got %r" % (token, out[-300:]))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break

def send(s):
    os.write(fd, s.encode())

read_until(b"qjs > ")
send("6 * 7\n")
read_until(b"42")
send("[1, 'a', {b: null}]\n")
read_until(b'[ 1, "a", { b: null } ]')
send("function add(a, b) {\n")
read_until(b"  ... ")
send("  return a + b;\n}\n")
send("add(2, 3)\n")
read_until(b"5\r\n")
send("for (;;) {}\n")
time.sleep(0.3)
send("\x03")  # Ctrl-C: the terminal sends SIGINT
read_until(b"interrupted")
send("'still here'\n")
read_until(b'"still here"')
send("\\q\n")
_, status = os.waitpid(pid, 0)
if os.WEXITSTATUS(status) != 0:
    sys.exit("exit status %d; output %r" % (os.WEXITSTATUS(status), out[-300:]))
print("repl on a pty: ok")
PY
