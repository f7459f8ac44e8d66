import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from './wasm-module.js';

test('host functions receive this and arguments and return values', async () => {
  const vm = await createVM();
  {
    const add = vm.newFunction('add', (_this, ...args) => vm.newNumber(args[0].toNumber() + args[1].toNumber()), 2);
    vm.setProp(vm.global, 'add', add);
  }
  const result = vm.unwrapResult(vm.evalCode('add(3, 4)'));
  assert.equal(result.toNumber(), 7);
  result.dispose();
  assert.equal(vm.evalCode('add.name + add.length').consume((h) => h.toString()), 'add2');
  {
    const self = vm.newFunction('self', (thisArg) => thisArg.getProp('tag'));
    vm.setProp(vm.global, 'self', self);
  }
  assert.equal(vm.evalCode('({ tag: "T", self }).self()').consume((h) => h.toString()), 'T');
  // Host values returned are converted; returning an argument works; undefined is the default.
  {
    const fn = vm.newFunction('misc', (_t, a) => (a.typeof === 'number' ? { doubled: a.toNumber() * 2 } : a));
    vm.setProp(vm.global, 'misc', fn);
    const nothing = vm.newFunction('nothing', () => {});
    vm.setProp(vm.global, 'nothing', nothing);
  }
  assert.equal(vm.evalCode('misc(21).doubled').consume((h) => h.toNumber()), 42);
  assert.equal(vm.evalCode('const o = {}; misc(o) === o').consume((h) => h.toBoolean()), true);
  assert.equal(vm.evalCode('nothing()').isUndefined, true);
  vm.dispose();
});

test('arguments are borrowed for the call only; dup keeps one', async () => {
  const vm = await createVM();
  let kept, expired;
  {
    const fn = vm.newFunction('keep', (_t, a, b) => { kept = a.dup(); expired = b; });
    vm.setProp(vm.global, 'keep', fn);
  }
  vm.unwrapResult(vm.evalCode('keep({ v: 1 }, { v: 2 })')).dispose();
  assert.equal(kept.getProp('v').consume((h) => h.toNumber()), 1);
  assert.throws(() => expired.getProp('v'), /used after dispose/);
  kept.dispose();
});

test('host callbacks are found by id, and can be re-registered', async () => {
  const vm = await createVM();
  {
    const fn = vm.newFunction('hostAdd', (_t, a, b) => vm.newNumber(a.toNumber() + b.toNumber()));
    vm.setProp(vm.global, 'hostAdd', fn);
  }
  const id = vm.lastCallbackId;
  assert.equal(id, 1);
  vm.registerHostCallback(id, (_t, a, b) => vm.newNumber(a.toNumber() * b.toNumber()));
  assert.equal(vm.evalCode('hostAdd(100, 200)').consume((h) => h.toNumber()), 20000);
  assert.throws(() => vm.registerHostCallback(0, () => {}), RangeError);
  const next = vm.newFunction('next', () => undefined);
  assert.equal(vm.lastCallbackId, 2);
});

test('calls and construction from the host; re-entrant calls', async () => {
  const vm = await createVM();
  const Point = vm.unwrapResult(vm.evalCode('(class Point { constructor(x, y) { this.x = x; this.y = y; } sum() { return this.x + this.y; } })'));
  const one = vm.newNumber(1);
  const two = vm.newNumber(2);
  const p = vm.unwrapResult(vm.construct(Point, one, two));
  const sum = p.getProp('sum');
  assert.equal(vm.unwrapResult(vm.callFunction(sum, p)).consume((h) => h.toNumber()), 3);
  {
    const evalInside = vm.newFunction('evalInside', (_t, code) => vm.unwrapResult(vm.evalCode(code.toString())));
    vm.setProp(vm.global, 'evalInside', evalInside);
  }
  assert.equal(vm.evalCode('evalInside("evalInside(\'6 * 7\')")').consume((h) => h.toNumber()), 42);
  // PAC-style sandbox: the README's example.
  {
    const isPlainHostName = vm.newFunction('isPlainHostName', (_this, host) => (host.toString().includes('.') ? vm.false : vm.true));
    vm.setProp(vm.global, 'isPlainHostName', isPlainHostName);
  }
  vm.unwrapResult(vm.evalCode('function FindProxyForURL(url, host) { return isPlainHostName(host) ? "DIRECT" : "PROXY proxy:8080"; }')).dispose();
  const find = vm.global.getProp('FindProxyForURL');
  const url = vm.newString('http://intranet/');
  const host = vm.newString('intranet');
  assert.equal(vm.unwrapResult(vm.callFunction(find, vm.undefined, url, host)).consume((h) => h.toString()), 'DIRECT');
});
