import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from './wasm-module.js';
import { JSException } from '../src/index.js';

test('engine exceptions become JSException with name, message and stack', async () => {
  const vm = await createVM();
  const r = vm.evalCode('function fail() { throw new TypeError("bad"); }\nfail();', 'script.js');
  assert.equal(r.isException, true);
  try {
    vm.unwrapResult(r);
    assert.fail('no exception');
  } catch (err) {
    assert.ok(err instanceof JSException);
    assert.equal(err.name, 'TypeError');
    assert.equal(err.message, 'bad');
    assert.match(err.jsStack, /fail/);
    assert.match(err.jsStack, /script\.js/);
  }
  assert.throws(() => vm.unwrapResult(vm.evalCode('let = ;')), { name: 'SyntaxError' });
  assert.throws(() => vm.unwrapResult(vm.evalCode('throw 42')), (e) => e instanceof JSException && e.value === 42);
  assert.throws(() => vm.unwrapResult(vm.evalCode('throw {code: "E1"}')), (e) => e.value.code === 'E1');
  const custom = 'class MyError extends Error { constructor(m) { super(m); this.name = "MyError"; } }; throw new MyError("mine")';
  assert.throws(() => vm.unwrapResult(vm.evalCode(custom)), { name: 'MyError', message: 'mine' });
  vm.dispose(true);
});

test('host errors become engine errors, keeping class, message and stack', async () => {
  const vm = await createVM();
  {
    const errHandle = vm.newError(new RangeError('out of bounds'));
    vm.setProp(vm.global, 'hostError', errHandle);
  }
  assert.equal(vm.evalCode('hostError instanceof RangeError && hostError.message').consume((h) => h.toString()), 'out of bounds');
  assert.match(vm.evalCode('hostError.stack').consume((h) => h.toString()), /errors\.test\.js/);
  const plain = vm.newError('plain message');
  assert.equal(plain.getProp('name').consume((h) => h.toString()), 'Error');
});

test('a host function that throws throws in the engine, catchably', async () => {
  const vm = await createVM();
  {
    const fn = vm.newFunction('explode', () => { throw new SyntaxError('host says no'); });
    vm.setProp(vm.global, 'explode', fn);
  }
  assert.equal(
    vm.evalCode('try { explode(); } catch (e) { `${e instanceof SyntaxError} ${e.name}: ${e.message}` }').consume((h) => h.toString()),
    'true SyntaxError: host says no');
  // Uncaught, it comes back to the host as the same error.
  assert.throws(() => vm.unwrapResult(vm.evalCode('explode()')), { name: 'SyntaxError', message: 'host says no' });
});

test('property access and assignment errors always surface', async () => {
  const vm = await createVM();
  const obj = vm.unwrapResult(vm.evalCode(`({
    get boom() { throw new Error('getter threw'); },
    set boom(v) { throw new Error('setter threw ' + v); },
  })`));
  assert.throws(() => vm.getProp(obj, 'boom'), { message: 'getter threw' });
  assert.throws(() => vm.setProp(obj, 'boom', 1), { message: 'setter threw 1' });
  const frozen = vm.unwrapResult(vm.evalCode('Object.freeze({ a: 1 })'));
  assert.throws(() => vm.setProp(frozen, 'a', 2), { name: 'TypeError' });
  assert.throws(() => vm.setProp(frozen, 'b', 2), { name: 'TypeError' });
  assert.throws(() => vm.defineProp(frozen, 'c', { value: 1 }), { name: 'TypeError' });
  assert.equal(frozen.getProp('a').toNumber(), 1);
  const proxy = vm.unwrapResult(vm.evalCode('new Proxy({}, { set() { return false; }, get() { throw new RangeError("trap"); } })'));
  assert.throws(() => vm.setProp(proxy, 'x', 1), { name: 'TypeError' });
  assert.throws(() => vm.getProp(proxy, 'x'), { name: 'RangeError', message: 'trap' });
  const notFn = vm.newNumber(3);
  assert.throws(() => vm.unwrapResult(vm.callFunction(notFn, vm.undefined)), { name: 'TypeError' });
  assert.throws(() => vm.getProp(vm.undefined, 'x'), { name: 'TypeError' });
});
