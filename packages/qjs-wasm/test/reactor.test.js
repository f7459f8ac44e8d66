// The raw reactor module: the exports of the WASI reactor API and the imports it needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WASI } from 'node:wasi';
import { wasmModule } from './wasm-module.js';

test('imports are WASI preview1 clock/random/stdio and the env set only', () => {
  const imports = WebAssembly.Module.imports(wasmModule);
  // poll_oneoff: libc's clock sleep. path_open, path_readlink, fd_readdir, fd_fdstat_set_flags: libc's
  // fopen of Temporal's time-zone files (/usr/share/zoneinfo), which only reach preopened folders; the
  // package preopens none, so named time zones other than UTC are a RangeError there (tested below).
  const allowedWasi = /^(clock_time_get|clock_res_get|random_get|fd_write|fd_read|fd_close|fd_seek|fd_fdstat_get|fd_fdstat_set_flags|proc_exit|environ_get|environ_sizes_get|args_get|args_sizes_get|fd_prestat_get|fd_prestat_dir_name|poll_oneoff|path_open|path_readlink|fd_readdir)$/;
  for (const i of imports) {
    if (i.module === 'wasi_snapshot_preview1') assert.match(i.name, allowedWasi, i.name);
    else assert.deepEqual([i.module, ['host_call', 'interrupt_poll', 'promise_rejection'].includes(i.name)], ['env', true], i.name);
  }
  const exports = WebAssembly.Module.exports(wasmModule).map((e) => e.name);
  for (const name of ['memory', '__stack_pointer', '_initialize', 'malloc', 'free', 'qjs_init', 'qjs_eval', 'qjs_loop_once', 'qjs_poll_io', 'qjs_destroy']) {
    assert.ok(exports.includes(name), name);
  }
});

test('init, eval, loop_once, poll_io and destroy under node:wasi', async () => {
  const wasi = new WASI({ version: 'preview1', returnOnExit: true });
  const env = { host_call: () => 0, interrupt_poll: () => 0, promise_rejection: () => {} };
  const instance = await WebAssembly.instantiate(wasmModule, { wasi_snapshot_preview1: wasi.wasiImport, env });
  wasi.initialize(instance);
  const x = instance.exports;
  assert.equal(x.qjs_init(), 0);
  assert.equal(x.qjs_init(), -1); // once
  const run = (code) => {
    const bytes = new TextEncoder().encode(code);
    const ptr = x.malloc(bytes.length + 1);
    new Uint8Array(x.memory.buffer, ptr, bytes.length).set(bytes);
    const name = x.malloc(8);
    new Uint8Array(x.memory.buffer, name, 6).set(new TextEncoder().encode('a.js\0'));
    const r = x.qjs_eval(ptr, bytes.length, name, 0);
    x.free(ptr);
    x.free(name);
    return r;
  };
  assert.equal(run('globalThis.n = 0; setTimeout(() => n++, 30); Promise.resolve().then(() => n += 10)'), 0);
  const wait = x.qjs_loop_once(); // the jobs ran; the timer is due in at most 30 ms (unless 30 ms passed)
  if (wait !== -1) {
    assert.ok(wait >= 0 && wait <= 30, String(wait));
    assert.equal(run('if (n !== 10) throw new Error("n is " + n)'), 0);
    await new Promise((done) => setTimeout(done, wait + 5));
    let r = x.qjs_loop_once(); // the timer ran
    if (r === 0) r = x.qjs_loop_once();
    assert.equal(r, -1); // idle
  }
  assert.equal(x.qjs_poll_io(0), 0);
  assert.equal(run('if (n !== 11) throw new Error("n is " + n)'), 0);
  assert.equal(run('setTimeout(() => { throw 1 }, 0)'), 0);
  let r;
  for (;;) {
    r = x.qjs_loop_once();
    if (r > 0) await new Promise((done) => setTimeout(done, r));
    else if (r !== 0) break;
  }
  assert.equal(r, -2); // the timer threw
  x.qjs_destroy();
  assert.equal(x.qjs_init(), 0); // a fresh runtime in the same instance
  assert.equal(run('typeof n'), 0);
  x.qjs_destroy();
});
