// WeakRefsTest.cpp: weak references under the collector and the memory a long-running VM keeps:
// churning WeakRefs, WeakMap/WeakSet entries, FinalizationRegistry registrations and garbage cycles
// keeps the heap flat; FinalizationRegistry callbacks run; symbols, private names and computed keys
// that are dropped give their atoms back (Runtime::sweep_atoms), so the atom table stays flat too.
// (The allocation-failure sweep is FaultInjectionTest.cpp.)
#include "ScriptVm.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace qjs {
namespace {

using test::Vm;

const char* const kChurnSetup = "var wm = new WeakMap(), ws = new WeakSet(), calls = 0;"
                                "var fr = new FinalizationRegistry(function (held) { calls++; });"
                                "var liveKey = {}; wm.set(liveKey, 'live');"
                                "function churn(n) {"
                                "  for (var i = 0; i < n; i++) {"
                                "    var o = { i: i }, c = {}; c.self = c;"
                                "    wm.set(o, { back: o });" // an ephemeron whose value holds its key
                                "    ws.add(c);"
                                "    fr.register(o, i, o);" // the token is the target
                                "    var r = new WeakRef(c);"
                                "    if (r.deref() !== c) throw new Error('deref');"
                                "  }"
                                "  if (wm.get(liveKey) !== 'live') throw new Error('live key lost');"
                                "}";

TEST(WeakRefs, ChurnKeepsMemoryFlat) {
    Vm vm;
    ASSERT_EQ(vm.run(kChurnSetup), "");
    // Each round is its own job, so the kept objects of a round go when it ends.
    // QJS_WEAK_CHURN_ROUNDS=100 makes it a million iterations (the figure in the commit log).
    const char* env = std::getenv("QJS_WEAK_CHURN_ROUNDS");
    const int kRounds = env ? std::max(3, std::atoi(env)) : 10, kPerRound = 10000;
    size_t after_warmup = 0;
    for (int round = 0; round < kRounds; ++round) {
        ASSERT_EQ(vm.run("churn(" + std::to_string(kPerRound) + ")"), "");
        vm.rt->collect_cycles();
        ASSERT_EQ(vm.run("0"), ""); // the cleanup jobs queued by that collection
        if (round == 1) after_warmup = vm.rt->memory_used();
    }
    size_t end = vm.rt->memory_used();
    std::printf("[ weak churn ] %d iterations: %zu bytes after 2 rounds, %zu after %d\n", kRounds * kPerRound,
                after_warmup, end, kRounds);
    // Flat: the heap may move by table resizes but not grow with the iteration count.
    EXPECT_LT(end, after_warmup + after_warmup / 10);
    ASSERT_EQ(vm.run("if (calls < " + std::to_string((kRounds - 1) * kPerRound) +
                     ") throw new Error('calls ' + calls)"),
              "");
}

TEST(WeakRefs, CollectorFreesEphemeronCyclesButKeepsLiveKeys) {
    Vm vm;
    ASSERT_EQ(vm.run("var wm = new WeakMap(), live = {}, log = [];"
                     "var fr = new FinalizationRegistry(function (h) { log.push(h); });"
                     "(function () { var k = {}; var v = { k: k }; wm.set(k, v); fr.register(v, 'v');"
                     "  wm.set(live, { next: k }); fr.register(k, 'k'); })();"
                     "var deadKey = (function () { var k = {}; k.self = k; wm.set(k, { k: k }); "
                     "  fr.register(k, 'dead'); return 0; })();"),
              "");
    vm.rt->collect_cycles();
    ASSERT_EQ(vm.run("0"), ""); // the cleanup job that collection queued
    // k is reachable through live's value, so k's value stays; only the 'dead' cycle goes.
    ASSERT_EQ(vm.run("if (log.join() !== 'dead') throw new Error(log.join());"
                     "if (wm.get(wm.get(live).next).k !== wm.get(live).next) throw new Error('chain');"
                     "wm.delete(live);"),
              "");
    vm.rt->collect_cycles();
    ASSERT_EQ(vm.run("0"), "");
    ASSERT_EQ(vm.run("log.sort(); if (log.join() !== 'dead,k,v') throw new Error(log.join());"), "");
}

// When nothing is alive any more (the realm is released), the collector frees every cell in one pass
// (gc/Heap.cpp, free_all_garbage); a weakly referenced cell or one the host still holds takes the
// general path instead. The runtime stays usable afterwards.
TEST(Collector, ReleasedRealmIsFreedAtOnceAndTheRuntimeStaysUsable) {
    Vm vm;
    ASSERT_EQ(vm.run("var o = { a: [1, 2, { s: 'x' + 1 }] }; o.self = o; function f() { return o; }"
                     "class C { #p = 1; get p() { return this.#p; } } var c = new C();"
                     "var g = (function* () { yield 1; yield 2; })(); g.next();"
                     "var m = new Map([[o, c]]); var p = Promise.resolve(o).then(f);"),
              "");
    vm.ctx->release();
    vm.rt->collect_cycles();
    EXPECT_EQ(vm.rt->gc_cell_count(), 0u);
    vm.ctx = Context::create(*vm.rt);
    ASSERT_NE(vm.ctx, nullptr);
    ASSERT_EQ(vm.run("var o = { a: 1 }; o.b = [o]; class C { #p = 2; get p() { return this.#p; } }"
                     "if (JSON.stringify({ x: o.a, p: new C().p }) !== '{\"x\":1,\"p\":2}') throw 1;"),
              "");
}

TEST(Collector, WeakTargetsAtTeardownTakeTheGeneralPath) {
    Vm vm;
    ASSERT_EQ(vm.run("var target = {}, wr = new WeakRef(target), wm = new WeakMap(), ws = new WeakSet();"
                     "var sym = Symbol('k'); wm.set(target, { back: target }); wm.set(sym, wr); ws.add(wr);"
                     "var fr = new FinalizationRegistry(function () { throw new Error('ran'); });"
                     "fr.register(target, 1, target); fr.register(sym, 2);"),
              "");
    // The Vm's teardown: no leak reported, nothing freed twice (the sanitizer build checks).
}

TEST(Collector, TeardownStillReportsCellsTheHostHolds) {
    Vm vm;
    Value v = run_script_source(*vm.ctx, "var o = { a: {} }; o.a.back = o; o", "held.js", false, nullptr);
    ASSERT_TRUE(v.is_object());
    (void)v.leak_cell(); // still held by the host when the runtime ends
    Runtime* rt = std::exchange(vm.rt, nullptr);
    EXPECT_GE(rt->destroy(), 2u); // o and o.a at least (the realm too: o's prototype chain)
}

// Top-level code (a loop at depth 1 is a safe point for the atom sweep): every iteration makes a
// symbol, a class with a private name, a symbol-keyed and a computed string key, a WeakRef and
// WeakMap entries, and drops them all.
const char* const kAtomChurnSetup =
    "var wm = new WeakMap(), keep = {}, sink = 0;"
    "var held = Symbol('held'); keep[held] = 1; var reg = Symbol.for('reg');"
    "keep['dyn' + 1] = 'dyn'; class K { #p = 7; static get(o) { return o.#p; } } var k = new K();";

std::string atom_churn_round(int n) {
    return "for (var i = 0; i < " + std::to_string(n) +
           "; i++) {"
           "  var s = Symbol('s' + i), o = { [s]: i };"
           "  o['key' + i] = i;"
           "  var C = class { #x = i; static has(v) { return #x in v; } get x() { return this.#x; } };"
           "  var c = new C();"
           "  if (c.x !== i || o[s] !== i || !C.has(c) || C.has(k)) throw new Error('churn ' + i);"
           "  wm.set(s, c); wm.set(o, s);"
           "  var r = new WeakRef(o);"
           "  if (r.deref() !== o) throw new Error('deref');"
           "}"
           "s = o = C = c = r = undefined;";
}

TEST(Atoms, ChurnKeepsAtomTableAndMemoryFlat) {
#if defined(__SANITIZE_ADDRESS__)
    const int kDefaultRounds = 4;
#else
    const int kDefaultRounds = 20;
#endif
    // QJS_ATOM_CHURN_ROUNDS=100 QJS_ATOM_CHURN_PER_ROUND=10000: the million-iteration figure.
    const char* rounds_env = std::getenv("QJS_ATOM_CHURN_ROUNDS");
    const char* per_env = std::getenv("QJS_ATOM_CHURN_PER_ROUND");
    const int kRounds = rounds_env ? std::max(3, std::atoi(rounds_env)) : kDefaultRounds;
    const int kPerRound = per_env ? std::max(2000, std::atoi(per_env)) : 2000;
    Vm vm;
    ASSERT_EQ(vm.run(kAtomChurnSetup), "");
    size_t bytes_round1 = 0, atoms_round1 = 0;
    for (int round = 1; round <= kRounds; ++round) {
        // Its WeakRefs keep their targets (and through them the round's keys) until the job ends.
        ASSERT_EQ(vm.run(atom_churn_round(kPerRound)), "");
        // The round's symbols free its WeakMap entries, whose classes go with the next collection,
        // and their private names with the sweep after it.
        vm.rt->sweep_atoms();
        vm.rt->collect_cycles();
        vm.rt->sweep_atoms();
        if (round == 1) {
            bytes_round1 = vm.rt->memory_used();
            atoms_round1 = vm.rt->live_atom_count();
        }
        if (round == 1 || round == 10 || round == 100 || round == kRounds)
            std::printf("[ atom churn ] round %d (%d iterations): %zu bytes, %zu atoms\n", round,
                        round * kPerRound, vm.rt->memory_used(), vm.rt->live_atom_count());
    }
    EXPECT_LE(vm.rt->live_atom_count(), atoms_round1 + 16);
    EXPECT_LT(vm.rt->memory_used(), bytes_round1 + bytes_round1 / 10);
    // What was kept is intact; keys whose atoms were freed and whose numbers were reused still work.
    ASSERT_EQ(vm.run("if (keep[held] !== 1 || Symbol.for('reg') !== reg || keep['dyn' + 1] !== 'dyn' ||"
                     "    K.get(k) !== 7 || Object.getOwnPropertySymbols(keep).length !== 1)"
                     "  throw new Error('kept atoms');"
                     "var o2 = {}; for (var j = 0; j < 300; j++) o2['key' + j] = j;"
                     "for (var j = 0; j < 300; j++) if (o2['key' + j] !== j) throw new Error('key ' + j);"
                     "if (Object.keys(o2).join().length !== 1989) throw new Error('keys');"
                     "var t = Symbol('t'); o2[t] = 't'; if (o2[t] !== 't' || o2[Symbol('t')] !== undefined)"
                     "  throw new Error('symbol key');"),
              "");
}

// The backward jumps of a top-level loop sweep: the table holds the live atoms and at most about two
// sweep intervals of garbage, before any job runs.
TEST(Atoms, TopLevelLoopsSweep) {
    Vm vm;
    ASSERT_EQ(vm.run("var keep = {};"), "");
    vm.rt->sweep_atoms();
    size_t base = vm.rt->live_atom_count();
    Value v = run_script_source(*vm.ctx,
                                "for (var i = 0; i < 30000; i++) {"
                                "  var o = {}; o['k' + i] = Symbol('s');"
                                "  var C = class { #p; }; if (i % 100 === 0) keep['kept' + i] = Symbol();"
                                "}",
                                "loop.js", false, nullptr);
    ASSERT_FALSE(v.is_exception());
    EXPECT_LT(vm.rt->live_atom_count(), base + 300 + 2 * 4096 + 100); // 90,300 atoms were made
    vm.rt->collect_cycles();
    vm.rt->sweep_atoms();
    EXPECT_LE(vm.rt->live_atom_count(), base + 600 + 32); // 300 keys, 300 symbols, the loop's names
    ASSERT_EQ(
        vm.run("for (var j = 0; j < 30000; j += 100) if (typeof keep['kept' + j] !== 'symbol') throw j;"),
        "");
}

// Loops of functions sweep too, at any depth, when no engine native is on the stack: a function called
// from a function called by the script, and an async function resumed by the job loop. A loop of a
// callback that a native called (here Array.prototype.forEach, which could hold bare atoms) waits.
TEST(Atoms, FunctionLoopsSweep) {
    Vm vm;
    ASSERT_EQ(vm.run("var keep = {};"
                     "function churn(n) {"
                     "  for (var i = 0; i < n; i++) {"
                     "    var o = {}; o['k' + i] = Symbol('s');"
                     "    var C = class { #p; }; if (i % 100 === 0) keep['kept' + i] = Symbol();"
                     "  }"
                     "}"
                     "function outer(n) { churn(n); return 1; }"),
              "");
    vm.rt->sweep_atoms();
    size_t base = vm.rt->live_atom_count();
    Value v = run_script_source(*vm.ctx, "outer(30000);", "nested.js", false, nullptr);
    ASSERT_FALSE(v.is_exception());
    EXPECT_LT(vm.rt->live_atom_count(), base + 300 + 2 * 4096 + 100); // 90,300 atoms were made
    vm.rt->collect_cycles();
    vm.rt->sweep_atoms();
    base = vm.rt->live_atom_count();
    // After an await: the job loop resumes the function, with only the host below it.
    ASSERT_EQ(vm.run("(async function () { await 0; keep = {}; churn(30000); })();"), "");
    EXPECT_LT(vm.rt->live_atom_count(), base + 300 + 2 * 4096 + 100);
    vm.rt->collect_cycles();
    vm.rt->sweep_atoms();
    base = vm.rt->live_atom_count();
    v = run_script_source(*vm.ctx, "[1].forEach(function () { churn(30000); });", "callback.js", false,
                          nullptr);
    ASSERT_FALSE(v.is_exception());
    EXPECT_GT(vm.rt->live_atom_count(), base + 60000); // nothing swept under the native forEach
    vm.rt->collect_cycles();
    vm.rt->sweep_atoms();
    EXPECT_LE(vm.rt->live_atom_count(), base + 600 + 32);
    ASSERT_EQ(
        vm.run("for (var j = 0; j < 30000; j += 100) if (typeof keep['kept' + j] !== 'symbol') throw j;"),
        "");
}

// Natives that hold a list of keys across calls into JS (Object.assign, the spread of an object)
// keep those keys while a getter deletes them and churns through enough atoms to ask for a sweep.
TEST(Atoms, KeysHeldByNativesSurviveChurningGetters) {
    Vm vm;
    ASSERT_EQ(
        vm.run("function churn(n) { for (var i = 0; i < n; i++) { var o = {}; o['c' + i] = Symbol(); } }"
               "function source() {"
               "  var src = {};"
               "  Object.defineProperty(src, 'first', { enumerable: true, get: function () {"
               "    for (var i = 0; i < 50; i++) delete src['key' + i];"
               "    churn(20000); return 'f'; } });"
               "  for (var i = 0; i < 50; i++) src['key' + i] = i;"
               "  return src;"
               "}"
               "var a = Object.assign({}, source());"
               "var b = { ...source() };"
               "if (Object.keys(a).join() !== 'first' || Object.keys(b).join() !== 'first') throw 1;"
               "var c = {}; for (var i = 0; i < 50; i++) c['key' + i] = i;"
               "if (Object.keys(c).length !== 50 || c.key49 !== 49) throw 2;"),
        "");
}

// A collectable atom stays while anything uses it: a string value, a shape's key, a symbol value,
// or compiled code (which pins it).
TEST(Atoms, SweepKeepsAtomsInUse) {
    Vm vm;
    ASSERT_EQ(vm.run("var o = {}; o['p' + 1] = 1; var name = 'q' + 2; var x = {}; x[name] = 2;"
                     "var s = Symbol('kept'), obj = {}; obj[s] = 3; var lone = Symbol('lone');"
                     "var f = new Function('return { 1.5: 4 }[1.5] + ({})[\"r\" + 3];');"
                     "(function () { for (var i = 0; i < 100; i++) { var t = {}; t['gone' + i] = i; "
                     "Symbol(); } })();"),
              "");
    size_t before = vm.rt->live_atom_count();
    vm.rt->sweep_atoms();
    EXPECT_LE(vm.rt->live_atom_count() + 200, before); // the 100 keys and 100 symbols of the function
    ASSERT_EQ(vm.run("delete x[name]; x[name] = 5; if (o.p1 !== 1 || x.q2 !== 5 || obj[s] !== 3) throw 1;"
                     "if (typeof lone !== 'symbol' || lone.description !== 'lone') throw 2;"
                     "if (!Number.isNaN(f())) throw 3;"
                     "var keys = []; for (var k in o) keys.push(k); if (keys.join() !== 'p1') throw 4;"),
              "");
    vm.rt->sweep_atoms();
    ASSERT_EQ(vm.run("if (o['p' + 1] !== 1 || x['q' + 2] !== 5 || obj[s] !== 3 || f() === f()) throw 5;"),
              "");
}

} // namespace
} // namespace qjs
