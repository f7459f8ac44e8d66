// Runs browser/index.html in headless Chromium (Debian's `chromium`): serves the package over HTTP
// (module scripts do not load from file://), receives the page's report (a POST to /result) and
// prints it, ending with the page's "N passed, N failed" line. Usage: node browser/run.js (finds the .wasm
// as the node tests do: $QJS_WASM, qjs.wasm, build-wasm/qjs-opt.wasm)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wasmPath } from '../test/wasm-module.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
let report;
const reported = new Promise((done) => { report = done; });
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (req.method === 'POST' && path === '/result') {
    let body = '';
    for await (const chunk of req) body += chunk;
    res.writeHead(204).end();
    report(body);
    return;
  }
  try {
    const file = path === '/qjs.wasm' ? resolve(wasmPath) : resolve(root, `.${path}`);
    if (file !== resolve(wasmPath) && !file.startsWith(root.replace(/\/?$/, sep))) throw new Error('outside the package');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${server.address().port}/browser/index.html`;
const browser = process.env.CHROMIUM ?? 'chromium';
const child = spawn(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=0', url],
  { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
const failed = new Promise((done) => {
  child.on('error', (e) => done(`cannot start ${browser}: ${e.message}`));
  child.on('exit', (code) => done(`${browser} exited (${code}) before reporting`));
  setTimeout(() => done('no result within 60 s'), 60000).unref();
});
const outcome = await Promise.race([reported.then((text) => ({ text })), failed.then((error) => ({ error }))]);
child.kill();
server.close();
if (outcome.error) {
  console.error(`${outcome.error}\n${stderr.split('\n').filter((l) => !/dbus/.test(l)).join('\n')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(outcome.text);
process.exit(/^\d+ passed, 0 failed$/m.test(outcome.text) ? 0 : 1);
