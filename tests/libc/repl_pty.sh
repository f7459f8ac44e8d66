#!/usr/bin/env bash
# The REPL on a terminal (a pseudo-terminal from Python): prompts, results (coloured by type),
# multi-line input, Ctrl-C interrupting a running evaluation without leaving the REPL, line editing
# (cursor keys, Ctrl-A/E/K/U, UTF-8 characters), history on the arrow keys (kept in ~/.qjs_history for the
# next session), TAB completion of global and property names, the input coloured as it is typed, and the
# event loop running while input is awaited (timers and I/O handlers fire between keys, and the line being
# typed is redrawn after their output).
set -u
command -v python3 > /dev/null || { echo "python3 missing: skipped"; exit 0; }
exec python3 - "$QJS" << 'PY'
import os, pty, re, select, sys, tempfile, time

qjs = sys.argv[1]
home = tempfile.mkdtemp()

def start(*args):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = home
        os.execv(qjs, [qjs, "-i"] + list(args))
    return pid, fd

pid, fd = start()

out = b""
mark = 0  # read_until looks at the output after the last match only

def plain(b):
    # The screen text without escape sequences (colours, clear-to-end, cursor moves).
    return re.sub(rb"\x1b\[[0-9;]*[A-Za-z]", b"", b)

def read_until(token, timeout=5.0, raw=False):
    global out, mark
    end = time.time() + timeout
    while token not in (out[mark:] if raw else plain(out[mark:])):
        left = end - time.time()
        if left <= 0:
            sys.exit("timeout waiting for %r; got %r" % (token, out[-300:]))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break
    seen = out[mark:] if raw else plain(out[mark:])
    mark = len(out)

def send(s):
    os.write(fd, s.encode())

read_until(b"qjs > ")
send("6 * 7\n")
read_until(b"\x1b[33m42\x1b[0m", raw=True)  # a number in yellow on a terminal
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

# Line editing: Left twice then insert, Home and insert, Ctrl-E, Ctrl-U clears the line.
send("1+3\x1b[D\x1b[D0\x01(\x05)*2\n")  # 1+3 -> 10+3 -> (10+3 -> (10+3)*2
read_until(b"26\r\n")
send("garbage\x15'cleared'\n")
read_until(b'"cleared"')
# History: Up recalls the previous line, Up Up the one before, Down goes back.
send("\x1b[A\n")
read_until(b'"cleared"')
# (a repeated line is kept once: Up x3 is 'still here', then Down is (10+3)*2)
send("\x1b[A\x1b[A\x1b[A\x1b[B\n")
read_until(b"26\r\n")
send("\x1b[A\x1b[A\x1b[A\x1b[A\n")  # (10+3)*2, 'cleared', (10+3)*2, 'still here'
read_until(b'"still here"')
# Errors in red.
send("null.x\n")
read_until(b"\x1b[31mTypeError", raw=True)
# Ctrl-C drops the line being typed.
send("unfinished(\x03")
read_until(b"qjs > ")
# TAB completion: a unique global name, a property after a dot, candidates listed on a second TAB.
send("var myUniqueName = 5; myUniqueName\n")
read_until(b"5\r\n")
send("myUniq\t * 2\n")
read_until(b"10\r\n")
send("Math.ma\t(3, 9)\n")
read_until(b"9\r\n")
send("Math.a\t\t")
read_until(b"Math.atan2  Math.atanh")
# The terminal is raw only while a line is read: keys sent while a line is evaluated meet the cooked
# terminal (echo, erase characters). So from here on the next keys are sent only once the prompt after a
# result is drawn (a slow build under ASan evaluates slowly).
send("\x15'sync'\n")
read_until(b'"sync"\r\n\rqjs > ')
# Colours while typing: a keyword, a string and a number, before Enter.
send("let kw = 'str' + 12")
read_until(b"\x1b[95mlet\x1b[0m kw = \x1b[32m'str'\x1b[0m + \x1b[33m12\x1b[0m", raw=True)
send("\x15'sync'\n")
read_until(b'"sync"\r\n\rqjs > ')
# UTF-8: Left twice from the end lands before the two-byte character, Backspace deletes the 'a'.
send("'a\u00e9'\x1b[D\x1b[D\x7f\n")
read_until('"\u00e9"\r\n\rqjs > '.encode())
# A timer fires while the REPL waits, with no key pressed (the line is hidden, the output printed, the
# prompt drawn again).
send("setTimeout(() => print('tick-' + 6 * 7), 100); 0\n")
read_until(b"tick-42\r\n\rqjs > ")
# A timer fires while a line is half typed: its output, then the line is drawn again and completes.
send("setTimeout(() => print('tock'), 700); 'armed'\n")
read_until(b'"armed"\r\n\rqjs > ')
send("40 +")
read_until(b"tock\r\n\rqjs > ")  # then "40 +" again (unless the timer beat the keys on a slow machine)
send(" 2\n")
read_until(b"42\r\n\rqjs > ")
# An I/O handler on a pipe runs while waiting.
send("var [r, w] = os.pipe(); os.setReadHandler(r, () => { const b = new Uint8Array(8); "
     "print('got ' + os.read(r, b.buffer, 0, 8)); os.setReadHandler(r, null); }); "
     "os.write(w, new Uint8Array([1, 2, 3]).buffer, 0, 3)\n")
read_until(b"got 3\r\n\rqjs > ")
send("\\q\n")
_, status = os.waitpid(pid, 0)
if os.WEXITSTATUS(status) != 0:
    sys.exit("exit status %d; output %r" % (os.WEXITSTATUS(status), out[-300:]))

# The history file keeps the entries for the next session: Up recalls the last line of the last one.
hist = open(os.path.join(home, ".qjs_history")).read().splitlines()
if "40 + 2" not in hist or not any("'tick-' + 6 * 7" in h for h in hist):
    sys.exit("history file %r" % hist[-5:])
pid, fd = start()
out, mark = b"", 0
read_until(b"qjs > ")
send("\x1b[A\x1b[A\n")  # the last line was '\\q' (kept), the one before the pipe test
read_until(b"got 3")
send("\\q\n")
os.waitpid(pid, 0)
print("repl on a pty: ok")
PY
