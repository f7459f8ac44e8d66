// tools/wasm/micro-bench.mjs: times bench/micro scripts in the wasm engine reactor under Node, to weigh
// the speed cost of a size change (tools/wasm/build.sh's flags, wasm-opt's).
//   node tools/wasm/micro-bench.mjs [WASM] [NAME...]   (default build-wasm/qjs-opt.wasm, every script)
// Prints the best of 5 runs of each script in milliseconds (a fresh VM per run, creation not timed).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QuickJS } from '../../packages/qjs-wasm/src/index.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const [wasmArg, ...names] = process.argv.slice(2);
const wasm = new WebAssembly.Module(readFileSync(wasmArg ?? `${repo}/build-wasm/qjs-opt.wasm`));
const dir = `${repo}/bench/micro`;
const scripts = names.length ? names : readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3));
for (const name of scripts) {
  const code = readFileSync(`${dir}/${name}.js`, 'utf8');
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const vm = await QuickJS.create(wasm);
    const start = performance.now();
    vm.unwrapResult(vm.evalCode(code)).dispose();
    best = Math.min(best, performance.now() - start);
    vm.dispose();
  }
  console.log(`${name.padEnd(20)} ${best.toFixed(1).padStart(8)} ms`);
}
