import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QuickJS } from '../src/index.js';
import { createVM, wasmModule } from './wasm-module.js';

const restore = (bytes, options = {}) => QuickJS.restore(bytes, wasmModule, options);
const text = (vm, code) => vm.evalCode(code).consume((h) => vm.unwrapResult(h).toString());

// A VM waiting on the outside world: an async function suspended on a promise the host settles later,
// a timer, and a host function it calls once resumed.
async function waitingVM() {
  const vm = await createVM();
  const add = vm.newFunction('hostAdd', (_this, a, b) => vm.newNumber(a.toNumber() + b.toNumber()), 2);
  vm.setProp(vm.global, 'hostAdd', add);
  add.dispose();
  vm.unwrapResult(vm.evalCode(`
    globalThis.log = [];
    let resolveIt;
    globalThis.event = new Promise((r) => { resolveIt = r; });
    globalThis.deliver = (v) => resolveIt(v);
    async function workflow() {
      log.push('started');
      const v = await event;
      log.push('event ' + v + ', host ' + hostAdd(v, 1));
      return v * 2;
    }
    globalThis.result = workflow();
    setTimeout(() => log.push('timer'), 5);
  `)).dispose();
  vm.executePendingJobs();
  return vm;
}

test('a suspended async function, a pending promise, a timer and a host function survive a restore', async () => {
  const vm = await waitingVM();
  const bytes = vm.snapshot();
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes.subarray(0, 4)], [...Buffer.from('QJSS')]);
  vm.dispose(true);

  const calls = [];
  const restored = await restore(bytes, {
    functions: { hostAdd: (_this, a, b) => { calls.push(a.toNumber()); return a.toNumber() + b.toNumber(); } },
  });
  assert.equal(text(restored, 'JSON.stringify(log)'), '["started"]');
  restored.evalCode('deliver(20)').dispose();
  await restored.runLoop();
  assert.equal(text(restored, 'JSON.stringify(log)'), '["started","event 20, host 21","timer"]');
  assert.deepEqual(calls, [20]);
  const result = restored.getProp(restored.global, 'result');
  assert.equal((await restored.resolvePromise(result)).consume((h) => h.toNumber()), 40);
  result.dispose();
  // New host functions do not reuse the restored ids.
  restored.newFunction('another', () => 7).dispose();
  assert.equal(restored.lastCallbackId, 2);
  restored.dispose(true);
});

test('host functions are matched by id or name, and a missing one fails the restore', async () => {
  const vm = await waitingVM();
  const bytes = vm.snapshot();
  vm.dispose();
  await assert.rejects(restore(bytes), /host function 'hostAdd' \(id 1\) has no callback/);
  await assert.rejects(restore(bytes, { functions: { other: () => 1 } }), /hostAdd/);
  const byId = await restore(bytes, { functions: { 1: (_t, a) => a.toNumber() * 100 } });
  assert.equal(byId.evalCode('hostAdd(3)').consume((h) => byId.unwrapResult(h).toNumber()), 300);
  byId.dispose();
});

test('bad bytes are refused with an Error, never a trap', async () => {
  const vm = await waitingVM();
  const bytes = vm.snapshot();
  vm.dispose();
  const options = { functions: { hostAdd: () => 0 } };
  for (let n = 0; n < bytes.length; n += Math.max(1, bytes.length >> 6))
    await assert.rejects(restore(bytes.subarray(0, n), options), /cannot restore the snapshot: (invalid snapshot|no snapshot)/);
  for (const at of [5, 20, 40, bytes.length >> 1, bytes.length - 1]) {
    const bad = bytes.slice();
    bad[at] ^= 0x5a;
    await assert.rejects(restore(bad, options), /cannot restore the snapshot/);
  }
  await assert.rejects(restore(new Uint8Array(0), options), /cannot restore the snapshot/);
  await assert.rejects(restore('not bytes', options), TypeError);
});

test('a snapshot inside a host callback is refused; outside it works', async () => {
  const vm = await createVM();
  let inside;
  const snap = vm.newFunction('snap', () => {
    try { vm.snapshot(); } catch (e) { inside = e.message; }
  });
  vm.setProp(vm.global, 'snap', snap);
  snap.dispose();
  vm.evalCode('snap()').dispose();
  assert.match(inside, /cannot snapshot: a snapshot cannot be taken inside a host function/);
  assert.ok(vm.snapshot().length > 0);
  vm.dispose();
});

test('an empty VM snapshot is small; delta snapshots restore on their base', async () => {
  const vm = await createVM();
  const empty = vm.snapshot();
  assert.ok(empty.length <= 4096, `empty VM snapshot: ${empty.length} bytes`);
  vm.unwrapResult(vm.evalCode('globalThis.items = Array.from({ length: 2000 }, (_, i) => ({ i }))')).dispose();
  const base = vm.snapshot();
  vm.unwrapResult(vm.evalCode('items[7].i = "changed"')).dispose();
  const delta = vm.snapshot({ delta: true });
  assert.ok(delta.length * 10 < base.length, `delta ${delta.length} vs base ${base.length}`);
  vm.dispose();
  const restored = await restore(delta, { base });
  assert.equal(text(restored, 'items[7].i + items.length'), 'changed2000');
  restored.dispose();
  // Forking: many VMs from the same bytes, each with its own state.
  const forks = await Promise.all([1, 2, 3].map(() => restore(base)));
  forks.forEach((f, i) => f.evalCode(`items[0].i = ${i}`).dispose());
  assert.deepEqual(forks.map((f) => text(f, 'String(items[0].i)')), ['0', '1', '2']);
  for (const f of forks) f.dispose();
});

test('values read back after a restore: Map, Set, Date, BigInt and cycles', async () => {
  const vm = await createVM();
  vm.unwrapResult(vm.evalCode(`
    const shared = { n: 1 };
    globalThis.data = { m: new Map([[1, shared]]), s: new Set([shared]), d: new Date(5), big: 2n ** 80n };
    data.self = data;
  `)).dispose();
  const bytes = vm.snapshot();
  vm.dispose();
  const restored = await restore(bytes);
  const data = restored.getProp(restored.global, 'data').consume((h) => restored.dump(h));
  assert.equal(data.self, data);
  assert.equal(data.m.get(1), [...data.s][0]);
  assert.equal(data.d.getTime(), 5);
  assert.equal(data.big, 2n ** 80n);
  restored.dispose(true);
});

test('the package\'s own callbacks of the saved VM are inert after a restore, and new ones do not collide', async () => {
  const vm = await createVM();
  vm.unwrapResult(vm.evalCode('globalThis.p = new Promise((r) => { globalThis.settle = r })')).dispose();
  const p = vm.getProp(vm.global, 'p');
  const hostSide = vm.resolvePromise(p); // registers then-callbacks that call back into this host
  p.dispose();
  const bytes = vm.snapshot();
  const restored = await restore(bytes);
  restored.evalCode('globalThis.q = new Promise((r) => { globalThis.settleQ = r })').dispose();
  const q = restored.getProp(restored.global, 'q');
  const settled = restored.resolvePromise(q);
  // The saved reaction runs first and does nothing (it must not reach the new callbacks).
  restored.evalCode('settle(5); settleQ(9)').dispose();
  assert.equal(restored.executePendingJobs(), 2);
  assert.equal((await settled).consume((h) => h.toNumber()), 9);
  q.dispose();
  restored.dispose(true);
  // The original VM still settles its own host promise.
  vm.evalCode('settle(7)').dispose();
  vm.executePendingJobs();
  assert.equal((await hostSide).consume((h) => h.toNumber()), 7);
  vm.dispose(true);
});
