// std: environment, evalScript (with backtrace_barrier), loadScript, gc, strerror, the Error
// table; the modules under their qjs: names; import.meta.
import * as std from "std";
import * as os from "os";
import * as std2 from "qjs:std";
import { sprintf } from "qjs:std";
import * as os2 from "qjs:os";

assertEquals(typeof std2.printf, "function");
assertEquals(sprintf("%d", 3), "3");
assertEquals(typeof os2.exec, "function");

std.setenv("QJS_LIBC_TEST", "v1");
assertEquals(std.getenv("QJS_LIBC_TEST"), "v1");
assertEquals(std.getenviron().QJS_LIBC_TEST, "v1");
std.unsetenv("QJS_LIBC_TEST");
assertEquals(std.getenv("QJS_LIBC_TEST"), undefined);
assertEquals(std.getenviron().QJS_LIBC_TEST, undefined);

assertEquals(std.evalScript("1 + 2"), 3);
std.evalScript("var fromEvalScript = 5");
assertEquals(globalThis.fromEvalScript, 5);
assertThrows(SyntaxError, () => std.evalScript("1 +"));
try {
    std.evalScript("(function inner() { throw new Error('deep'); })()", { backtrace_barrier: true });
    assert(false, "evalScript should throw");
} catch (e) {
    assertEquals(e.message, "deep");
}

const dir = std.getenv("TEST_TMP");
std.writeFile(dir + "/s.js", "var loadedValue = 40 + 2;");
std.loadScript(dir + "/s.js");
assertEquals(globalThis.loadedValue, 42);
assertThrows(ReferenceError, () => std.loadScript(dir + "/none.js"));

std.gc();
assertEquals(std.SEEK_SET, 0);
assertEquals(std.SEEK_CUR, 1);
assertEquals(std.SEEK_END, 2);
for (const name of ["EINVAL", "EIO", "EACCES", "EEXIST", "ENOSPC", "ENOSYS", "EBUSY", "ENOENT", "EPERM", "EPIPE"])
    assert(Number.isInteger(std.Error[name]) && std.Error[name] > 0, "std.Error." + name);
assertEquals(typeof std.strerror(std.Error.EPERM), "string");

// import.meta of the main module
assert(import.meta.url.startsWith("file:///"), "import.meta.url: " + import.meta.url);
assertEquals(import.meta.main, true);

// a module imported from a file, relative to this one
std.writeFile(dir + "/mod.mjs", "export const answer = 42; export default import.meta.main;");
const ns = await import(dir + "/mod.mjs");
assertEquals(ns.answer, 42);
assertEquals(ns.default, false);
