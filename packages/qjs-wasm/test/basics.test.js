import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from './wasm-module.js';

test('evaluates code and reads results', async () => {
  const vm = await createVM();
  const three = vm.unwrapResult(vm.evalCode('1 + 2'));
  assert.equal(three.toNumber(), 3);
  three.dispose();
  assert.equal(vm.evalCode('"héllo " + "wörld 🌍"').consume((h) => h.toString()), 'héllo wörld 🌍');
  assert.equal(vm.evalCode('[1, 2, 3].map(x => x * 2).join()').consume((h) => h.toString()), '2,4,6');
  assert.equal(vm.evalCode('0.1 + 0.2').consume((h) => h.toNumber()), 0.1 + 0.2);
  assert.equal(vm.evalCode('undefined').isUndefined, true);
  assert.equal(vm.evalCode('null').isNull, true);
  assert.equal(vm.evalCode('1 < 2').consume((h) => h.toBoolean()), true);
  vm.dispose(true);
});

test('typeof of every kind', async () => {
  const vm = await createVM();
  const kinds = {
    'undefined': 'undefined', 'null': 'object', 'true': 'boolean', '1.5': 'number', '"s"': 'string',
    'Symbol()': 'symbol', '10n': 'bigint', '({})': 'object', '(() => 1)': 'function', 'class A {}; A': 'function',
  };
  for (const [code, kind] of Object.entries(kinds)) {
    assert.equal(vm.evalCode(code).consume((h) => vm.typeof(h)), kind, code);
  }
});

test('values made by the host, properties of the global object', async () => {
  const vm = await createVM();
  {
    const str = vm.newString('hello');
    const num = vm.newNumber(42);
    const big = vm.newBigInt(9007199254740993n);
    vm.setProp(vm.global, 'message', str);
    vm.setProp(vm.global, 'num', num);
    vm.setProp(vm.global, 'big', big);
  }
  assert.equal(vm.evalCode('message + num').consume((h) => h.toString()), 'hello42');
  assert.equal(vm.evalCode('big + 1n').consume((h) => h.toBigInt()), 9007199254740994n);
  const obj = vm.newObject();
  obj.setProp('x', 1);
  obj.setProp(0, 'zero');
  vm.setProp(vm.global, 'obj', obj);
  assert.equal(vm.evalCode('JSON.stringify(obj)').consume((h) => h.toString()), '{"0":"zero","x":1}');
  const arr = vm.newArray();
  arr.setProp(2, 7);
  assert.equal(arr.getProp('length').consume((h) => h.toNumber()), 3);
  vm.defineProp(vm.global, 'fixed', { value: 5, enumerable: true });
  assert.equal(vm.evalCode('"use strict"; try { fixed = 6; "no" } catch (e) { e.name + " " + fixed }').consume((h) => h.toString()), 'TypeError 5');
  assert.equal(vm.deleteProp(obj, 'x'), true);
  assert.equal(obj.getProp('x').isUndefined, true);
  const sym = vm.unwrapResult(vm.evalCode('globalThis.key = Symbol("k"); obj[key] = "by symbol"; key'));
  assert.equal(vm.getProp(obj, sym).consume((h) => h.toString()), 'by symbol');
});

test('handles: disposal, stale ids and leak checks', async () => {
  const vm = await createVM();
  const h = vm.newObject();
  const copy = h.dup();
  h.dispose();
  h.dispose(); // idempotent
  assert.throws(() => h.getProp('x'), /used after dispose/);
  assert.equal(copy.typeof, 'object');
  copy.dispose();
  vm.global.dispose(); // singletons are never freed
  assert.equal(vm.global.typeof, 'object');
  // A stale id (its slot freed and reused) is refused by the engine, not read.
  const a = vm.newNumber(1);
  const staleId = a.id;
  a.dispose();
  const b = vm.newNumber(2);
  assert.throws(() => vm._wrap(vm._exports.qjs_dup(staleId)), /invalid or disposed handle/);
  b.dispose();
  const leaked = vm.newString('leak');
  assert.ok(leaked.alive);
  assert.throws(() => vm.dispose(true), /1 handle\(s\) were not disposed/);
  assert.throws(() => vm.newObject(), /used after dispose/);
});

test('modules and strict mode', async () => {
  const vm = await createVM();
  const p = vm.unwrapResult(vm.evalCode('export const x = 1; globalThis.fromModule = x + 1;', { type: 'module', filename: 'm.js' }));
  vm.executePendingJobs();
  assert.equal(vm.evalCode('fromModule').consume((h) => h.toNumber()), 2);
  const e = vm.evalCode('undeclared = 1', { strict: true });
  assert.equal(e.isException, true);
  assert.throws(() => vm.unwrapResult(e), { name: 'ReferenceError' });
});

test('no handle leaks inside the package: callbacks, errors, dump, promises', async () => {
  const vm = await createVM();
  const fn = vm.newFunction('f', (_t, a) => ({ got: a.dump() }));
  vm.setProp(vm.global, 'f', fn);
  fn.dispose();
  const thrower = vm.newFunction('thrower', () => { throw new Error('x'); });
  vm.setProp(vm.global, 'thrower', thrower);
  thrower.dispose();
  for (let i = 0; i < 3; i++) {
    vm.evalCode('f({ a: [1, new Map([[1, 2]])] }).got.a[1].get(1)').consume((h) => assert.equal(h.toNumber(), 2));
    assert.throws(() => vm.unwrapResult(vm.evalCode('thrower()')), /x/);
    vm.hostToHandle({ deep: { list: [1, 2n, new Date()] } }).dispose();
    const p = vm.unwrapResult(vm.evalCode('Promise.resolve(1)'));
    (await vm.resolvePromise(p)).dispose();
    p.dispose();
  }
  assert.equal(vm.liveHandles, 0);
  vm.dispose(true);
});

test('Temporal in wasm: UTC and offsets work, named zones need the zoneinfo files the package does not preopen', async () => {
  const vm = await createVM();
  const run = (code) => vm.evalCode(code).consume((h) => h.toString());
  assert.equal(run('Temporal.Now.timeZoneId()'), 'UTC');
  assert.equal(run('new Temporal.ZonedDateTime(0n, "UTC").toString()'), '1970-01-01T00:00:00+00:00[UTC]');
  assert.equal(run('new Temporal.ZonedDateTime(0n, "+01:30").toString()'), '1970-01-01T01:30:00+01:30[+01:30]');
  assert.equal(run('try { new Temporal.ZonedDateTime(0n, "Europe/Paris") } catch (e) { e.name }'), 'RangeError');
  vm.dispose(true);
});
