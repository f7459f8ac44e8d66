// wasi.js: the WASI preview1 functions the reactor imports (clock, random, stdio), for Node and browsers
// alike (no node:wasi). Anything else the module might import answers ENOSYS.
const ERRNO_SUCCESS = 0;
const ERRNO_BADF = 8;
const ERRNO_INVAL = 28;
const ERRNO_NOSYS = 52;

export class WasiExit extends Error {
  constructor(code) {
    super(`WASI proc_exit(${code})`);
    this.code = code;
  }
}

// options.now(): milliseconds since the epoch (Date.now by default); options.monotonic(): milliseconds
// from any origin (performance.now); options.random(bytes): fills a Uint8Array (crypto.getRandomValues);
// options.stdout / options.stderr(text): output (console by default).
export function makeWasi(getMemory, options = {}) {
  const now = options.now ?? (() => Date.now());
  const monotonic = options.monotonic ?? options.now ?? (() => performance.now());
  const random = options.random ?? ((bytes) => crypto.getRandomValues(bytes));
  const decoders = new Map();
  const outputs = {
    1: options.stdout ?? ((text) => console.log(text.replace(/\n$/, ''))),
    2: options.stderr ?? ((text) => console.error(text.replace(/\n$/, ''))),
  };
  const view = () => new DataView(getMemory().buffer);
  const bytes = (ptr, len) => new Uint8Array(getMemory().buffer, ptr, len);

  const imports = {
    clock_time_get(id, _precision, out) {
      const ms = id === 0 ? now() : monotonic();
      view().setBigUint64(out, BigInt(Math.round(ms * 1e6)), true);
      return ERRNO_SUCCESS;
    },
    clock_res_get(_id, out) {
      view().setBigUint64(out, 1000n, true);
      return ERRNO_SUCCESS;
    },
    random_get(ptr, len) {
      // getRandomValues takes at most 65536 bytes per call.
      for (let off = 0; off < len; off += 65536) random(bytes(ptr + off, Math.min(65536, len - off)));
      return ERRNO_SUCCESS;
    },
    fd_write(fd, iovs, iovsLen, outWritten) {
      const out = outputs[fd];
      if (!out) return ERRNO_BADF;
      let decoder = decoders.get(fd);
      if (!decoder) decoders.set(fd, (decoder = new TextDecoder()));
      const v = view();
      let written = 0;
      let text = '';
      for (let i = 0; i < iovsLen; i++) {
        const ptr = v.getUint32(iovs + i * 8, true);
        const len = v.getUint32(iovs + i * 8 + 4, true);
        text += decoder.decode(bytes(ptr, len), { stream: true });
        written += len;
      }
      if (text) out(text);
      v.setUint32(outWritten, written, true);
      return ERRNO_SUCCESS;
    },
    fd_read(fd, _iovs, _iovsLen, outRead) {
      if (fd !== 0) return ERRNO_BADF;
      view().setUint32(outRead, 0, true); // stdin is empty
      return ERRNO_SUCCESS;
    },
    fd_close: () => ERRNO_SUCCESS,
    fd_seek: () => ERRNO_INVAL,
    fd_fdstat_get(fd, out) {
      if (fd > 2) return ERRNO_BADF;
      const v = view();
      v.setUint8(out, 2); // character device
      v.setUint16(out + 2, 0, true);
      v.setBigUint64(out + 8, 0n, true);
      v.setBigUint64(out + 16, 0n, true);
      return ERRNO_SUCCESS;
    },
    fd_prestat_get: () => ERRNO_BADF, // no preopened folders
    environ_sizes_get(outCount, outSize) {
      view().setUint32(outCount, 0, true);
      view().setUint32(outSize, 0, true);
      return ERRNO_SUCCESS;
    },
    environ_get: () => ERRNO_SUCCESS,
    args_sizes_get(outCount, outSize) {
      view().setUint32(outCount, 0, true);
      view().setUint32(outSize, 0, true);
      return ERRNO_SUCCESS;
    },
    args_get: () => ERRNO_SUCCESS,
    proc_exit(code) {
      throw new WasiExit(code);
    },
  };
  return new Proxy(imports, {
    get: (target, name) => target[name] ?? (() => ERRNO_NOSYS),
  });
}
