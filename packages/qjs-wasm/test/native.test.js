// The same snapshot bytes restore natively and in wasm, both ways (docs/SNAPSHOT.md). The native shell
// is $QJS_NATIVE, else the repository's Release build (build/qjs); tools/wasm/test.sh requires it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QuickJS } from '../src/index.js';
import { createVM, wasmModule } from './wasm-module.js';

const native = process.env.QJS_NATIVE ?? fileURLToPath(new URL('../../../build/qjs', import.meta.url));
const skip = existsSync(native) ? false : `no native qjs at ${native} (set QJS_NATIVE)`;
const text = (vm, code) => vm.evalCode(code).consume((h) => vm.unwrapResult(h).toString());

// A workflow suspended on an event the host delivers, with a pending timer.
const workflow = `
  globalThis.log = [];
  let resolveIt;
  globalThis.event = new Promise((r) => { resolveIt = r; });
  globalThis.deliver = (v) => resolveIt(v);
  async function workflow() {
    log.push('started');
    const v = await event;
    let host;
    try { host = hostAdd(v, 1); } catch (e) { host = e.constructor.name; }
    log.push('event ' + v + ', host ' + host);
    return v * 2;
  }
  globalThis.result = workflow();
  result.then((v) => log.push('result ' + v));
  setTimeout(() => log.push('timer'), 1);
`;

test('a snapshot written by qjs --snapshot restores and resumes in wasm', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qjs-wasm-'));
  try {
    const file = join(dir, 'native.snap');
    // No hostAdd natively: the workflow will record the ReferenceError when it resumes.
    execFileSync(native, ['--snapshot', file, '-e', workflow]);
    const vm = await QuickJS.restore(readFileSync(file), wasmModule);
    assert.equal(text(vm, 'JSON.stringify(log)'), '["started"]');
    vm.evalCode('deliver(4)').dispose();
    await vm.runLoop();
    assert.equal(text(vm, 'JSON.stringify(log)'), '["started","event 4, host ReferenceError","result 8","timer"]');
    vm.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a snapshot written in wasm resumes in qjs --restore, and its snapshot back in wasm', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qjs-wasm-'));
  try {
    const vm = await createVM();
    const add = vm.newFunction('hostAdd', (_this, a, b) => a.toNumber() + b.toNumber(), 2);
    vm.setProp(vm.global, 'hostAdd', add);
    add.dispose();
    vm.unwrapResult(vm.evalCode(workflow)).dispose();
    vm.executePendingJobs();
    const first = join(dir, 'wasm.snap');
    const second = join(dir, 'native.snap');
    writeFileSync(first, vm.snapshot());
    vm.dispose();
    // Natively the host function is not bound: calling it throws a catchable TypeError.
    execFileSync(native, ['--restore', first, '-e', 'deliver(6)', '--snapshot', second]);
    const back = await QuickJS.restore(readFileSync(second), wasmModule, { functions: { hostAdd: () => 0 } });
    assert.equal(text(back, 'JSON.stringify(log)'), '["started","event 6, host TypeError","result 12"]');
    await back.runLoop(); // the timer was saved again with its remaining delay
    assert.equal(text(back, 'JSON.stringify(log)'), '["started","event 6, host TypeError","result 12","timer"]');
    back.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
