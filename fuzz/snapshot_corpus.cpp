// snapshot_corpus.cpp: writes the restore fuzzer's seed corpus, one snapshot per representative
// program (closures, classes, promises and jobs, async functions and generators, Map/Set, typed
// arrays, regexps, symbols, timers, errors, changed built-ins), into the given directory.
//   snapshot_corpus fuzz/corpus/restore   (fuzz/build.sh runs it)
#include "api/Engine.h"

#include <cstdio>
#include <string>
#include <vector>

using namespace qjs::api;

namespace {

struct Seed {
    const char* name;
    const char* source;
};

const Seed k_seeds[] = {
    {"empty", ""},
    {"values", "var a = [1, 2.5, -0, NaN, 'str', 'wide \\u20ac', 12345678901234567890n, -1n, true, null, "
               "undefined, { nested: { deep: [] } }]; a.length = 20; var holes = [, , 3];"},
    {"closures", "function counter() { let n = 0; return { inc: () => ++n, get value() { return n; } }; }"
                 "var c = counter(); c.inc(); c.inc(); var bound = c.inc.bind(null, 1, 2);"},
    {"classes",
     "class A { #x = 1; static s = 2; get x() { return this.#x; } m() { return super.toString(); } }"
     "class B extends A { constructor() { super(); this.y = [this]; } } var b = new B();"},
    {"promises",
     "var log = []; var later = new Promise(r => { globalThis.resolveLater = r; });"
     "later.then(v => log.push(v)); Promise.reject(new TypeError('no')).catch(e => log.push(e.message));"
     "var all = Promise.all([later, 1]);"},
    {"async", "var log = []; async function f(p) { log.push(1); const v = await p; log.push(v); return v; }"
              "var gate = new Promise(r => { globalThis.open = r; }); var running = f(gate);"
              "async function* g() { yield 1; yield await gate; } var it = g(); it.next();"},
    {"generators",
     "function* gen() { let i = 0; while (true) yield i++; } var g1 = gen(); g1.next(); g1.next();"
     "var arr = [3, 1, 2]; var iter = arr[Symbol.iterator](); iter.next();"},
    {"collections",
     "var m = new Map([[1, 'a'], ['k', { v: 1 }]]); var s = new Set([1, 'x', m]);"
     "var key = {}; var wm = new WeakMap([[key, 1]]); var ws = new WeakSet([key]); var wr = new WeakRef(key);"
     "m.delete(1);"},
    {"binary",
     "var buf = new ArrayBuffer(64); var u8 = new Uint8Array(buf, 8, 16); u8.set([1, 2, 3]);"
     "var f64 = new Float64Array([1.5, -2]); var dv = new DataView(buf, 4); dv.setInt32(0, -7);"
     "var big = new BigInt64Array(2); big[1] = -5n; var rb = new ArrayBuffer(8, { maxByteLength: 32 });"
     "var tracking = new Uint16Array(rb);"},
    {"regexp", "var re = /(?<year>\\d{4})-(?<month>\\d\\d)/gu; re.exec('on 2024-05-06'); var sticky = /a+/y;"
               "var date = new Date(86400000); var err = new RangeError('bad', { cause: re });"},
    {"symbols", "var s1 = Symbol('local'); var s2 = Symbol.for('registered'); var o = { [s1]: 1, [s2]: 2,"
                " [Symbol.toPrimitive]() { return 3; } }; Object.defineProperty(o, 'hidden', { value: 4 });"},
    {"timers", "var fired = []; setTimeout(() => fired.push('t'), 1000, 'arg');"
               "var iv = setInterval(() => fired.push('i'), 500); queueMicrotask(() => fired.push('m'));"},
    {"builtins", "Array.prototype.last = function () { return this[this.length - 1]; };"
                 "Object.freeze(Math); delete globalThis.escape; JSON.custom = true;"
                 "var proxy = new Proxy({}, { get: (t, k) => k }); var r = Proxy.revocable({}, {});"},
    {"functions",
     "function named(a, b = 2, ...rest) { try { return eval('a + b'); } finally { rest.pop(); "
     "} }"
     "var arrow = (x) => x * 2; var fn = new Function('a', 'return a + 1');"
     "label: for (var i = 0; i < 3; i++) { switch (i) { case 1: continue label; default: break; } }"},
};

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: snapshot_corpus DIR\n");
        return 2;
    }
    int failures = 0;
    for (const Seed& seed : k_seeds) {
        Engine* engine = engine_new();
        Realm* realm = realm_new(engine);
        install_event_loop(realm);
        EvalResult r = eval_script(realm, seed.source, seed.name, EvalMode::Sloppy);
        if (r.ok) run_jobs(engine, &r);
        std::vector<uint8_t> bytes;
        std::string error;
        if (!r.ok) {
            std::fprintf(stderr, "snapshot_corpus: %s: %s: %s\n", seed.name, r.error_name.c_str(),
                         r.error_message.c_str());
            failures++;
        } else if (!snapshot_write(engine, bytes, error)) {
            std::fprintf(stderr, "snapshot_corpus: %s: %s\n", seed.name, error.c_str());
            failures++;
        } else {
            std::string path = std::string(argv[1]) + "/" + seed.name + ".qjss";
            FILE* f = std::fopen(path.c_str(), "wb");
            if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
                std::fprintf(stderr, "snapshot_corpus: cannot write %s\n", path.c_str());
                failures++;
            } else {
                std::printf("%s: %zu bytes\n", path.c_str(), bytes.size());
            }
            if (f) std::fclose(f);
        }
        realm_free(realm);
        engine_free(engine);
    }
    return failures ? 1 : 0;
}
