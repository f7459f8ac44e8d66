// os: descriptors (open/read/write/seek/close, pipe, dup, dup2, isatty), the file system
// (mkdir, readdir, stat/lstat, rename, remove, symlink/readlink, realpath, getcwd/chdir, utimes)
// and their error results (-errno, [value, err]).
import * as std from "std";
import * as os from "os";

const dir = std.getenv("TEST_TMP");
const path = dir + "/f.bin";

let fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644);
assert(fd >= 0, "open creates");
const data = new Uint8Array([10, 20, 30, 40, 50]);
assertEquals(os.write(fd, data.buffer, 0, 5), 5);
assertEquals(os.seek(fd, 1, std.SEEK_SET), 1);
assertEquals(os.seek(fd, 0n, std.SEEK_CUR), 1n);
const back = new Uint8Array(3);
assertEquals(os.read(fd, back.buffer, 0, 3), 3);
assertArrayEquals(Array.from(back), [20, 30, 40]);
assertThrows(RangeError, () => os.read(fd, back.buffer, 2, 2));
assertEquals(os.isatty(fd), false);
assertEquals(os.close(fd), 0);
assertEquals(os.close(fd), -std.Error.EBADF);
assertEquals(os.open(dir + "/none/x", os.O_RDONLY), -std.Error.ENOENT);

// stat
let [st, err] = os.stat(path);
assertEquals(err, 0);
assertEquals(st.size, 5);
assertEquals(st.mode & os.S_IFMT, os.S_IFREG);
assertEquals(st.mode & 0o777, 0o644);
assert(st.mtime > 1.6e12, "mtime in milliseconds since 1970");
[st, err] = os.stat(dir + "/missing");
assertEquals(st, null);
assertEquals(err, std.Error.ENOENT);
assertEquals(os.utimes(path, 1000000000000, 1500000000000), 0);
assertEquals(os.stat(path)[0].mtime, 1500000000000);

// directories
assertEquals(os.mkdir(dir + "/sub"), 0);
assertEquals(os.mkdir(dir + "/sub"), -std.Error.EEXIST);
assertEquals(os.stat(dir + "/sub")[0].mode & os.S_IFMT, os.S_IFDIR);
assertEquals(os.rename(path, dir + "/sub/g.bin"), 0);
let [names, rerr] = os.readdir(dir + "/sub");
assertEquals(rerr, 0);
assertArrayEquals(names.filter((n) => n[0] !== ".").sort(), ["g.bin"]);
assertEquals(os.readdir(dir + "/nope")[1], std.Error.ENOENT);

// links
assertEquals(os.symlink("sub/g.bin", dir + "/link"), 0);
assertArrayEquals(os.readlink(dir + "/link"), ["sub/g.bin", 0]);
assertEquals(os.lstat(dir + "/link")[0].mode & os.S_IFMT, os.S_IFLNK);
assertEquals(os.stat(dir + "/link")[0].size, 5);
const [real, perr] = os.realpath(dir + "/sub/../link");
assertEquals(perr, 0);
assert(real.endsWith("/sub/g.bin"), "realpath follows the link: " + real);
assertEquals(os.readlink(dir + "/sub")[1], std.Error.EINVAL);

// cwd
const [cwd0] = os.getcwd();
assertEquals(os.chdir(dir + "/sub"), 0);
assert(os.getcwd()[0].endsWith("/sub"), "chdir");
assertEquals(os.chdir(cwd0), 0);
assertEquals(os.chdir(dir + "/nowhere"), -std.Error.ENOENT);

// remove
assertEquals(os.remove(dir + "/link"), 0);
assertEquals(os.remove(dir + "/sub/g.bin"), 0);
assertEquals(os.remove(dir + "/sub"), 0);
assertEquals(os.remove(dir + "/sub"), -std.Error.ENOENT);

// pipes and descriptors
const [r, w] = os.pipe();
const msg = new Uint8Array([104, 105]);
assertEquals(os.write(w, msg.buffer, 0, 2), 2);
const w2 = os.dup(w);
assert(w2 > w, "dup gives a new descriptor");
assertEquals(os.write(w2, msg.buffer, 0, 1), 1);
assertEquals(os.dup2(w, w2), w2);
os.close(w2);
os.close(w);
const got = new Uint8Array(8);
assertEquals(os.read(r, got.buffer, 0, 8), 3);
assertEquals(os.read(r, got.buffer, 0, 8), 0);
os.close(r);
assertEquals(os.platform, "linux");
