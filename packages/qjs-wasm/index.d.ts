// Types of qjs-wasm (src/index.js).

export type WasmInput = BufferSource | WebAssembly.Module | URL | string;

export interface QuickJSOptions {
  /** The .wasm (default: the package's qjs.wasm). */
  wasm?: WasmInput;
  /** Bytes of engine memory; allocations beyond throw an out-of-memory InternalError. */
  memoryLimit?: number;
  /** Bytes of the 1 MiB wasm stack the engine may use (default 256 KiB: the host's own stack must not run out first). */
  maxStackSize?: number;
  /** Polled during long runs; returning true ends the running script with an uncatchable error. */
  interruptHandler?: () => boolean;
  /** Called for promises rejected without a handler: the reason as a host value, and the promise. */
  onUnhandledRejection?: (reason: unknown, promise: JSValueHandle) => void;
  /** Output of the engine's stdout and stderr (default: console.log / console.error). */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Wall clock in ms since the epoch (Date.now by default): a fixed clock makes runs deterministic. */
  now?: () => number;
  /** Monotonic clock in ms (timers); defaults to `now` when given, else performance.now. */
  monotonic?: () => number;
  /** Fills bytes with random data (crypto.getRandomValues by default). */
  random?: (bytes: Uint8Array) => void;
}

export interface RestoreOptions extends QuickJSOptions {
  /** A callback for every host function of the snapshot, by name or by id; a missing one fails the restore. */
  functions?: Record<string, HostCallback>;
  /** The full snapshot a delta snapshot was written against. */
  base?: BufferSource;
}

export interface EvalOptions {
  filename?: string;
  type?: 'global' | 'module';
  strict?: boolean;
}

export type HostCallback = (thisArg: JSValueHandle, ...args: JSValueHandle[]) => JSValueHandle | unknown;

export class JSException extends Error {
  /** The engine's stack trace. */
  jsStack?: string;
  /** The thrown value as a host value when it was not an Error object. */
  value?: unknown;
}

export class JSValueHandle implements Disposable {
  readonly vm: QuickJS;
  readonly id: number;
  readonly alive: boolean;
  readonly isException: boolean;
  readonly isUndefined: boolean;
  readonly isNull: boolean;
  readonly typeof: string;
  /** -1 not a promise, 0 pending, 1 fulfilled, 2 rejected. */
  readonly promiseState: number;
  toNumber(): number;
  toBigInt(): bigint;
  toBoolean(): boolean;
  toString(): string;
  getProp(key: string | number | JSValueHandle): JSValueHandle;
  setProp(key: string | number | JSValueHandle, value: JSValueHandle | unknown): void;
  dump(): unknown;
  consume<T>(fn: (handle: JSValueHandle) => T): T;
  dup(): JSValueHandle;
  dispose(): void;
  [Symbol.dispose](): void;
}

export class Deferred implements Disposable {
  readonly handle: JSValueHandle;
  readonly settled: Promise<void>;
  resolve(value?: JSValueHandle): void;
  reject(value?: JSValueHandle): void;
  dispose(): void;
  [Symbol.dispose](): void;
}

export class QuickJS implements Disposable {
  static create(wasmInput?: WasmInput, options?: QuickJSOptions): Promise<QuickJS>;
  static create(options: QuickJSOptions): Promise<QuickJS>;
  /** A VM from snapshot bytes (vm.snapshot() or `qjs --snapshot`); bad bytes reject with an Error. */
  static restore(snapshot: BufferSource, wasmInput?: WasmInput, options?: RestoreOptions): Promise<QuickJS>;
  static restore(snapshot: BufferSource, options: RestoreOptions): Promise<QuickJS>;

  readonly alive: boolean;
  readonly global: JSValueHandle;
  readonly undefined: JSValueHandle;
  readonly null: JSValueHandle;
  readonly true: JSValueHandle;
  readonly false: JSValueHandle;
  readonly liveHandles: number;
  /** The id given to the last function made by newFunction. */
  readonly lastCallbackId?: number;

  evalCode(code: string, options?: string | EvalOptions): JSValueHandle;
  unwrapResult(handle: JSValueHandle): JSValueHandle;
  callFunction(fn: JSValueHandle, thisArg: JSValueHandle | undefined, ...args: JSValueHandle[]): JSValueHandle;
  construct(fn: JSValueHandle, ...args: JSValueHandle[]): JSValueHandle;
  executePendingJobs(maxJobs?: number): number;
  /** The whole VM as bytes, or with delta only what changed since the last full snapshot (throws inside a host callback). */
  snapshot(options?: { delta?: boolean }): Uint8Array;
  loopOnce(): number;
  runLoop(): Promise<void>;

  newNumber(n: number): JSValueHandle;
  newString(s: string): JSValueHandle;
  newBigInt(v: bigint | number | string): JSValueHandle;
  newObject(): JSValueHandle;
  newArray(): JSValueHandle;
  newError(messageOrError: string | Error): JSValueHandle;
  newFunction(name: string, callback: HostCallback, length?: number): JSValueHandle;
  registerHostCallback(id: number, callback: HostCallback): void;
  newPromise(): Deferred;
  resolvePromise(handle: JSValueHandle): Promise<JSValueHandle>;

  typeof(handle: JSValueHandle): string;
  toNumber(handle: JSValueHandle): number;
  toBoolean(handle: JSValueHandle): boolean;
  toHostString(handle: JSValueHandle): string;
  toBigInt(handle: JSValueHandle): bigint;
  promiseState(handle: JSValueHandle): number;

  getProp(obj: JSValueHandle, key: string | number | JSValueHandle): JSValueHandle;
  setProp(obj: JSValueHandle, key: string | number | JSValueHandle, value: JSValueHandle | unknown): void;
  defineProp(
    obj: JSValueHandle,
    key: string | number | JSValueHandle,
    descriptor: { value?: JSValueHandle | unknown; configurable?: boolean; enumerable?: boolean; writable?: boolean },
  ): void;
  deleteProp(obj: JSValueHandle, key: string | number | JSValueHandle): boolean;

  dump(handle: JSValueHandle): unknown;
  hostToHandle(value: unknown): JSValueHandle;

  dispose(leakCheck?: boolean): void;
  [Symbol.dispose](): void;
}
