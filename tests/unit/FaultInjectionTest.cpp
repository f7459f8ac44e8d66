// FaultInjectionTest.cpp: allocation failures injected at every point of a set of scripts
// (Runtime::m_fail_alloc_at fails the Nth checked allocation) end in a catchable out-of-memory error
// or success, never a crash, a leak or a heap the next script cannot use. The scripts cover objects
// and collections, classes with private names and weak references, Promise jobs and async functions,
// generators, Proxy traps, RegExp compilation and matching, and JSON. Realm creation and heap
// snapshots (written with the failure in the writer, restored with the failure in the reader) are
// swept too. tests/run-all.sh runs the sweeps in CI in every stage that runs the unit tests (Release,
// ASan+UBSan, GC stress).
#include "ScriptVm.h"
#include "snapshot/Baseline.h"
#include "snapshot/HeapSnapshot.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace qjs {
namespace {

using test::Vm;

// Scripts swept by the fault injection: each allocates in many different places.
const char* const kFaultScripts[] = {
    "var a = []; for (var i = 0; i < 50; i++) a.push({ i: i, s: 'x' + i });"
    "var m = new Map(a.map(function (o) { return [o.s, o]; })); JSON.stringify(a).length + m.size;",
    "class A { #p = 1; get p() { return this.#p; } static make() { return new A(); } }"
    "var wm = new WeakMap(), fr = new FinalizationRegistry(function () {});"
    "for (var i = 0; i < 20; i++) { var o = A.make(); wm.set(o, new WeakRef(o)); fr.register(o, i); }"
    "Symbol('s' + 1).toString() + /a(b)+/.exec('abb')[1];",
    // Promise jobs, async functions and generators (sync and async).
    "async function f(x) { await null; return [x, ...'ab'].join('-'); }"
    "f(1).then(function (v) { globalThis.r = v; }); Promise.all([f(2), f(3)]);"
    "function* g() { yield* [1, 2]; } [...g()].concat(Object.entries({ a: 1 }));"
    "async function* ag() { yield 1; yield await Promise.resolve(2); }"
    "(async function () { var s = 0; for await (var v of ag()) s += v; globalThis.s = s; })();"
    "Promise.allSettled([Promise.reject(new Error('e')), Promise.resolve(1)]).then(function (r) {"
    "  return Promise.any([Promise.reject(1), Promise.resolve(r.length)]); });"
    "var it = g(); it.next(); it.return(5);",
    // Proxy traps, Reflect, revocation.
    "var log = [], target = { a: 1, b: [2, 3], get c() { return this.a; } };"
    "var p = new Proxy(target, { get: function (t, k, r) { log.push(String(k)); return Reflect.get(t, k, r); "
    "},"
    "  has: function (t, k) { return k in t; }, ownKeys: function (t) { return Reflect.ownKeys(t); },"
    "  set: function (t, k, v, r) { return Reflect.set(t, k, v, r); },"
    "  defineProperty: function (t, k, d) { return Reflect.defineProperty(t, k, d); } });"
    "Object.keys(p).map(function (k) { return p[k]; }); 'a' in p; p.d = [p.c]; JSON.stringify(p);"
    "var r = Proxy.revocable(function () { return 1; }, {}); r.proxy(); r.revoke();"
    "try { r.proxy(); } catch (e) { log.push(e.name); } log.join();",
    // RegExp: compilation (named groups, classes, unicode) and every matching built-in.
    "var d = /(?<y>\\d{4})-(?<m>\\d\\d)/u.exec('on 2024-05!'); d.groups.y + d.index;"
    "'a-b_c'.replace(/[-_]/g, function (m) { return m + m; }); 'x1y22z'.split(/\\d+/);"
    "[...'aXbXc'.matchAll(/(X)/g)].length; new RegExp('(a|b)*c', 'i').test('ABAc');"
    "'The Quick'.replace(/(?<w>\\w+)/g, '[$<w>]'); /\\bq/iy.exec('quick'); 'abc'.search(/c$/m);"
    "/[\\p{L}--[a-z]]/v.test('A'); /(a+)+b/.test('aaaaaaaaaaaaaab');",
    // An object whose own (unshared) shape grows in place past the size where it gets a lookup index:
    // a failed index allocation once left the key counted without its value (a collection then read
    // the unwritten slot).
    "var big = { a: 1 }; Object.defineProperty(big, 'a', { enumerable: false });"
    "for (var i = 0; i < 40; i++) big['p' + i] = i; Object.keys(big).length + big.p39;",
    // ShadowRealms: their realms are made while the script runs (a failed creation is an out-of-memory
    // error of the caller's realm). Running out of memory inside evaluate (parsing or running), or in a
    // wrapped function on either side, stays an out-of-memory error, not the boundary's TypeError.
    "var realms = []; realms.push(new ShadowRealm());"
    "var twice = realms[0].evaluate('(f) => [1, 2, 3].map((x) => f(x) * 2).join()');"
    "twice(function (x) { return [x, x + 1].length + x; }) + typeof realms[0].evaluate('({}).x');",
    // JSON: parse with a reviver, stringify with a replacer, indentation and toJSON.
    "var o = JSON.parse('{\"a\":[1,2,{\"b\":\"c\\\\u0041\"}],\"d\":1.5e3,\"e\":null,\"f\":true}',"
    "  function (k, v) { return typeof v === 'number' ? v + 1 : v; });"
    "var t = JSON.stringify({ x: [1, { y: 2 }], z: new Date(0), o: o }, function (k, v) {"
    "  return k === 'y' ? undefined : v; }, 2);"
    "JSON.stringify(JSON.parse(t), ['x', 'o', 'a']) + JSON.stringify('\\u2028\\ud800');",
};

// Runs `attempt(n)` with the Nth checked allocation failing, for every N up to 400 and then a
// stride that keeps the sweep near 600 runs (every N when QJS_FAULT_SWEEP_ALL is set: minutes, not
// seconds); `total` is how many allocations the work makes when nothing fails. Returns the number of
// runs.
size_t sweep(uint64_t total, const std::function<void(uint64_t)>& attempt) {
    size_t runs = 0;
    uint64_t stride = total > 400 && !std::getenv("QJS_FAULT_SWEEP_ALL") ? (total - 400) / 200 + 1 : 1;
    for (uint64_t n = 1; n <= total; n += (n < 400 ? 1 : stride)) {
        attempt(n);
        ++runs;
    }
    return runs;
}

// A fresh runtime whose Nth checked allocation from now fails (UINT64_MAX: none, only counted).
Runtime* runtime_failing_at(uint64_t n) {
    Runtime* rt = Runtime::create();
    if (rt) {
        rt->m_fail_alloc_at = n;
        rt->m_alloc_count = 0;
    }
    return rt;
}

bool is_clean_failure(const std::string& error) {
    return error == "InternalError: out of memory" || error == "uncatchable";
}

TEST(FaultInjection, EveryFailedAllocationEndsCleanly) {
    size_t runs = 0, failures = 0;
    for (const char* script : kFaultScripts) {
        // How many checked allocations the script makes when nothing fails.
        uint64_t total;
        {
            Vm vm;
            ASSERT_NE(vm.ctx, nullptr);
            vm.rt->m_fail_alloc_at = UINT64_MAX;
            vm.rt->m_alloc_count = 0;
            ASSERT_EQ(vm.run(script), "") << script;
            total = vm.rt->m_alloc_count;
        }
        ASSERT_GT(total, 10u);
        runs += sweep(total, [&](uint64_t n) {
            Vm vm;
            vm.rt->m_fail_alloc_at = n;
            vm.rt->m_alloc_count = 0;
            std::string error = vm.run(script);
            if (!error.empty()) {
                ++failures;
                EXPECT_TRUE(is_clean_failure(error)) << "allocation " << n << ": " << error << "\n" << script;
            }
            // The heap is still usable: a fresh script runs and collects cleanly.
            vm.rt->m_fail_alloc_at = 0;
            EXPECT_EQ(vm.run("var t = { a: [1, 2, 3] }; JSON.stringify(t)"), "") << "after allocation " << n;
            vm.rt->collect_cycles();
        });
    }
    std::printf("[ fault injection ] %zu runs, %zu ended in an out-of-memory error\n", runs, failures);
    EXPECT_GT(failures, 0u);
}

// A function's inline caches are allocated when it first runs (FunctionBytecode::allocate_ics):
// failing there is an out-of-memory error of that call, thrown to the caller, and a later call
// allocates them and runs normally.
TEST(FaultInjection, InlineCachesAllocatedAtFirstRun) {
    const char* setup = "var o = { a: 1, b: 2 }; function f() { return o.a + o.b; } var log = [];";
    const char* call = "try { log.push(f()); } catch (e) { log.push(String(e)); }";
    size_t first_run_failures = 0;
    for (uint64_t n = 1; n <= 40; ++n) {
        Vm vm;
        ASSERT_EQ(vm.run(setup), "");
        vm.rt->m_fail_alloc_at = n;
        vm.rt->m_alloc_count = 0;
        std::string error = vm.run(call);
        vm.rt->m_fail_alloc_at = 0;
        if (!error.empty()) {
            EXPECT_TRUE(is_clean_failure(error)) << "allocation " << n << ": " << error;
            continue;
        }
        EXPECT_EQ(
            vm.run("if (log.length !== 1 || (log[0] !== 3 && log[0] !== 'InternalError: out of memory'))"
                   "  throw new Error(String(log));"
                   "if (f() !== 3 || f() !== 3) throw new Error('f after the failure');"),
            "")
            << "allocation " << n;
        if (vm.run("if (log[0] !== 'InternalError: out of memory') throw 0;") == "") ++first_run_failures;
    }
    EXPECT_GT(first_run_failures, 0u);
}

// Creating a realm while allocations fail gives no realm or a complete one: the same built-ins as a
// realm created without failures (its baseline fingerprint digests every built-in cell and key). A
// failed creation leaves no exception pending and its half-built realm is collected at once (the
// runtime's cell count is back where it was). This sweep found installers that dropped a failed atom
// or function (a realm came out without some built-in) and a shape counting a key whose slot was never
// written when its lookup index could not grow (kFaultScripts has a script for that one).
TEST(FaultInjection, RealmCreationIsAllOrNothing) {
    uint64_t total, fingerprint;
    {
        Runtime* rt = runtime_failing_at(UINT64_MAX);
        ASSERT_NE(rt, nullptr);
        Context* ctx = Context::create(*rt);
        ASSERT_NE(ctx, nullptr);
        total = rt->m_alloc_count;
        ASSERT_EQ(materialize_baseline(*ctx, true), BaselineStatus::Ready);
        fingerprint = ctx->m_baseline->fingerprint;
        EXPECT_EQ(rt->destroy(), 0u);
    }
    size_t failures = 0;
    size_t runs = sweep(total, [&](uint64_t n) {
        Runtime* rt = runtime_failing_at(n);
        ASSERT_NE(rt, nullptr);
        size_t cells_before = rt->gc_cell_count();
        Context* ctx = Context::create(*rt);
        rt->m_fail_alloc_at = 0;
        if (!ctx) {
            ++failures;
            EXPECT_FALSE(rt->has_exception()) << "allocation " << n;
            EXPECT_EQ(rt->gc_cell_count(), cells_before) << "a half-built realm left after allocation " << n;
            EXPECT_TRUE(rt->m_contexts.empty()) << "allocation " << n;
            // The runtime goes on: a realm made now is complete.
            ctx = Context::create(*rt);
            ASSERT_NE(ctx, nullptr) << "after allocation " << n;
            ASSERT_EQ(materialize_baseline(*ctx, true), BaselineStatus::Ready);
            EXPECT_EQ(ctx->m_baseline->fingerprint, fingerprint) << "a realm made after allocation " << n;
        } else {
            ASSERT_EQ(materialize_baseline(*ctx, true), BaselineStatus::Ready);
            EXPECT_EQ(ctx->m_baseline->fingerprint, fingerprint)
                << "a realm made with allocation " << n << " failing";
        }
        EXPECT_EQ(rt->destroy(), 0u) << "allocation " << n;
    });
    std::printf("[ fault injection ] realm creation: %zu runs, %zu failed cleanly\n", runs, failures);
    EXPECT_GT(failures, 0u);
}

// State a snapshot carries: objects, collections, closures, a class with a private name, a pending
// promise with its reaction, a suspended generator, a regexp, a weak map.
const char* const kSnapshotSetup =
    "var m = new Map([['k', { v: [1, 2.5, 'three'] }]]), s = new Set([m]);"
    "class C { #x = 7; get x() { return this.#x; } } var c = new C(), wm = new WeakMap([[c, 'c']]);"
    "function counter() { var n = 0; return function () { return ++n; }; } var next = counter(); next();"
    "function* gen() { yield 1; yield 2; } var it = gen(); it.next();"
    "var resolveLater, later = new Promise(function (r) { resolveLater = r; }), got;"
    "later.then(function (v) { got = v; }); var re = /a(b+)/g; re.lastIndex = 1; var sym = Symbol('s');";
const char* const kSnapshotCheck =
    "resolveLater(5);"
    "Promise.resolve().then(function () {"
    "  if (got !== 5 || next() !== 2 || it.next().value !== 2 || c.x !== 7 || wm.get(c) !== 'c' ||"
    "      m.get('k').v[2] !== 'three' || !s.has(m) || re.lastIndex !== 1 || re.exec('abbb')[1] !== 'bbb')"
    "    throw new Error('restored state');"
    "});";

std::vector<uint8_t> write_snapshot(Runtime& rt, std::string& error) {
    ByteWriter out;
    SnapshotError problem;
    if (!write_heap_snapshot(rt, out, problem)) {
        error = problem.message;
        return {};
    }
    return std::vector<uint8_t>(out.data().begin(), out.data().end());
}

// Writing a snapshot while allocations fail gives an out-of-memory error (or the snapshot), and the
// runtime goes on: a later write succeeds and the state is intact. (The writer's buffers and indexes
// grow through checked allocations: ByteWriter, snapshot/KeyIndex.h.)
TEST(FaultInjection, SnapshotWriteFailuresEndCleanly) {
    uint64_t total;
    {
        Vm vm;
        ASSERT_EQ(vm.run(kSnapshotSetup), "");
        vm.rt->m_fail_alloc_at = UINT64_MAX;
        vm.rt->m_alloc_count = 0;
        std::string error;
        ASSERT_FALSE(write_snapshot(*vm.rt, error).empty()) << error;
        total = vm.rt->m_alloc_count;
    }
    ASSERT_GT(total, 10u);
    size_t failures = 0;
    size_t runs = sweep(total, [&](uint64_t n) {
        Vm vm;
        ASSERT_EQ(vm.run(kSnapshotSetup), "");
        vm.rt->m_fail_alloc_at = n;
        vm.rt->m_alloc_count = 0;
        std::string error;
        bool written = !write_snapshot(*vm.rt, error).empty();
        vm.rt->m_fail_alloc_at = 0;
        if (!written) {
            ++failures;
            EXPECT_NE(error.find("out of memory"), std::string::npos) << "allocation " << n << ": " << error;
        }
        EXPECT_FALSE(vm.rt->has_exception()) << "allocation " << n;
        ASSERT_FALSE(write_snapshot(*vm.rt, error).empty()) << "after allocation " << n << ": " << error;
        EXPECT_EQ(vm.run(kSnapshotCheck), "") << "after allocation " << n;
    });
    std::printf("[ fault injection ] snapshot write: %zu runs, %zu failed cleanly\n", runs, failures);
    EXPECT_GT(failures, 0u);
}

// Restoring a snapshot while allocations fail is refused with an out-of-memory error, the runtime is
// fresh again and the same restore then succeeds; a restore that succeeds runs the check. (A failure
// inside the restore's Context::create was once reported as "a realm's built-ins differ".)
TEST(FaultInjection, SnapshotRestoreFailuresEndCleanly) {
    std::vector<uint8_t> bytes;
    {
        Vm vm;
        ASSERT_EQ(vm.run(kSnapshotSetup), "");
        std::string error;
        bytes = write_snapshot(*vm.rt, error);
        ASSERT_FALSE(bytes.empty()) << error;
    }
    uint64_t total;
    {
        Runtime* rt = runtime_failing_at(UINT64_MAX);
        ASSERT_NE(rt, nullptr);
        SnapshotError problem;
        ASSERT_TRUE(read_heap_snapshot(*rt, bytes.data(), bytes.size(), problem)) << problem.message;
        total = rt->m_alloc_count;
        EXPECT_EQ(rt->destroy(), 0u);
    }
    ASSERT_GT(total, 10u);
    size_t failures = 0;
    size_t runs = sweep(total, [&](uint64_t n) {
        Runtime* rt = runtime_failing_at(n);
        ASSERT_NE(rt, nullptr);
        SnapshotError problem;
        bool restored = read_heap_snapshot(*rt, bytes.data(), bytes.size(), problem);
        rt->m_fail_alloc_at = 0;
        if (restored) {
            Vm vm(rt);
            EXPECT_EQ(vm.run(kSnapshotCheck), "") << "restored with allocation " << n << " failing";
            return;
        }
        ++failures;
        EXPECT_NE(std::string(problem.message).find("out of memory"), std::string::npos)
            << "allocation " << n << ": " << problem.message;
        EXPECT_FALSE(rt->has_exception()) << "allocation " << n;
        EXPECT_TRUE(rt->m_contexts.empty()) << "allocation " << n;
        EXPECT_EQ(rt->gc_cell_count(), 0u) << "cells left after a restore failed at allocation " << n;
        // Retryable: the same runtime restores the snapshot now.
        SnapshotError again;
        if (!read_heap_snapshot(*rt, bytes.data(), bytes.size(), again)) {
            ADD_FAILURE() << "a retry after allocation " << n << " failed: " << again.message;
            EXPECT_EQ(rt->destroy(), 0u) << "leak after a restore failed at allocation " << n;
            return;
        }
        Vm vm(rt);
        EXPECT_EQ(vm.run(kSnapshotCheck), "") << "restored again after allocation " << n;
    });
    std::printf("[ fault injection ] snapshot restore: %zu runs, %zu refused cleanly\n", runs, failures);
    EXPECT_GT(failures, 0u);
}

} // namespace
} // namespace qjs
