// The .wasm the tests load: $QJS_WASM, else the package's qjs.wasm, else the repository's build.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QuickJS } from '../src/index.js';

const candidates = [
  process.env.QJS_WASM,
  fileURLToPath(new URL('../qjs.wasm', import.meta.url)),
  fileURLToPath(new URL('../../../build-wasm/qjs-opt.wasm', import.meta.url)),
].filter(Boolean);
export const wasmPath = candidates.find((p) => existsSync(p));
if (!wasmPath) throw new Error(`no qjs.wasm: build it with packages/qjs-wasm/build.sh (looked at ${candidates})`);
export const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));

export function createVM(options = {}) {
  return QuickJS.create(wasmModule, options);
}
