// qjs-wasm: the qjs engine as a WASI reactor (qjs.wasm), driven from JavaScript hosts.
// One VM is one WebAssembly instance with its own memory. Engine values are held through handles
// (JSValueHandle); see README.md for the API and its ownership rules.
import { makeWasi } from './wasi.js';
import { encode, decode } from './wire.js';

const FIXED = { undefined: 1, null: 2, false: 3, true: 4, global: 5 };
const TYPEOF = [undefined, 'undefined', 'object', 'boolean', 'number', 'string', 'symbol', 'bigint', 'function'];
// The engine's stack budget in the module's 1 MiB linear-memory stack. The wasm frames also use the
// host's native stack (V8: about 1 MB), more of it than of the linear one once optimized (about 1.4 KB
// against 0.6 KB per JS call), and that one must never run out first: a quarter (about 430 nested calls).
const DEFAULT_MAX_STACK = 256 * 1024;
const INTERNAL_CALLBACK = 0x80000000; // ids at and above are the package's own (resolvePromise)
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

// An exception thrown by engine code, on the host side: name, message and the engine's stack.
export class JSException extends Error {
  constructor(name, message, stack, value) {
    super(message);
    this.name = name ?? 'Error';
    this.jsStack = stack;
    if (stack !== undefined) this.stack = `${this.name}: ${message}\n${stack}`;
    this.value = value; // the thrown value as a host value when it is not an Error object
  }
}

// create/restore arguments: (wasmInput?, options?) or (options) with options.wasm.
function splitArgs(wasmInput, options) {
  if (options === undefined && wasmInput && typeof wasmInput === 'object' && !(wasmInput instanceof URL) &&
      !(wasmInput instanceof WebAssembly.Module) && !(wasmInput instanceof ArrayBuffer) && !ArrayBuffer.isView(wasmInput)) {
    options = wasmInput;
    wasmInput = options.wasm;
  }
  return [wasmInput, options ?? {}];
}

function bytesOf(b, what) {
  if (b instanceof Uint8Array) return b;
  if (b instanceof ArrayBuffer) return new Uint8Array(b);
  if (ArrayBuffer.isView(b)) return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  throw new TypeError(`${what}: expected a Uint8Array, an ArrayBuffer or a view`);
}

const moduleCache = new Map();
async function compileModule(input) {
  if (input instanceof WebAssembly.Module) return input;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return WebAssembly.compile(input);
  const url = input ?? new URL('../qjs.wasm', import.meta.url);
  const key = String(url);
  let pending = moduleCache.get(key);
  if (!pending) {
    pending = (async () => {
      const u = url instanceof URL ? url : new URL(url, import.meta.url);
      if (u.protocol === 'file:') {
        const { readFile } = await import('node:fs/promises');
        return WebAssembly.compile(await readFile(u));
      }
      const response = await fetch(u);
      if (!response.ok) throw new Error(`cannot load ${u}: HTTP ${response.status}`);
      return WebAssembly.compile(await response.arrayBuffer());
    })();
    moduleCache.set(key, pending);
  }
  return pending;
}

export class JSValueHandle {
  #vm;
  #id;
  #alive = true;
  #borrowed;
  #exception;

  constructor(vm, id, { borrowed = false, exception = false } = {}) {
    this.#vm = vm;
    this.#id = id;
    this.#borrowed = borrowed;
    this.#exception = exception;
  }

  get vm() { return this.#vm; }
  // The handle id; throws once the handle was disposed (or its host callback returned, for arguments).
  get id() {
    if (!this.#alive) throw new Error('JSValueHandle used after dispose');
    return this.#id;
  }
  get alive() { return this.#alive; }
  get isException() { return this.#exception; }
  get isUndefined() { return this.id === FIXED.undefined; }
  get isNull() { return this.id === FIXED.null; }
  get typeof() { return this.#vm.typeof(this); }
  get promiseState() { return this.#vm.promiseState(this); }

  toNumber() { return this.#vm.toNumber(this); }
  toBigInt() { return this.#vm.toBigInt(this); }
  toBoolean() { return this.#vm.toBoolean(this); }
  toString() { return this.#vm.toHostString(this); }
  getProp(key) { return this.#vm.getProp(this, key); }
  setProp(key, value) { this.#vm.setProp(this, key, value); }
  dump() { return this.#vm.dump(this); }
  consume(fn) {
    try {
      return fn(this);
    } finally {
      this.dispose();
    }
  }
  // A new owned handle to the same value.
  dup() { return this.#vm._wrap(this.#vm._exports.qjs_dup(this.id)); }
  // Frees the handle (idempotent). Singletons and host-callback arguments are not freed.
  dispose() {
    if (!this.#alive || this.#borrowed || this.#id <= FIXED.global) return;
    this.#alive = false;
    if (this.#vm.alive) this.#vm._exports.qjs_free_handle(this.#id);
  }
  [Symbol.dispose]() { this.dispose(); }
  // Host-callback arguments stop working when the callback returns.
  _expire() { this.#alive = false; }
  get _owned() { return this.#alive && !this.#borrowed && this.#id > FIXED.global; }
}

export class Deferred {
  constructor(vm, handle, resolveFn, rejectFn) {
    this.vm = vm;
    this.handle = handle;
    this._resolve = resolveFn;
    this._reject = rejectFn;
    this.settled = new Promise((done) => { this._settled = done; });
  }
  resolve(value = this.vm.undefined) { this.#settle(this._resolve, value); }
  reject(value = this.vm.undefined) { this.#settle(this._reject, value); }
  #settle(fn, value) {
    this.vm.callFunction(fn, this.vm.undefined, value).dispose();
    this._settled();
  }
  dispose() {
    this.handle.dispose();
    this._resolve.dispose();
    this._reject.dispose();
  }
  [Symbol.dispose]() { this.dispose(); }
}

export class QuickJS {
  #instance;
  #memory;
  #callbacks = new Map();
  #nextCallbackId = 1;
  #nextInternalId = INTERNAL_CALLBACK;
  #options;
  #alive = true;
  #scratch = 0;
  #bridge;
  #singletons;
  #exports;
  #trap;
  #unhandled = [];

  // create(wasmInput?, options?) or create(options) with options.wasm: the .wasm as bytes, a
  // WebAssembly.Module or a URL (default: the package's qjs.wasm).
  // options: memoryLimit (bytes), maxStackSize (bytes), interruptHandler() (true interrupts),
  // onUnhandledRejection(reasonValue, promiseHandle), stdout(text), stderr(text), now(), random(bytes).
  static async create(wasmInput, options) {
    [wasmInput, options] = splitArgs(wasmInput, options);
    const module = await compileModule(wasmInput);
    const vm = new QuickJS(options);
    vm.#instantiate(module, null);
    return vm;
  }

  // A VM from snapshot bytes (vm.snapshot(), or `qjs --snapshot`), in a new instance: restore(bytes,
  // wasmInput?, options?) or restore(bytes, options). Besides create's options: functions, the host
  // callbacks by name or id ({ hostAdd: fn } or { 1: fn }): every host function of the snapshot must
  // have one, else the restore fails; base, the full snapshot a delta snapshot (bytes) was written
  // against. Bad bytes are refused with an Error, never trusted.
  static async restore(bytes, wasmInput, options) {
    [wasmInput, options] = splitArgs(wasmInput, options);
    const module = await compileModule(wasmInput);
    const vm = new QuickJS(options);
    vm.#instantiate(module, bytesOf(bytes, 'snapshot'));
    return vm;
  }

  constructor(options) {
    this.#options = options;
  }

  #instantiate(module, snapshot) {
    const o = this.#options;
    const env = {
      host_call: (id, thisId, argc, argvPtr) => this.#hostCall(id, thisId, argc, argvPtr),
      interrupt_poll: () => (o.interruptHandler && o.interruptHandler() ? 1 : 0),
      promise_rejection: (promiseId, reasonId, isHandled) => this.#rejection(promiseId, reasonId, isHandled),
    };
    const wasi = makeWasi(() => this.#memory, o);
    this.#instance = new WebAssembly.Instance(module, { env, wasi_snapshot_preview1: wasi });
    this.#memory = this.#instance.exports.memory;
    // A trap (or the host's own stack running out) leaves the engine's state undefined: from then on
    // the VM refuses every call instead of running on corrupted memory.
    this.#exports = {};
    for (const [name, value] of Object.entries(this.#instance.exports)) {
      this.#exports[name] = typeof value !== 'function' ? value : (...args) => {
        try {
          return value(...args);
        } catch (err) {
          this.#trap = err;
          throw new Error(`qjs-wasm: the VM trapped (${err.message}); it cannot be used any more`, { cause: err });
        }
      };
    }
    const x = this._exports;
    x._initialize?.();
    if (snapshot) this.#restoreHeap(snapshot);
    else if (x.qjs_init() !== 0) throw new Error('qjs_init failed (out of memory?)');
    this.#scratch = x.malloc(16);
    if (o.memoryLimit) x.qjs_set_memory_limit(o.memoryLimit);
    x.qjs_set_max_stack_size(o.maxStackSize ?? DEFAULT_MAX_STACK);
    if (o.interruptHandler) x.qjs_set_interrupt_poll(1);
    if (o.onUnhandledRejection) x.qjs_set_rejection_tracker(1);
    this.#singletons = {};
    for (const [name, id] of Object.entries(FIXED)) this.#singletons[name] = new JSValueHandle(this, id);
    this.#bridge = this._wrap(x.qjs_bridge());
    if (snapshot) this.#bindRestoredFunctions();
  }

  #restoreHeap(snapshot) {
    const x = this.#exports;
    const base = this.#options.base === undefined ? snapshot : bytesOf(this.#options.base, 'base');
    const delta = this.#options.base === undefined ? null : snapshot;
    const copy = (b) => {
      const ptr = b.length ? x.malloc(b.length) : 0;
      if (b.length && !ptr) throw new Error('out of wasm memory');
      new Uint8Array(this.#memory.buffer, ptr, b.length).set(b);
      return ptr;
    };
    const basePtr = copy(base);
    const deltaPtr = delta ? copy(delta) : 0;
    try {
      if (x.qjs_restore(basePtr, base.length, deltaPtr, delta ? delta.length : 0, this.#options.memoryLimit ?? 0) !== 0)
        throw new Error(`qjs-wasm: cannot restore the snapshot: ${this.#cString(x.qjs_last_error())}`);
    } finally {
      if (basePtr) x.free(basePtr);
      if (deltaPtr) x.free(deltaPtr);
    }
  }

  // Every host function the restored heap holds gets its callback from options.functions (by id, else
  // by name) before the VM is handed out; a missing one fails the restore.
  #bindRestoredFunctions() {
    const provided = this.#options.functions ?? {};
    const state = this._wrap(this._exports.qjs_heap_state());
    try {
      if (state.isUndefined) return;
      const table = state.getProp('functions').consume((h) => this.dump(h));
      const lastInternal = state.getProp('lastInternal').consume((h) => (h.isUndefined ? 0 : h.toNumber()));
      for (const [key, name] of Object.entries(table)) {
        const id = Number(key);
        if (!Number.isInteger(id) || id <= 0 || id >= INTERNAL_CALLBACK) continue;
        const callback = Object.hasOwn(provided, key) ? provided[key] : Object.hasOwn(provided, name) ? provided[name] : undefined;
        if (typeof callback !== 'function') {
          this.dispose();
          throw new Error(`qjs-wasm: cannot restore the snapshot: host function '${name}' (id ${id}) has no callback in options.functions`);
        }
        this.#callbacks.set(id, callback);
        if (id >= this.#nextCallbackId) this.#nextCallbackId = id + 1;
      }
      if (Number.isInteger(lastInternal) && lastInternal >= this.#nextInternalId && lastInternal < 2 ** 32 - 1)
        this.#nextInternalId = lastInternal + 1;
    } finally {
      if (this.#alive) state.dispose();
    }
  }

  #cString(ptr) {
    const mem = new Uint8Array(this.#memory.buffer);
    let end = ptr;
    while (mem[end] !== 0) end++;
    return fromUtf8.decode(mem.subarray(ptr, end));
  }

  // ---- snapshots ----

  // The whole VM as bytes (docs/SNAPSHOT.md: the engine's validated format, which `qjs --restore`
  // reads too). With { delta: true }, only what changed since the last full snapshot this VM wrote or
  // was restored from (restore it with { base }). Handles the host holds are not part of it: after a
  // restore, read values again from the global object. Refused (an Error) inside a host callback.
  snapshot({ delta = false } = {}) {
    const x = this._exports;
    const ptr = x.qjs_snapshot(delta ? 1 : 0, this.#scratch);
    if (!ptr) throw new Error(`qjs-wasm: cannot snapshot: ${this.#cString(x.qjs_last_error())}`);
    const size = new Uint32Array(this.#memory.buffer, this.#scratch, 1)[0];
    const bytes = new Uint8Array(this.#memory.buffer, ptr, size).slice();
    x.qjs_snapshot_free(ptr);
    return bytes;
  }

  get _exports() {
    if (!this.#alive) throw new Error('QuickJS VM used after dispose');
    if (this.#trap) throw new Error(`qjs-wasm: the VM trapped (${this.#trap.message}); it cannot be used any more`);
    return this.#exports;
  }
  get alive() { return this.#alive; }
  get global() { return this.#singletons.global; }
  get undefined() { return this.#singletons.undefined; }
  get null() { return this.#singletons.null; }
  get true() { return this.#singletons.true; }
  get false() { return this.#singletons.false; }
  // Handles the host holds (owned ones; leak checks in tests).
  get liveHandles() { return this._exports.qjs_live_handles() - 1; } // less the bridge's own

  // ---- internals ----

  // An owned handle for a result id; throws JSException when the id is 0 (the call threw).
  _wrap(id) {
    if (id === 0) throw this.#takeException();
    return this.#handleOf(id);
  }
  #handleOf(id, opts) {
    if (id <= FIXED.global && !opts) {
      for (const name in FIXED) if (FIXED[name] === id) return this.#singletons[name];
    }
    return new JSValueHandle(this, id, opts);
  }
  // A result handle that may be an exception (evalCode, callFunction).
  #result(id) {
    if (id !== 0) return this.#handleOf(id);
    const e = this._exports.qjs_take_exception();
    return new JSValueHandle(this, e, { exception: true });
  }
  #takeException() {
    const h = this.#handleOf(this._exports.qjs_take_exception());
    try {
      return this.#toHostError(h);
    } finally {
      h.dispose();
    }
  }
  #toHostError(h) {
    const info = this.#callBridge('errorInfo', h).consume((s) => s.toString());
    const [name, message, stack, isError] = JSON.parse(info);
    let value;
    if (!isError) {
      try { value = this.dump(h); } catch { value = undefined; }
    }
    return new JSException(isError ? name ?? 'Error' : 'Error', message ?? '', stack ?? undefined, value);
  }
  #callBridge(name, ...args) {
    const fn = this.#withString(name, (ptr, len) => this._wrap(this._exports.qjs_get_prop_str(this.#bridge.id, ptr, len)));
    try {
      return this.unwrapResult(this.callFunction(fn, this.#bridge, ...args));
    } finally {
      fn.dispose();
    }
  }
  // Writes text into linear memory with a terminating 0 byte: [ptr, byteLength]. free() it.
  #cstr(text) {
    const bytes = utf8.encode(text);
    const ptr = this._exports.malloc(bytes.length + 1);
    if (!ptr) throw new Error('out of wasm memory');
    const mem = new Uint8Array(this.#memory.buffer, ptr, bytes.length + 1);
    mem.set(bytes);
    mem[bytes.length] = 0;
    return [ptr, bytes.length];
  }
  #withString(text, fn) {
    const [ptr, len] = this.#cstr(text);
    try {
      return fn(ptr, len);
    } finally {
      this._exports.free(ptr);
    }
  }
  #withIds(handles, fn) {
    const x = this._exports;
    const ptr = handles.length ? x.malloc(handles.length * 4) : 0;
    try {
      if (handles.length) new Uint32Array(this.#memory.buffer, ptr, handles.length).set(handles.map((h) => this.#idOf(h)));
      return fn(ptr);
    } finally {
      if (ptr) x.free(ptr);
    }
  }
  #idOf(h) {
    if (h instanceof JSValueHandle) {
      if (h.vm !== this) throw new Error('JSValueHandle of another VM');
      return h.id;
    }
    throw new TypeError('expected a JSValueHandle');
  }
  #keyId(key, fn) {
    if (key instanceof JSValueHandle) return fn(this.#idOf(key));
    const k = typeof key === 'number' ? this.newNumber(key) : this.newString(String(key));
    try {
      return fn(k.id);
    } finally {
      k.dispose();
    }
  }
  #hostCall(id, thisId, argc, argvPtr) {
    id >>>= 0; // an i32 parameter: the package's own ids have the high bit set
    const ids = Array.from(new Uint32Array(this.#memory.buffer, argvPtr, argc));
    const self = new JSValueHandle(this, thisId, { borrowed: true });
    const args = ids.map((a) => new JSValueHandle(this, a, { borrowed: true }));
    try {
      const fn = this.#callbacks.get(id);
      // The package's own callbacks (resolvePromise) of a VM this one was restored from are gone
      // with the host promise they settled.
      if (!fn && id >= INTERNAL_CALLBACK) return FIXED.undefined;
      if (!fn) throw new TypeError(`host callback ${id} is not registered`);
      let r = fn(self, ...args);
      if (!(r instanceof JSValueHandle)) r = r === undefined ? this.undefined : this.hostToHandle(r);
      // The engine consumes the returned id: an owned result handle is handed over (it is disposed
      // here), anything else is returned as a new reference.
      if (r._owned) {
        const rid = r.id;
        r._expire();
        return rid;
      }
      return this._exports.qjs_dup(this.#idOf(r));
    } catch (err) {
      return this.#throwIntoVm(err);
    } finally {
      self._expire();
      for (const a of args) a._expire();
    }
  }
  #throwIntoVm(err) {
    try {
      const e = err instanceof JSValueHandle ? err.dup() : this.newError(err);
      this._exports.qjs_throw(e.id);
      e.dispose();
    } catch {
      // out of memory while converting: the trampoline reports a generic InternalError
    }
    return 0;
  }
  // Rejections without a handler wait until the job queue is drained (a handler may still come, as
  // for `Promise.reject(x).catch(f)`); the ones still unhandled then are reported.
  #rejection(promiseId, reasonId, isHandled) {
    const x = this._exports;
    if (isHandled) {
      const i = this.#unhandled.findIndex((u) => x.qjs_strict_eq(u.promise.id, promiseId) === 1);
      if (i >= 0) for (const h of Object.values(this.#unhandled.splice(i, 1)[0])) h.dispose();
      return;
    }
    this.#unhandled.push({ promise: this._wrap(x.qjs_dup(promiseId)), reason: this._wrap(x.qjs_dup(reasonId)) });
  }
  #reportRejections() {
    if (!this.#unhandled.length || this._exports.qjs_is_job_pending()) return;
    for (const { promise, reason } of this.#unhandled.splice(0)) {
      let value;
      try { value = this.dump(reason); } catch { value = undefined; }
      reason.dispose();
      try {
        this.#options.onUnhandledRejection(value, promise);
      } finally {
        promise.dispose();
      }
    }
  }

  // ---- evaluation and calls ----

  // Evaluates code; returns its completion value, or an exception handle (isException) when it threw.
  // options: a filename string, or { filename, type: 'global' | 'module', strict }.
  evalCode(code, options = '<eval>') {
    const o = typeof options === 'string' ? { filename: options } : options;
    const flags = (o.type === 'module' ? 1 : 0) | (o.strict ? 8 : 0);
    const x = this._exports;
    return this.#withString(o.filename ?? '<eval>', (fname) =>
      this.#withString(code, (ptr, len) => this.#result(x.qjs_eval_code(ptr, len, fname, flags))));
  }
  // Returns the handle, or throws a JSException (name, message, stack) for an exception handle.
  unwrapResult(h) {
    if (!h.isException) return h;
    try {
      throw this.#toHostError(h);
    } finally {
      h.dispose();
    }
  }
  callFunction(fn, thisArg, ...args) {
    const x = this._exports;
    return this.#withIds(args, (ptr) => this.#result(x.qjs_call(this.#idOf(fn), this.#idOf(thisArg ?? this.undefined), args.length, ptr)));
  }
  construct(fn, ...args) {
    const x = this._exports;
    return this.#withIds(args, (ptr) => this.#result(x.qjs_construct(this.#idOf(fn), args.length, ptr)));
  }
  // Runs pending promise jobs (all by default); returns how many ran. Throws JSException if one threw.
  executePendingJobs(maxJobs = -1) {
    const n = this._exports.qjs_execute_pending_jobs(maxJobs);
    if (n < 0) throw this.#takeException();
    this.#reportRejections();
    return n;
  }
  // One turn of the engine's event loop (jobs, then the earliest due timer): > 0 ms until the next
  // timer, 0 more work now, -1 idle. Throws JSException when a callback threw.
  loopOnce() {
    const r = this._exports.qjs_loop_once();
    if (r === -2) throw this.#takeException();
    this.#reportRejections();
    return r;
  }
  // Drives the event loop with host timers until it is idle (timers included).
  async runLoop() {
    for (;;) {
      const r = this.loopOnce();
      if (r < 0) return;
      await new Promise((done) => setTimeout(done, r));
    }
  }

  // ---- values ----

  newNumber(n) { return this._wrap(this._exports.qjs_new_number(n)); }
  newString(s) {
    return this.#withString(String(s), (ptr, len) => this._wrap(this._exports.qjs_new_string(ptr, len)));
  }
  newBigInt(v) {
    const text = this.newString(BigInt(v).toString());
    try {
      return this.#callBridge('newBigInt', text);
    } finally {
      text.dispose();
    }
  }
  newObject() { return this._wrap(this._exports.qjs_new_object()); }
  newArray() { return this._wrap(this._exports.qjs_new_array()); }
  // An Error from a message or a host Error (its class when standard, name, message and stack kept).
  newError(messageOrError) {
    return this.hostToHandle(messageOrError instanceof Error ? messageOrError : new Error(String(messageOrError)));
  }
  // A function calling callback(thisHandle, ...argHandles) and returning its result: a handle (an owned
  // one is consumed) or a host value (converted). Its id (vm.lastCallbackId) survives in the heap.
  newFunction(name, callback, length = 0) {
    const id = this.#nextCallbackId++;
    this.#callbacks.set(id, callback);
    this.lastCallbackId = id;
    return this.#withString(name, (ptr, len) => this._wrap(this._exports.qjs_new_function(ptr, len, id, length)));
  }
  // Maps a host callback id (from newFunction) to a callback: after restoring a VM, re-register each.
  registerHostCallback(id, callback) {
    if (!Number.isInteger(id) || id <= 0 || id >= INTERNAL_CALLBACK) throw new RangeError('bad host callback id');
    this.#callbacks.set(id, callback);
    if (id >= this.#nextCallbackId) this.#nextCallbackId = id + 1;
  }
  newPromise() {
    const x = this._exports;
    const p = x.qjs_new_promise(this.#scratch);
    if (p === 0) throw this.#takeException();
    const [resolveId, rejectId] = new Uint32Array(this.#memory.buffer, this.#scratch, 2);
    return new Deferred(this, this.#handleOf(p), this.#handleOf(resolveId), this.#handleOf(rejectId));
  }
  // A host Promise settled with the engine promise's outcome: resolves with an owned handle, rejects
  // with a JSException. Drive the jobs (executePendingJobs, loopOnce) for it to settle.
  resolvePromise(h) {
    const state = this.promiseState(h);
    if (state === 1) return Promise.resolve(this._wrap(this._exports.qjs_promise_result(h.id)));
    if (state === 2) {
      return Promise.reject(this._wrap(this._exports.qjs_promise_result(h.id)).consume((e) => this.#toHostError(e)));
    }
    return new Promise((resolve, reject) => {
      const onFulfilled = this.#internalFunction((_t, v) => { resolve(v.dup()); });
      const onRejected = this.#internalFunction((_t, e) => { reject(this.#toHostError(e)); });
      const then = this.getProp(h, 'then');
      try {
        this.unwrapResult(this.callFunction(then, h, onFulfilled, onRejected)).dispose();
      } catch (err) {
        reject(err);
      } finally {
        then.dispose();
        onFulfilled.dispose();
        onRejected.dispose();
      }
    });
  }
  #internalFunction(callback) {
    const id = this.#nextInternalId++;
    this.#callbacks.set(id, (...a) => {
      this.#callbacks.delete(id);
      return callback(...a);
    });
    return this.#withString('', (ptr, len) => this._wrap(this._exports.qjs_new_function(ptr, len, id, 1)));
  }

  typeof(h) {
    const code = this._exports.qjs_typeof(this.#idOf(h));
    if (code === 0) throw this.#takeException();
    return TYPEOF[code];
  }
  toNumber(h) {
    const d = this._exports.qjs_to_number(this.#idOf(h));
    if (Number.isNaN(d) && this._exports.qjs_has_exception()) throw this.#takeException();
    return d;
  }
  toBoolean(h) {
    const r = this._exports.qjs_to_bool(this.#idOf(h));
    if (r < 0) throw this.#takeException();
    return r === 1;
  }
  toHostString(h) {
    const x = this._exports;
    const ptr = x.qjs_to_string(this.#idOf(h), this.#scratch);
    if (ptr === 0) throw this.#takeException();
    const len = new Uint32Array(this.#memory.buffer, this.#scratch, 1)[0];
    const text = fromUtf8.decode(new Uint8Array(this.#memory.buffer, ptr, len));
    x.free(ptr);
    return text;
  }
  toBigInt(h) {
    if (this.typeof(h) !== 'bigint') throw new TypeError('not a BigInt');
    return BigInt(this.toHostString(h));
  }
  promiseState(h) { return this._exports.qjs_promise_state(this.#idOf(h)); }

  // ---- properties ----

  // key: a string, a number or a handle (symbols). Throws JSException when the getter throws.
  getProp(obj, key) {
    return this.#keyId(key, (k) => this._wrap(this._exports.qjs_get_prop(this.#idOf(obj), k)));
  }
  // Throws JSException when the assignment fails (frozen object, throwing setter, strict-mode rules).
  setProp(obj, key, value) {
    const v = value instanceof JSValueHandle ? value : this.hostToHandle(value);
    try {
      this.#keyId(key, (k) => {
        if (this._exports.qjs_set_prop(this.#idOf(obj), k, v.id) < 0) throw this.#takeException();
      });
    } finally {
      if (v !== value) v.dispose();
    }
  }
  // descriptor: { value, configurable, enumerable, writable } (a data property; absent flags are false).
  defineProp(obj, key, descriptor) {
    const value = descriptor.value ?? this.undefined;
    const v = value instanceof JSValueHandle ? value : this.hostToHandle(value);
    const flags = (descriptor.configurable ? 1 : 0) | (descriptor.writable ? 2 : 0) | (descriptor.enumerable ? 4 : 0);
    try {
      this.#keyId(key, (k) => {
        if (this._exports.qjs_define_prop(this.#idOf(obj), k, v.id, flags) < 0) throw this.#takeException();
      });
    } finally {
      if (v !== value) v.dispose();
    }
  }
  deleteProp(obj, key) {
    return this.#keyId(key, (k) => {
      const r = this._exports.qjs_delete_prop(this.#idOf(obj), k);
      if (r < 0) throw this.#takeException();
      return r === 1;
    });
  }

  // ---- the value tree exchange ----

  // The value as a host value: primitives, BigInt of any size, plain objects, arrays, Map, Set, Date,
  // RegExp, ArrayBuffer, DataView, every typed array kind and errors, with cycles and shared references
  // kept. Functions, symbols, promises and weak collections come back as owned JSValueHandles.
  dump(h) {
    const pair = this.#callBridge('serialize', h);
    try {
      const text = this.getProp(pair, 0).consume((t) => t.toString());
      if (!text.includes('["x",')) return decode(text, () => undefined);
      const refs = this.getProp(pair, 1);
      try {
        return decode(text, (i) => this.getProp(refs, i));
      } finally {
        refs.dispose();
      }
    } finally {
      pair.dispose();
    }
  }
  // The host value as an engine value (the inverse of dump); JSValueHandles inside it are used as is.
  hostToHandle(value) {
    if (value instanceof JSValueHandle) return value.dup();
    switch (typeof value) {
      case 'undefined': return this.undefined;
      case 'boolean': return value ? this.true : this.false;
      case 'string': if (!/[\ud800-\udfff]/.test(value)) return this.newString(value); break;
      case 'number': return this.newNumber(value);
    }
    if (value === null) return this.null;
    const { text, refs } = encode(value, (v) => v instanceof JSValueHandle);
    const textHandle = this.newString(text);
    const refsHandle = this.newArray();
    try {
      refs.forEach((r, i) => this.setProp(refsHandle, i, r));
      return this.#callBridge('deserialize', textHandle, refsHandle);
    } finally {
      textHandle.dispose();
      refsHandle.dispose();
    }
  }

  // ---- lifetime ----

  // Frees the VM. With leakCheck, throws if handles other than the singletons were still live.
  dispose(leakCheck = false) {
    if (!this.#alive) return;
    if (this.#trap) {
      this.#alive = false;
      return;
    }
    this.#bridge.dispose();
    for (const u of this.#unhandled.splice(0)) for (const h of Object.values(u)) h.dispose();
    const live = this._exports.qjs_live_handles();
    this._exports.qjs_destroy();
    this.#alive = false;
    this.#callbacks.clear();
    if (leakCheck && live > 0) throw new Error(`${live} handle(s) were not disposed`);
  }
  [Symbol.dispose]() { this.dispose(); }
}
