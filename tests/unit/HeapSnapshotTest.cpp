// Heap snapshots (src/snapshot/HeapSnapshot.h) through the embedding API: state built by a script
// survives snapshot_write + snapshot_restore in a fresh engine, and damaged bytes are refused cleanly.
#include "snapshot/HeapSnapshot.h"
#include "api/Engine.h"
#include "snapshot/ByteStream.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <random>
#include <unistd.h>

namespace qjs::test {

using namespace qjs::api;

namespace {

struct Vm {
    Engine* engine = nullptr;
    Realm* realm = nullptr;
    ~Vm() {
        if (realm) realm_free(realm);
        if (engine) {
            EXPECT_EQ(engine_free(engine), 0u) << "leaked cells";
        }
    }
};

void fresh(Vm& vm) {
    vm.engine = engine_new();
    ASSERT_NE(vm.engine, nullptr);
    vm.realm = realm_new(vm.engine);
    ASSERT_NE(vm.realm, nullptr);
    install_event_loop(vm.realm);
}

// Runs `source` and its jobs; fails the test with the error when it throws.
void run(Vm& vm, const char* source) {
    EvalResult r = eval_script(vm.realm, source, "<test>", EvalMode::Sloppy);
    ASSERT_TRUE(r.ok) << r.error_name << ": " << r.error_message << "\n" << source;
    EvalResult job_error;
    ASSERT_TRUE(run_jobs(vm.engine, &job_error)) << job_error.error_name << ": " << job_error.error_message;
}

std::vector<uint8_t> snapshot(Vm& vm) {
    std::vector<uint8_t> bytes;
    std::string error;
    EXPECT_TRUE(snapshot_write(vm.engine, bytes, error)) << error;
    return bytes;
}

void restore(Vm& vm, const std::vector<uint8_t>& bytes) {
    std::string error;
    vm.engine = snapshot_restore(bytes.data(), bytes.size(), 0, &vm.realm, error);
    ASSERT_NE(vm.engine, nullptr) << error;
}

// Builds state with `setup`, round-trips it, then runs `check` in the restored VM.
void round_trip(const char* setup, const char* check) {
    std::vector<uint8_t> bytes;
    {
        Vm a;
        fresh(a);
        run(a, setup);
        bytes = snapshot(a);
        ASSERT_FALSE(bytes.empty());
    }
    Vm b;
    restore(b, bytes);
    run(b, check);
}

} // namespace

TEST(HeapSnapshot, EmptyVmIsSmall) {
    Vm a;
    fresh(a);
    std::vector<uint8_t> bytes = snapshot(a);
    EXPECT_LT(bytes.size(), 4096u);
    Vm b;
    restore(b, bytes);
    run(b, "if (typeof Array.prototype.map !== 'function' || [1, 2].map(x => x * 2)[1] !== 4) throw 1;");
}

TEST(HeapSnapshot, GlobalsObjectsArraysAndStrings) {
    round_trip(
        "var n = 42; let s = 'h\\u00e9llo \\u4e16'; const o = {a: 1, b: [1, 'two', {c: null}], d: -0};"
        "var big = 12345678901234567890123n; var sym = Symbol('tag'); o[sym] = 'by symbol';"
        "var reg = Symbol.for('registered'); var shared = {}; var pair = [shared, shared];",
        "if (n !== 42 || s !== 'h\\u00e9llo \\u4e16' || o.b[1] !== 'two' || o.b[2].c !== null) throw 1;"
        "if (!Object.is(o.d, -0) || big !== 12345678901234567890123n) throw 2;"
        "if (o[sym] !== 'by symbol' || sym.description !== 'tag') throw 3;"
        "if (Symbol.for('registered') !== reg || pair[0] !== pair[1]) throw 4;"
        "o.e = 5; if (Object.keys(o).join() !== 'a,b,d,e') throw 5;");
}

// Fast arrays may be longer than their elements (trailing holes): new Array(n), a grown length.
TEST(HeapSnapshot, FastArraysWithTrailingHoles) {
    round_trip("var a = new Array(5); var b = []; b.length = 10; var c = new Array(3); c[0] = 'x';",
               "if (a.length !== 5 || 0 in a || b.length !== 10 || c.length !== 3 || c[0] !== 'x' || 1 in c) "
               "throw 1;"
               "a.push(1); c[2] = 'z'; if (a.length !== 6 || a[5] !== 1 || c.join() !== 'x,,z') throw 2;");
}

TEST(HeapSnapshot, ChangedBuiltinsAreKept) {
    round_trip("Array.prototype.last = function () { return this[this.length - 1]; }; delete Math.max;"
               "Object.freeze(JSON);",
               "if ([1, 2, 3].last() !== 3 || 'max' in Math || !Object.isFrozen(JSON)) throw 1;"
               "if (Math.min(2, 1) !== 1) throw 2;");
}

TEST(HeapSnapshot, ClosuresClassesAndAccessors) {
    round_trip("function counter() { let c = 0; return () => ++c; } var next = counter(); next(); next();"
               "class A { #x = 1; get x() { return this.#x; } static make() { return new A(); } }"
               "class B extends A { constructor() { super(); this.y = 2; } } var b = new B();"
               "var acc = { get v() { return 7; }, set v(x) { this._v = x; } };",
               "if (next() !== 3 || b.x !== 1 || b.y !== 2 || !(b instanceof A)) throw 1;"
               "if (acc.v !== 7) throw 2; acc.v = 9; if (acc._v !== 9) throw 3;"
               "if (A.make().x !== 1) throw 4;");
}

TEST(HeapSnapshot, CollectionsBuffersAndRegExps) {
    round_trip(
        "var m = new Map([[1, 'a'], ['k', {z: 1}]]); m.delete(1); m.set(3, 'c');"
        "var st = new Set([1, 2, 3]); var it = st.values(); it.next();"
        "var buf = new ArrayBuffer(8); var u8 = new Uint8Array(buf); u8[0] = 255; var f64 = new "
        "Float64Array(buf); var dv = new DataView(buf, 4);"
        "var re = /a(b+)c/gi; re.lastIndex = 1; var d = new Date(0); var e = new TypeError('bad');"
        "var wm = new WeakMap(); wm.set(m, 1); var bound = Math.max.bind(null, 10);",
        "if (m.get('k').z !== 1 || m.has(1) || [...m.keys()].join() !== 'k,3') throw 1;"
        "if (it.next().value !== 2) throw 2;"
        "if (u8[0] !== 255 || f64.length !== 1 || dv.byteOffset !== 4) throw 3;"
        "if (re.lastIndex !== 1 || re.exec('xABBc')[1] !== 'BB') throw 4;"
        "if (d.getTime() !== 0 || !(e instanceof TypeError) || e.message !== 'bad' || !e.stack) throw 5;"
        "if (wm.get(m) !== 1 || bound(3) !== 10) throw 6;");
}

// Weak references survive a round trip as weak references: the targets still held come back, the
// registry's collected cells and its cleanup still work, and a target dropped after the restore goes.
TEST(HeapSnapshot, WeakReferencesStayWeak) {
    round_trip("var live = { n: 1 }, sym = Symbol('s'), log = [];"
               "var wr = new WeakRef(live), wrSym = new WeakRef(sym), gone = new WeakRef({});"
               "var wm = new WeakMap([[live, 'v'], [sym, 's']]), ws = new WeakSet([live]);"
               "var fr = new FinalizationRegistry(function (h) { log.push(h); });"
               "fr.register(live, 'live', live); fr.register(sym, 'sym');"
               "var later = { later: true }; fr.register(later, 'later'); wm.set(later, later);",
               "if (wr.deref() !== live || wrSym.deref() !== sym || gone.deref() !== undefined) throw 1;"
               "if (wm.get(live) !== 'v' || wm.get(sym) !== 's' || !ws.has(live) || wm.get(later) !== later) "
               "throw 2;"
               "if (!fr.unregister(live) || fr.unregister(live)) throw 3;"
               "var fresh = new WeakRef({}); fr.register({}, 'fresh');"
               "Promise.resolve().then(function () { if (fresh.deref() !== undefined) throw 4; })"
               "  .then(function () { if (log.join() !== 'fresh') throw 5; });");
}

TEST(HeapSnapshot, PromisesGeneratorsAndAsyncFunctions) {
    round_trip(
        "var log = []; var resolveIt; var p = new Promise(r => { resolveIt = r; });"
        "async function flow() { log.push('start'); const v = await p; log.push('got ' + v); return v * 2; }"
        "var done = flow().then(v => log.push('done ' + v));"
        "function* gen() { let i = 0; while (true) yield i++; } var g = gen(); g.next(); g.next();",
        "if (log.join() !== 'start') throw 1; if (g.next().value !== 2) throw 2; resolveIt(21);"
        "Promise.resolve().then(() => {}).then(() => {}).then(() => {"
        "  if (log.join() !== 'start,got 21,done 42') throw new Error(log.join()); });");
}

TEST(HeapSnapshot, PendingTimersKeepTheirDelay) {
    std::vector<uint8_t> bytes;
    {
        Vm a;
        fresh(a);
        run(a,
            "var fired = []; setTimeout(() => fired.push('t'), 1); var id = setTimeout(() => {}, 100000);");
        bytes = snapshot(a);
    }
    Vm b;
    restore(b, bytes);
    run(b, "clearTimeout(id);");
    for (int turns = 0; turns < 1000; ++turns) {
        EvalResult err;
        int next = loop_once(b.engine, &err);
        ASSERT_NE(next, -2) << err.error_message;
        if (next == -1) break;
        if (next > 0) usleep(static_cast<useconds_t>(next) * 1000);
    }
    run(b, "if (fired.join() !== 't') throw new Error('timer did not fire after restore');");
}

TEST(HeapSnapshot, RepeatedRoundTripsDoNotGrow) {
    Vm a;
    fresh(a);
    run(a, "var state = {count: 0, names: ['x']};");
    std::vector<uint8_t> first = snapshot(a);
    std::vector<uint8_t> bytes = first;
    for (int i = 0; i < 3; ++i) {
        Vm b;
        restore(b, bytes);
        bytes = snapshot(b);
    }
    EXPECT_EQ(bytes.size(), first.size());
}

TEST(HeapSnapshot, DamagedBytesAreRefused) {
    Vm a;
    fresh(a);
    run(a, "var o = {list: [1, 2, 3], f(x) { return x + 1; }, s: 'text', m: new Map([[1, 2]])};");
    std::vector<uint8_t> bytes = snapshot(a);
    std::string error;
    Realm* realm = nullptr;
    for (size_t cut = 0; cut < bytes.size(); cut += 1 + cut / 16) {
        Engine* e = snapshot_restore(bytes.data(), cut, 0, &realm, error);
        EXPECT_EQ(e, nullptr) << "truncated at " << cut;
        if (e) engine_free(e);
    }
    // Flipped bytes are caught by the checksum.
    std::vector<uint8_t> flipped = bytes;
    flipped[flipped.size() / 2] ^= 0x40;
    EXPECT_EQ(snapshot_restore(flipped.data(), flipped.size(), 0, &realm, error), nullptr);
    EXPECT_NE(error.find("checksum"), std::string::npos) << error;
}

// Found by fuzz/restore_fuzzer: a symbol atom in a snapshot without cells was range-checked against
// "cell count - 1", which wraps to UINT32_MAX, and read an empty table.
TEST(HeapSnapshot, SymbolAtomWithoutCellsIsRefused) {
    Engine* engine = engine_new();
    Realm* realm = realm_new(engine);
    std::vector<uint8_t> bytes;
    std::string error;
    ASSERT_TRUE(snapshot_write(engine, bytes, error)) << error;
    realm_free(realm);
    engine_free(engine);
    // Walk the meta section (docs/SNAPSHOT.md) to the cell table.
    constexpr size_t header = snapshot_format::kHeaderSize;
    ByteReader in(bytes.data() + header, bytes.size() - header);
    uint32_t realms = 0, natives = 0, id, length, hosts;
    uint8_t released;
    uint64_t fingerprint;
    const uint8_t* name;
    ASSERT_TRUE(in.varuint32(&realms));
    for (uint32_t i = 0; i < realms; ++i)
        ASSERT_TRUE(in.u8(&released) && in.u64(&fingerprint));
    ASSERT_TRUE(in.varuint32(&natives));
    for (uint32_t i = 0; i < natives; ++i)
        ASSERT_TRUE(in.varuint32(&id) && in.varuint32(&length) && in.bytes(&name, length));
    ASSERT_TRUE(in.varuint32(&hosts));
    // Keep the meta section, then no cells and one atom: a symbol naming cell 5.
    bytes.resize(bytes.size() - in.remaining());
    bytes.insert(bytes.end(), {0, 1, static_cast<uint8_t>(snapshot_format::AtomEntry::Symbol), 5, 0, 0, 0});
    uint64_t payload = bytes.size() - header;
    std::memcpy(&bytes[header - 12], &payload, 8); // little-endian hosts only (x86-64, wasm32)
    uint32_t crc = crc32(bytes.data() + header, bytes.size() - header);
    std::memcpy(&bytes[header - 4], &crc, 4);
    EXPECT_EQ(snapshot_restore(bytes.data(), bytes.size(), 0, &realm, error), nullptr);
    EXPECT_NE(error.find("symbol atom"), std::string::npos) << error;
}

// Inputs the restore fuzzer found (fuzz/corpus/restore/regression-*.qjss), restored as the fuzzer does
// (header length and checksum recomputed): each must be refused or restored without a sanitizer report.
TEST(HeapSnapshot, FuzzerFindingsStayFixed) {
    std::string dir = std::string(__FILE__);
    dir = dir.substr(0, dir.rfind("/tests/unit/")) + "/fuzz/corpus/restore/";
    int found = 0;
    for (const char* name :
         {"regression-symbol-atom-no-cells.qjss", "regression-symbol-object-description.qjss"}) {
        FILE* f = std::fopen((dir + name).c_str(), "rb");
        if (!f) continue;
        std::vector<uint8_t> bytes;
        uint8_t chunk[4096];
        for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;)
            bytes.insert(bytes.end(), chunk, chunk + n);
        std::fclose(f);
        ++found;
        constexpr size_t header = snapshot_format::kHeaderSize;
        ASSERT_GT(bytes.size(), header);
        uint64_t payload = bytes.size() - header;
        std::memcpy(&bytes[header - 12], &payload, 8); // little-endian hosts only (x86-64, wasm32)
        uint32_t crc = crc32(bytes.data() + header, bytes.size() - header);
        std::memcpy(&bytes[header - 4], &crc, 4);
        std::string error;
        Realm* realm = nullptr;
        Engine* e = snapshot_restore(bytes.data(), bytes.size(), 0, &realm, error);
        EXPECT_EQ(e, nullptr) << name;
        if (e) {
            realm_free(realm);
            engine_free(e);
        }
    }
    if (!found) GTEST_SKIP() << "no source tree beside the test binary";
}

// Mutations with a valid checksum reach the reader's validation: every one must give an error or a
// VM that works and frees cleanly, never a crash (the ASan build runs this too).
TEST(HeapSnapshot, MutatedBytesWithValidChecksumNeverCrash) {
    Vm a;
    fresh(a);
    run(a,
        "var o = {list: [1, 2.5, 'three'], f(x) { return x + 1; }, s: 'text', m: new Map([[1, {}]])};"
        "function* g() { yield 1; yield 2; } var it = g(); it.next(); var p = Promise.resolve(3).then(x => "
        "x);"
        "class K { constructor() { this.v = [new Uint8Array(4), /x+/g, new Set([1])]; } } var k = new K();");
    std::vector<uint8_t> bytes = snapshot(a);
    constexpr size_t header = snapshot_format::kHeaderSize;
    std::mt19937 random(12345);
    size_t restored = 0;
    for (int round = 0; round < 3000; ++round) {
        std::vector<uint8_t> m = bytes;
        int edits = 1 + static_cast<int>(random() % 3);
        for (int k = 0; k < edits; ++k) {
            size_t at = header + random() % (m.size() - header);
            switch (random() % 3) {
            case 0: m[at] ^= static_cast<uint8_t>(1u << (random() % 8)); break;
            case 1: m[at] = static_cast<uint8_t>(random()); break;
            default: m[at] = static_cast<uint8_t>(m[at] + 1); break;
            }
        }
        uint32_t crc = crc32(m.data() + header, m.size() - header);
        std::memcpy(&m[header - 4], &crc, 4); // little-endian hosts only (x86-64, wasm32)
        std::string error;
        Realm* realm = nullptr;
        Engine* e = snapshot_restore(m.data(), m.size(), 0, &realm, error);
        if (!e) continue;
        ++restored;
        // Only code that cannot loop: mutated bytecode may hold an endless loop.
        eval_script(realm, "try { JSON.stringify(o); k.v[0][0] = 1; String(k.v[1]); } catch (e) {}", "<m>",
                    EvalMode::Sloppy);
        realm_free(realm);
        engine_free(e);
    }
    // Most single-byte edits land in data (characters, numbers) and still restore.
    EXPECT_GT(restored, 0u);
}

} // namespace qjs::test

namespace qjs::test {

using namespace qjs::api;

// A delta holds what changed since the last full snapshot; base + delta restores the latest state.
TEST(HeapSnapshotDelta, SmallChangeGivesASmallDelta) {
    Vm a;
    fresh(a);
    run(a, "var items = []; for (let i = 0; i < 10000; i++) items.push({id: i, name: 'item' + i, done: "
           "false});");
    std::vector<uint8_t> base = snapshot(a);
    run(a, "items[5000].done = true; var note = 'changed';");
    std::vector<uint8_t> delta;
    std::string error;
    ASSERT_TRUE(snapshot_write(a.engine, delta, error, true)) << error;
    EXPECT_LT(delta.size() * 100, base.size()) << "delta " << delta.size() << " base " << base.size();
    Vm b;
    b.engine = snapshot_restore(base.data(), base.size(), 0, &b.realm, error, delta.data(), delta.size());
    ASSERT_NE(b.engine, nullptr) << error;
    run(b, "if (!items[5000].done || items[4999].done || note !== 'changed' || items.length !== 10000) throw "
           "1;");
    // The base alone is the older state.
    Vm c;
    restore(c, base);
    run(c, "if (items[5000].done || typeof note !== 'undefined') throw 2;");
    // A second delta from the restored VM is again against the same base.
    run(b, "items[1].done = true;");
    std::vector<uint8_t> delta2;
    ASSERT_TRUE(snapshot_write(b.engine, delta2, error, true)) << error;
    Vm d;
    d.engine = snapshot_restore(base.data(), base.size(), 0, &d.realm, error, delta2.data(), delta2.size());
    ASSERT_NE(d.engine, nullptr) << error;
    run(d, "if (!items[1].done || !items[5000].done) throw 3;");
}

TEST(HeapSnapshotDelta, DeltaNeedsItsOwnBase) {
    Vm a;
    fresh(a);
    std::string error;
    std::vector<uint8_t> none;
    EXPECT_FALSE(snapshot_write(a.engine, none, error, true)); // no full snapshot yet
    run(a, "var x = 1;");
    std::vector<uint8_t> base1 = snapshot(a);
    run(a, "x = 2;");
    std::vector<uint8_t> base2 = snapshot(a);
    run(a, "x = 3;");
    std::vector<uint8_t> delta;
    ASSERT_TRUE(snapshot_write(a.engine, delta, error, true)) << error;
    Realm* realm = nullptr;
    EXPECT_EQ(snapshot_restore(base1.data(), base1.size(), 0, &realm, error, delta.data(), delta.size()),
              nullptr);
    EXPECT_NE(error.find("another base"), std::string::npos) << error;
    Vm b;
    b.engine = snapshot_restore(base2.data(), base2.size(), 0, &b.realm, error, delta.data(), delta.size());
    ASSERT_NE(b.engine, nullptr) << error;
    run(b, "if (x !== 3) throw 1;");
}

} // namespace qjs::test
