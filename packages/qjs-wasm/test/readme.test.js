// Runs the README's examples in order against one VM. Node 20 has no `using` declarations, so they run
// as `const` (disposal at scope end is what Symbol.dispose already provides on newer hosts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { QuickJS } from '../src/index.js';
import { wasmModule } from './wasm-module.js';

test('README examples run', async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 4);
  const logged = [];
  const code = blocks.join('\n')
    .replace(/^import .*$/gm, '')
    .replace(/^using vm = await QuickJS\.create\(\);.*$/m, 'const vm = await QuickJS.create(wasmModule);')
    .replace(/QuickJS\.restore\(saved, \{/, 'QuickJS.restore(saved, { wasm: wasmModule,')
    .replace(/\busing /g, 'const ');
  const AsyncFunction = (async () => {}).constructor;
  const run = new AsyncFunction('QuickJS', 'wasmModule', 'console', `${code}\nreturn [vm, restored];`);
  const [vm, restored] = await run(QuickJS, wasmModule, { log: (...a) => logged.push(a.join(' ')) });
  assert.deepEqual(logged, ['3', '43']);
  assert.equal(vm.evalCode('message + " " + (big === 2n ** 100n) + " " + got').consume((h) => h.toString()), 'hello true 42');
  vm.dispose();
  restored.dispose();
});
