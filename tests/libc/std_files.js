// std: FILE objects (open, puts, printf, getline, seek/tell, read/write, getByte/putByte, eof,
// error paths), loadFile/writeFile, tmpfile, fdopen, popen.
import * as std from "std";
import * as os from "os";

const dir = std.getenv("TEST_TMP");
assert(typeof dir === "string" && dir.length > 0, "TEST_TMP is set");
const path = dir + "/a.txt";

let f = std.open(path, "w");
assert(f !== null, "open for writing");
f.puts("hello\n");
assertEquals(f.printf("%d-%s\n", 42, "x"), 5);
assertEquals(f.putByte(65), 65);
assertEquals(f.tell(), 12);
assertEquals(f.close(), 0);
assertEquals(std.loadFile(path), "hello\n42-x\nA");

f = std.open(path, "r");
assertEquals(f.getline(), "hello");
assertEquals(f.getline(), "42-x");
assertEquals(f.getByte(), 65);
assertEquals(f.getByte(), -1);
assert(f.eof(), "eof after the last byte");
assertEquals(f.getline(), null);
assertEquals(f.seek(2, std.SEEK_SET), 0);
assertEquals(f.tello(), 2n);
assertEquals(f.readAsString(3), "llo");
assertEquals(f.seek(-1n, std.SEEK_END), 0);
assertEquals(f.readAsString(), "A");
f.clearerr();
assert(!f.eof() && !f.error(), "clearerr resets eof");
assertEquals(f.seek(0, std.SEEK_SET), 0);
const buf = new ArrayBuffer(8);
assertEquals(f.read(buf, 2, 5), 5);
assertEquals(String.fromCharCode(...new Uint8Array(buf, 2, 5)), "hello");
assertThrows(RangeError, () => f.read(buf, 4, 5));
assert(typeof f.fileno() === "number" && f.fileno() > 2, "fileno");
assertEquals(Object.prototype.toString.call(f), "[object FILE]");
f.close();
assertThrows(TypeError, () => f.getline());

// write(buffer, position, length) and append mode
f = std.open(path, "a+");
const bytes = new Uint8Array([66, 67, 68]);
assertEquals(f.write(bytes.buffer, 1, 2), 2);
f.close();
assertEquals(std.loadFile(path), "hello\n42-x\nACD");

// errors: a missing file gives null and errno; a bad mode throws
const err = {};
assertEquals(std.open(dir + "/missing/x.txt", "r", err), null);
assertEquals(err.errno, std.Error.ENOENT);
assertEquals(std.strerror(std.Error.ENOENT), "No such file or directory");
const ok = {};
std.open(path, "r", ok).close();
assertEquals(ok.errno, 0);
assertThrows(TypeError, () => std.open(path, "rz"));
assertEquals(std.loadFile(dir + "/nothing-here"), null);

// writeFile/loadFile with strings, typed arrays and binary reads
std.writeFile(dir + "/b.bin", new Uint8Array([1, 2, 255]));
const ab = std.loadFile(dir + "/b.bin", { binary: true });
assert(ab instanceof ArrayBuffer, "binary loadFile gives an ArrayBuffer");
assertArrayEquals(Array.from(new Uint8Array(ab)), [1, 2, 255]);
std.writeFile(dir + "/c.txt", "caf\u00e9");
assertEquals(std.loadFile(dir + "/c.txt"), "caf\u00e9");

// tmpfile, fdopen, popen
const t = std.tmpfile();
t.puts("temp");
t.seek(0, std.SEEK_SET);
assertEquals(t.readAsString(), "temp");
t.close();
const fd = os.open(path, os.O_RDONLY);
assert(fd >= 0, "os.open");
const g = std.fdopen(fd, "r");
assertEquals(g.getline(), "hello");
g.close();
const p = std.popen("echo from-popen; exit 3", "r");
assertEquals(p.getline(), "from-popen");
assertEquals(p.close(), 3);
assertThrows(TypeError, () => std.popen("true", "rw"));

// in/out/err are FILE objects
assertEquals(typeof std.out.puts, "function");
assertEquals(std.err.fileno(), 2);
assertEquals(std.in.fileno(), 0);
