// snapshot_corpus.cpp: writes the restore fuzzer's seed corpus, one snapshot per representative
// program (closures, classes, promises and jobs, async functions and generators, Map/Set, typed
// arrays, regexps, symbols, timers, errors, changed built-ins), into the given directory; with a
// second directory, also the bytecode fuzzer's seeds: each program compiled and written with
// JS_WriteObject (images name the opcode table's fingerprint, so fresh seeds follow the build).
//   snapshot_corpus SNAPSHOT-DIR [BYTECODE-DIR]   (fuzz/run.sh runs it)
#include "api/Engine.h"
#include "quickjs.h"

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

bool write_file(const std::string& path, const uint8_t* bytes, size_t size) {
    FILE* f = std::fopen(path.c_str(), "wb");
    bool ok = f && std::fwrite(bytes, 1, size, f) == size;
    if (f) std::fclose(f);
    if (!ok) std::fprintf(stderr, "snapshot_corpus: cannot write %s\n", path.c_str());
    return ok;
}

// The seed compiled as a script (and as a module), written as bytecode images into `dir`.
int write_bytecode_seeds(const Seed& seed, const std::string& dir) {
    int failures = 0;
    JSRuntime* rt = JS_NewRuntime();
    JSContext* ctx = JS_NewContext(rt);
    const int types[] = {JS_EVAL_TYPE_GLOBAL, JS_EVAL_TYPE_MODULE};
    for (int type : types) {
        std::string source = seed.source;
        JSValue fn = JS_Eval(ctx, source.c_str(), source.size(), seed.name, type | JS_EVAL_FLAG_COMPILE_ONLY);
        if (JS_IsException(fn)) {
            JS_FreeValue(ctx, JS_GetException(ctx)); // sloppy-only seeds are not modules
            continue;
        }
        size_t size = 0;
        uint8_t* bytes = JS_WriteObject(ctx, &size, fn, JS_WRITE_OBJ_BYTECODE | JS_WRITE_OBJ_REFERENCE);
        std::string path = dir + "/" + seed.name + (type == JS_EVAL_TYPE_MODULE ? ".module" : "") + ".qjsb";
        if (!bytes || !write_file(path, bytes, size)) failures++;
        if (bytes) js_free(ctx, bytes);
        JS_FreeValue(ctx, fn);
    }
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    return failures;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: snapshot_corpus SNAPSHOT-DIR [BYTECODE-DIR]\n");
        return 2;
    }
    int failures = 0;
    if (argc == 3)
        for (const Seed& seed : k_seeds)
            failures += write_bytecode_seeds(seed, argv[2]);
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
            if (write_file(path, bytes.data(), bytes.size()))
                std::printf("%s: %zu bytes\n", path.c_str(), bytes.size());
            else
                failures++;
        }
        realm_free(realm);
        engine_free(engine);
    }
    return failures ? 1 : 0;
}
