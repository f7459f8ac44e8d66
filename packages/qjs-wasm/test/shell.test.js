// The qjs shell as a WASI reactor (qjs-shell.wasm, shell/ShellHost.js over node:wasi): a --std script
// from a preopened folder reads stdin through os.setReadHandler while its own timer and the host's
// timer keep running; std/os report what WASI lacks; qjs_eval, std.exit and errors reach the host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ShellHost } from '../shell/ShellHost.js';

const shellWasm = process.env.QJS_SHELL_WASM ??
  [new URL('../qjs-shell.wasm', import.meta.url), new URL('../../../build-wasm/qjs-shell-opt.wasm', import.meta.url)]
    .map((u) => fileURLToPath(u)).find((p) => existsSync(p)) ?? 'qjs-shell.wasm';
const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const runJs = fileURLToPath(new URL('../shell/run.js', import.meta.url));
const skip = existsSync(shellWasm) ? false : `no ${shellWasm} (tools/wasm/build.sh builds it)`;

// Runs run.js with `qjsArgs` and writes `chunks` (lines) to its stdin one by one: the next one only
// once the script echoed the previous one ("stdin LINE") and both the script's timer ("tick N") and
// the host's ("host tick N") printed since, then closes stdin. Waiting on the output (not on the clock)
// keeps the test exact on a loaded machine; if timers stopped while a read was pending it would hang
// and hit the test's timeout. Resolves { status, lines, err }.
function runShell(qjsArgs, chunks) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runJs, '--wasm', shellWasm, '--dir', `/sandbox=${fixtures}`,
      '--host-ticks', '15', '--', ...qjsArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let sent = 0;
    const readyFor = (lines) => {
      if (sent === 0) return lines.length > 0;
      const echo = lines.lastIndexOf('stdin ' + chunks[sent - 1].trim());
      if (echo < 0) return false;
      const after = lines.slice(echo + 1);
      return after.some((l) => l.startsWith('tick ')) && after.some((l) => l.startsWith('host tick '));
    };
    child.stdout.on('data', (d) => {
      out += d;
      if (sent > chunks.length || !readyFor(out.split('\n').slice(0, -1))) return;
      if (sent === chunks.length) child.stdin.end();
      else child.stdin.write(chunks[sent]);
      ++sent;
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, lines: out.split('\n').filter(Boolean), err }));
  });
}

test('a --std script reads stdin with setReadHandler while script and host timers interleave',
  { skip, timeout: 60000 }, async () => {
  const { status, lines, err } = await runShell(
    ['qjs', '--std', '/sandbox/stdin-timers.js', '/sandbox/data.txt'], ['one\n', 'two\n', 'three\n']);
  assert.equal(status, 0, err);
  assert.equal(lines.find((l) => l.startsWith('args')), 'args ["/sandbox/stdin-timers.js","/sandbox/data.txt"]');
  assert.ok(lines.includes('data hello'));
  assert.ok(lines.some((l) => l.startsWith('readdir ') && l.includes('data.txt') && l.includes('stdin-timers.js')));
  assert.ok(lines.includes('exec TypeError: os.exec: processes are not available under WASI'));
  const at = (l) => lines.indexOf(l);
  const order = ['stdin one', 'stdin two', 'stdin three', 'eof'].map(at);
  assert.ok(order.every((n, k) => n >= 0 && (k === 0 || n > order[k - 1])), lines.join('\n'));
  // Between two stdin lines both the script's timer (20 ms) and the host's (15 ms) ran.
  for (let k = 0; k < 2; ++k) {
    const between = lines.slice(order[k] + 1, order[k + 1]);
    assert.ok(between.some((l) => l.startsWith('tick ')), `script timer between stdin lines:\n${lines.join('\n')}`);
    assert.ok(between.some((l) => l.startsWith('host tick ')), `host timer between stdin lines:\n${lines.join('\n')}`);
  }
  // The script's timer stops after EOF and the shell ends by itself.
  assert.ok(lines.slice(order[3] + 1).filter((l) => l.startsWith('tick ')).length <= 1);
});

test('qjs_eval, uncaught errors and std.exit reach the host', { skip }, async () => {
  const module = new WebAssembly.Module(readFileSync(shellWasm));
  {
    const shell = await ShellHost.create(module, { stdout: 1, stderr: 2 });
    assert.equal(shell.start(['qjs', '--std', '-e', 'globalThis.x = 41']), 0);
    assert.equal(shell.eval('x++; if (x !== 42) throw new Error("x")'), 0);
    assert.equal(shell.eval('import * as os from "qjs:os"; os.setTimeout(() => std.exit(7), 5);', '<m>', true), 0);
    assert.equal(await shell.done, 7);
  }
  {
    const shell = await ShellHost.create(module);
    assert.equal(shell.start(['qjs', '--no-such-option']), -1);
    assert.equal(await shell.done, 1);
  }
});
