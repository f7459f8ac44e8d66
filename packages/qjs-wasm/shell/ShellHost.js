// ShellHost.js: drives qjs-shell.wasm, the whole `qjs` shell as a WASI reactor, from Node with node:wasi.
// The host's event loop stays in charge: each engine turn (qjs_loop_once) is one host task and the
// script's timers become host timers, so host timers, I/O and callbacks run between the script's.
// Standard input: with options.input (a Node Readable such as process.stdin) the host reads it and the
// guest's descriptor 0 is served from what arrived (fd_read, and poll_oneoff readiness); each chunk
// calls qjs_poll_io(0), which runs the script's os.setReadHandler(0) callback, so nothing waits for
// input. Other descriptors with handlers are polled (qjs_poll_io(0), never blocking) every pollMs.
//
//   const shell = await ShellHost.create(wasmBytesOrModule, { preopens: { '/sandbox': dir }, input: process.stdin });
//   shell.start(['qjs', '--std', '/sandbox/script.js']);   // qjs_init_argv
//   const status = await shell.done;                         // 0, 1 (error), or std.exit's status
import { WASI } from 'node:wasi';

const textEncoder = new TextEncoder();
const ERRNO_SUCCESS = 0;
const ERRNO_AGAIN = 6;
const EVENTTYPE_CLOCK = 0;
const EVENTTYPE_FD_READ = 1;
const EVENT_FD_READWRITE_HANGUP = 1;

// Descriptor 0 fed by the host: the chunks that arrived and not read yet, and whether input ended.
class HostInput {
  constructor() {
    this.chunks = [];
    this.ended = false;
  }
  get ready() {
    return this.ended || this.chunks.length > 0;
  }
  get size() {
    return this.chunks.reduce((n, c) => n + c.length, 0);
  }
  // Copies up to the iovecs' room into memory; the number of bytes.
  readInto(memory, iovs, count) {
    const view = new DataView(memory.buffer);
    let total = 0;
    for (let i = 0; i < count && this.chunks.length; ++i) {
      const ptr = view.getUint32(iovs + 8 * i, true);
      let room = view.getUint32(iovs + 8 * i + 4, true);
      let at = ptr;
      while (room > 0 && this.chunks.length) {
        const chunk = this.chunks[0];
        const n = Math.min(room, chunk.length);
        new Uint8Array(memory.buffer, at, n).set(chunk.subarray(0, n));
        if (n === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(n);
        at += n;
        room -= n;
        total += n;
      }
    }
    return total;
  }
}

// node:wasi's imports with descriptor 0 served from `input`: fd_read(0) reads what arrived (EAGAIN when
// nothing did yet), poll_oneoff answers subscriptions on descriptor 0 and clocks without blocking (a
// poll that also waits on another descriptor goes to node:wasi).
function hostInputImports(wasiImport, input, memory) {
  const { fd_read, poll_oneoff } = wasiImport;
  return {
    ...wasiImport,
    fd_read(fd, iovs, count, nreadPtr) {
      if (fd !== 0) return fd_read(fd, iovs, count, nreadPtr);
      if (!input.ready) return ERRNO_AGAIN;
      const n = input.readInto(memory(), iovs, count);
      new DataView(memory().buffer).setUint32(nreadPtr, n, true);
      return ERRNO_SUCCESS;
    },
    poll_oneoff(subs, events, count, neventsPtr) {
      const view = new DataView(memory().buffer);
      const types = [];
      for (let i = 0; i < count; ++i) {
        const type = view.getUint8(subs + 48 * i + 8);
        if (type !== EVENTTYPE_CLOCK && view.getUint32(subs + 48 * i + 16, true) !== 0)
          return poll_oneoff(subs, events, count, neventsPtr);
        types.push(type);
      }
      let n = 0;
      const event = (i, type, nbytes, flags) => {
        const at = events + 32 * n++;
        view.setBigUint64(at, view.getBigUint64(subs + 48 * i, true), true);
        view.setUint16(at + 8, ERRNO_SUCCESS, true);
        view.setUint8(at + 10, type);
        view.setBigUint64(at + 16, BigInt(nbytes), true);
        view.setUint16(at + 24, flags, true);
      };
      types.forEach((type, i) => {
        if (type === EVENTTYPE_FD_READ && input.ready)
          event(i, type, input.size, input.ended && !input.size ? EVENT_FD_READWRITE_HANGUP : 0);
      });
      // Nothing ready: the clock fires now (the host never blocks; it polls again when input arrives).
      if (n === 0) types.forEach((type, i) => type === EVENTTYPE_CLOCK && n === 0 && event(i, type, 0, 0));
      view.setUint32(neventsPtr, n, true);
      return ERRNO_SUCCESS;
    },
  };
}

export class ShellHost {
  // options: preopens ({ guestPath: hostPath }), env ({}), stdin/stdout/stderr (host descriptors,
  // default 0, 1, 2), input (a Readable that feeds descriptor 0 instead of stdin), pollMs (how often
  // other descriptors with handlers are polled, default 5).
  static async create(wasm, options = {}) {
    const module = wasm instanceof WebAssembly.Module ? wasm : await WebAssembly.compile(wasm);
    const wasi = new WASI({
      version: 'preview1',
      preopens: options.preopens ?? {},
      env: options.env ?? {},
      stdin: options.stdin ?? 0,
      stdout: options.stdout ?? 1,
      stderr: options.stderr ?? 2,
      returnOnExit: true,
    });
    const input = options.input ? new HostInput() : null;
    let instance = null;
    const imports = wasi.getImportObject();
    if (input) {
      const memory = () => instance.exports.memory;
      imports.wasi_snapshot_preview1 = hostInputImports(imports.wasi_snapshot_preview1, input, memory);
    }
    instance = await WebAssembly.instantiate(module, imports);
    wasi.initialize(instance);
    const host = new ShellHost(wasi, instance, options);
    if (input) host.attachInput(options.input, input);
    return host;
  }

  // Each chunk (and the end) of the host's stream runs the ready read handlers at once.
  attachInput(stream, input) {
    const onReady = () => {
      if (this.exitStatus !== undefined || !this.started) return;
      this.call('qjs_poll_io', 0);
      this.schedule(0);
    };
    stream.on('data', (chunk) => {
      input.chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
      onReady();
    });
    stream.on('end', () => {
      input.ended = true;
      onReady();
    });
    this.input = input;
    this.inputStream = stream;
  }

  constructor(wasi, instance, options) {
    this.wasi = wasi;
    this.exports = instance.exports;
    this.pollMs = options.pollMs ?? 5;
    this.exitStatus = undefined; // set by std.exit (proc_exit)
    this.failed = false;
    this.started = false;
    this.input = null;
    this.timer = null;
    this.scheduled = false;
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
  }

  // Calls an export; std.exit inside it ends the shell with its status (node:wasi throws a symbol).
  call(name, ...args) {
    if (this.exitStatus !== undefined) return -2;
    try {
      return this.exports[name](...args);
    } catch (e) {
      if (typeof e !== 'symbol') throw e;
      this.exitStatus = this.wasi[e] ?? 0;
      this.finish();
      return -2;
    }
  }

  // Copies strings into linear memory (NUL-terminated) and returns their addresses.
  allocStrings(strings) {
    return strings.map((s) => {
      const bytes = textEncoder.encode(s);
      const ptr = this.call('malloc', bytes.length + 1);
      if (!ptr) throw new Error('qjs-shell: out of memory');
      const mem = new Uint8Array(this.exports.memory.buffer, ptr, bytes.length + 1);
      mem.set(bytes);
      mem[bytes.length] = 0;
      return { ptr, len: bytes.length };
    });
  }

  freeAll(blocks) {
    for (const b of blocks) this.call('free', b.ptr);
  }

  // qjs_init_argv(argv): runs the command line, then drives the loop until the shell is idle; `done`
  // resolves with the status (0, 1 after an error or an unhandled rejection, or std.exit's).
  start(argv) {
    const strings = this.allocStrings(argv);
    const array = this.call('malloc', 4 * argv.length);
    const view = new DataView(this.exports.memory.buffer);
    strings.forEach((s, i) => view.setUint32(array + 4 * i, s.ptr, true));
    const r = this.call('qjs_init_argv', argv.length, array);
    this.started = true;
    this.freeAll([...strings, { ptr: array }]);
    // As the native shell: a bad command line or an uncaught error ends it (status 1), no loop runs.
    if (r !== 0) {
      this.failed = true;
      if (this.exitStatus === undefined) this.finish();
    } else {
      this.schedule(0);
    }
    return r;
  }

  // qjs_eval: more code in the running shell (a script, or a module with isModule).
  eval(code, filename = '<host>', isModule = false) {
    const [src, name] = this.allocStrings([code, filename]);
    const r = this.call('qjs_eval', src.ptr, src.len, name.ptr, isModule ? 1 : 0);
    this.freeAll([src, name]);
    if (r !== 0) this.failed = true;
    this.schedule(0);
    return r;
  }

  schedule(ms) {
    if (this.exitStatus !== undefined) return;
    if (this.timer) clearTimeout(this.timer);
    // setTimeout even for 0 ms: the host's own timers and I/O get their turn between engine turns.
    this.timer = setTimeout(() => this.turn(), ms);
  }

  // One engine turn, then the next one scheduled from what the loop reported.
  turn() {
    this.timer = null;
    const next = this.call('qjs_loop_once');
    if (this.exitStatus !== undefined) return;
    if (next === -2) this.failed = true; // printed by the shell; the loop goes on, as natively
    const io = this.call('qjs_has_io_handlers') === 1;
    // With a hosted input, handlers run when it delivers; otherwise the descriptors are polled.
    const poll = io && !this.input;
    if (poll) {
      this.call('qjs_poll_io', 0);
      if (this.exitStatus !== undefined) return;
    }
    if (next >= 0 || next === -2) this.schedule(next > 0 ? (poll ? Math.min(next, this.pollMs) : next) : 0);
    else if (poll) this.schedule(this.pollMs);
    else if (!io) this.finish();
  }

  finish() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inputStream) this.inputStream.pause();
    let status = this.exitStatus;
    if (status === undefined) {
      status = this.failed || this.call('qjs_had_unhandled_rejection') === 1 ? 1 : 0;
      this.call('qjs_destroy');
    }
    this.resolveDone(status);
  }
}
