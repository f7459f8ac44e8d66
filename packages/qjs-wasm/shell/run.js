#!/usr/bin/env node
// run.js: the qjs shell reactor from the command line, through ShellHost.
//   node shell/run.js [--wasm FILE] [--dir GUEST=HOST]... [--host-ticks MS] -- qjs [options] [file [args]]
// --dir preopens folder HOST as GUEST; --host-ticks prints "host tick N" every MS milliseconds from the
// host's own timer while the shell runs (showing that the host's loop is never blocked). The host reads
// its stdin and hands it to the shell's descriptor 0 (ShellHost's input). The process exits with the
// shell's status.
import { existsSync, readFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ShellHost } from './ShellHost.js';

const args = process.argv.slice(2);
// The module: $QJS_SHELL_WASM, else the package's qjs-shell.wasm, else the repository's build.
let wasm = process.env.QJS_SHELL_WASM ??
  [new URL('../qjs-shell.wasm', import.meta.url), new URL('../../../build-wasm/qjs-shell-opt.wasm', import.meta.url)]
    .map((u) => fileURLToPath(u)).find((p) => existsSync(p));
const preopens = {};
let hostTicks = 0;
while (args.length && args[0] !== '--') {
  const opt = args.shift();
  const value = args.shift();
  if (value === undefined) throw new Error(`run.js: ${opt} needs a value`);
  if (opt === '--wasm') wasm = value;
  else if (opt === '--dir') {
    const eq = value.indexOf('=');
    preopens[value.slice(0, eq)] = value.slice(eq + 1);
  } else if (opt === '--host-ticks') hostTicks = Number(value);
  else throw new Error(`run.js: unknown option ${opt}`);
}
args.shift();

const shell = await ShellHost.create(readFileSync(wasm), { preopens, input: process.stdin });
let ticks = 0;
const interval = hostTicks > 0 ? setInterval(() => writeSync(1, `host tick ${++ticks}\n`), hostTicks) : null;
shell.start(args.length ? args : ['qjs']);
const status = await shell.done;
if (interval) clearInterval(interval);
process.exitCode = status;
