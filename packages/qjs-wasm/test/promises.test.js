import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVM } from './wasm-module.js';

test('deferred promises resolved and rejected by the host', async () => {
  const vm = await createVM();
  const deferred = vm.newPromise();
  vm.setProp(vm.global, 'pending', deferred.handle);
  vm.unwrapResult(vm.evalCode('globalThis.log = []; pending.then(v => log.push("ok " + v), e => log.push("err " + e))')).dispose();
  const value = vm.newString('done');
  deferred.resolve(value);
  await deferred.settled;
  assert.equal(vm.executePendingJobs(), 1);
  assert.equal(vm.evalCode('log.join()').consume((h) => h.toString()), 'ok done');
  assert.equal(deferred.handle.promiseState, 1);
  deferred.dispose();

  const second = vm.newPromise();
  vm.setProp(vm.global, 'second', second.handle);
  vm.unwrapResult(vm.evalCode('second.catch(e => log.push("caught " + e.message))')).dispose();
  second.reject(vm.newError('nope'));
  vm.executePendingJobs();
  assert.equal(vm.evalCode('log.join()').consume((h) => h.toString()), 'ok done,caught nope');
  assert.equal(second.handle.promiseState, 2);
  second.dispose();
});

test('async host functions and resolvePromise', async () => {
  const vm = await createVM();
  {
    const lookup = vm.newFunction('lookup', (_this, name) => {
      const deferred = vm.newPromise();
      const key = name.toString();
      setTimeout(() => {
        if (key === 'missing') deferred.reject(vm.newError(new Error(`no ${key}`)));
        else deferred.resolve(vm.newString(`address of ${key}`));
        deferred.dispose();
        vm.executePendingJobs();
      }, 1);
      return deferred.handle; // handed over to the engine
    });
    vm.setProp(vm.global, 'lookup', lookup);
  }
  const p = vm.unwrapResult(vm.evalCode('(async () => (await lookup("example")).toUpperCase())()'));
  const result = await vm.resolvePromise(p);
  assert.equal(result.toString(), 'ADDRESS OF EXAMPLE');
  const failing = vm.unwrapResult(vm.evalCode('lookup("missing")'));
  await assert.rejects(vm.resolvePromise(failing), { message: 'no missing' });
  const already = vm.unwrapResult(vm.evalCode('Promise.resolve(5)'));
  assert.equal((await vm.resolvePromise(already)).consume((h) => h.toNumber()), 5);
});

test('jobs that throw surface from executePendingJobs', async () => {
  const vm = await createVM();
  vm.unwrapResult(vm.evalCode('queueMicrotask(() => { throw new URIError("in a job") })')).dispose();
  assert.throws(() => vm.executePendingJobs(), { name: 'URIError', message: 'in a job' });
});

test('unhandled rejections are reported', async () => {
  const reported = [];
  const vm = await createVM({ onUnhandledRejection: (reason) => reported.push(reason) });
  vm.unwrapResult(vm.evalCode('Promise.reject(new TypeError("nobody listens")); Promise.reject(1).catch(() => {})')).dispose();
  vm.executePendingJobs();
  assert.equal(reported.length, 1); // the second one got its handler in time

  assert.ok(reported[0] instanceof TypeError);
  assert.equal(reported[0].message, 'nobody listens');
});

test('timers run through the reactor loop driven by the host', async () => {
  let clock = 1000;
  const vm = await createVM({ now: () => clock });
  vm.unwrapResult(vm.evalCode(`
    globalThis.order = [];
    setTimeout(() => order.push('t20'), 20);
    setTimeout(() => order.push('t10'), 10);
    const id = setInterval(() => { order.push('i5'); if (order.filter(x => x === 'i5').length === 3) clearInterval(id); }, 5);
    Promise.resolve().then(() => order.push('micro'));
  `)).dispose();
  assert.equal(vm.loopOnce(), 5); // the jobs ran; the interval is due in 5 ms
  let next;
  while ((next = vm.loopOnce()) !== -1) {
    if (next > 0) clock += next; // a deterministic clock: jump to the next timer
  }
  assert.equal(vm.evalCode('order.join()').consume((h) => h.toString()), 'micro,i5,t10,i5,i5,t20');
  vm.unwrapResult(vm.evalCode('setTimeout(() => { throw new EvalError("from a timer") }, 0)')).dispose();
  assert.throws(() => { while (vm.loopOnce() !== -1); }, { name: 'EvalError' });
});

test('runLoop drives real timers until idle', async () => {
  const vm = await createVM();
  vm.unwrapResult(vm.evalCode('globalThis.done = false; setTimeout(() => { done = Date.now() > 0 }, 5)')).dispose();
  await vm.runLoop();
  assert.equal(vm.evalCode('done').consume((h) => h.toBoolean()), true);
});
