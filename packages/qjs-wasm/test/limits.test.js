import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from './wasm-module.js';

test('memory limit: allocations beyond it throw, the VM stays usable', async () => {
  const vm = await createVM({ memoryLimit: 8 * 1024 * 1024 });
  assert.throws(() => vm.unwrapResult(vm.evalCode('const a = []; for (;;) a.push(new Array(10000).fill(1));')),
    (e) => /memory/i.test(e.message));
  vm.unwrapResult(vm.evalCode('globalThis.a = undefined')).dispose();
  assert.equal(vm.evalCode('[1, 2, 3].length').consume((h) => h.toNumber()), 3);
});

test('interrupt handler stops a runaway script', async () => {
  let polls = 0;
  const vm = await createVM({ interruptHandler: () => ++polls > 3 });
  assert.throws(() => vm.unwrapResult(vm.evalCode('for (;;) {}')), /interrupted/);
  assert.ok(polls > 3);
  polls = -1e9; // stop interrupting
  assert.equal(vm.evalCode('let s = 0; for (let i = 0; i < 1e5; i++) s += i; s').consume((h) => h.toNumber()), 4999950000);
});

test('stack overflow is a RangeError, not a trap, and the VM goes on', async () => {
  const vm = await createVM();
  assert.throws(() => vm.unwrapResult(vm.evalCode('function f(n) { return f(n + 1) + 1; } f(0)')), { name: 'RangeError' });
  assert.throws(() => vm.unwrapResult(vm.evalCode('JSON.parse("[".repeat(100000))')), { name: /RangeError|SyntaxError/ });
  assert.throws(() => vm.unwrapResult(vm.evalCode('const o = {}; let p = o; for (let i = 0; i < 100000; i++) p = p.next = {}; JSON.stringify(o)')), { name: 'RangeError' });
  assert.throws(() => vm.unwrapResult(vm.evalCode('eval("(".repeat(100000))')), { name: /RangeError|SyntaxError|InternalError/ });
  // Moderate recursion still works, and so does the VM afterwards.
  assert.equal(vm.evalCode('function g(n) { return n ? g(n - 1) + 1 : 0; } g(300)').consume((h) => h.toNumber()), 300);
});

test('maxStackSize lowers the depth limit', async () => {
  const deep = await createVM();
  const shallow = await createVM({ maxStackSize: 64 * 1024 });
  const depth = (vm) => vm.evalCode('let d = 0; function r() { d++; r(); } try { r() } catch (e) {} d').consume((h) => h.toNumber());
  const full = depth(deep);
  const small = depth(shallow);
  assert.ok(small > 10 && small < full, `${small} < ${full}`);
});

test('deterministic clock and random numbers', async () => {
  const fixedRandom = (bytes) => bytes.fill(7);
  const make = () => createVM({ now: () => Date.UTC(2030, 0, 1), random: fixedRandom });
  const a = await make();
  const b = await make();
  assert.equal(a.evalCode('new Date().toISOString()').consume((h) => h.toString()), '2030-01-01T00:00:00.000Z');
  assert.equal(a.evalCode('Date.now()').consume((h) => h.toNumber()), Date.UTC(2030, 0, 1));
  const seq = (vm) => vm.evalCode('[Math.random(), Math.random()].join()').consume((h) => h.toString());
  assert.equal(seq(a), seq(b));
});

test('output goes to the host', async () => {
  const out = [];
  const vm = await createVM({ stdout: (t) => out.push(t), stderr: (t) => out.push(`E:${t}`) });
  // The engine reactor prints uncaught errors of qjs_eval to stderr.
  const code = new TextEncoder().encode('throw new Error("printed")\0');
  const x = vm._exports;
  const ptr = x.malloc(code.length);
  new Uint8Array(x.memory.buffer, ptr, code.length).set(code);
  assert.equal(x.qjs_eval(ptr, code.length - 1, 0, 0), -1);
  x.free(ptr);
  assert.match(out.join(''), /E:Uncaught Error: printed/);
});
