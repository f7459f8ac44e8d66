// wire.js: the host side of the value tree exchange (platform/wasm/Bridge.js describes the JSON wire
// format). encode() turns a host value into wire text plus the list of handles it refers to; decode()
// turns wire text back into a host value, calling refToHost for values that do not cross.
const typedArrayKinds = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Float16Array',
];
const errorClasses = {
  Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError,
};

function toBase64(u8) {
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode.apply(null, u8.subarray(i, i + 0x8000));
  return btoa(s);
}
function fromBase64(b64) {
  const s = atob(b64);
  const u8 = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u8[i] = s.charCodeAt(i);
  return u8;
}
function typedArrayKind(v) {
  const tag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  return tag.call(v);
}

// isHandle(v) tells values that are already engine handles (they travel as refs).
export function encode(root, isHandle) {
  const ids = new Map();
  const refs = [];
  const enc = (v) => {
    switch (typeof v) {
      case 'undefined': return ['u'];
      case 'boolean': case 'string': return v;
      case 'number':
        if (Number.isNaN(v)) return ['n', 'NaN'];
        if (v === Infinity) return ['n', 'Infinity'];
        if (v === -Infinity) return ['n', '-Infinity'];
        return Object.is(v, -0) ? ['n', '-0'] : v;
      case 'bigint': return ['b', String(v)];
      case 'symbol': throw new TypeError('a symbol cannot be converted to an engine value');
      case 'function': throw new TypeError('a function cannot be converted (use newFunction)');
    }
    if (v === null) return null;
    if (isHandle(v)) return ['x', refs.push(v) - 1];
    const seen = ids.get(v);
    if (seen !== undefined) return ['@', seen];
    ids.set(v, ids.size);
    if (v instanceof Map) return ['m', Array.from(v, ([key, value]) => [enc(key), enc(value)])];
    if (v instanceof Set) return ['s', Array.from(v, enc)];
    if (v instanceof Date) {
      const t = v.getTime();
      return ['d', Number.isNaN(t) ? null : t];
    }
    if (v instanceof RegExp) return ['r', v.source, v.flags, v.lastIndex];
    if (ArrayBuffer.isView(v)) {
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      return v instanceof DataView ? ['dv', toBase64(bytes)] : ['t', typedArrayKind(v), toBase64(bytes)];
    }
    if (v instanceof ArrayBuffer) return ['ab', toBase64(new Uint8Array(v))];
    if (v instanceof Error) {
      const node = ['e', String(v.name), String(v.message), v.stack === undefined ? undefined : String(v.stack)];
      if (Object.hasOwn(v, 'cause')) node.push(enc(v.cause));
      return node;
    }
    if (Array.isArray(v)) {
      const items = [];
      for (const key of Object.keys(v)) {
        const index = Number(key);
        if (String(index >>> 0) === key) items.push([index, enc(v[key])]);
      }
      return ['a', v.length, items];
    }
    return ['o', Object.keys(v).map((key) => [key, enc(v[key])])];
  };
  return { text: JSON.stringify(enc(root)), refs };
}

export function decode(text, refToHost) {
  const objects = [];
  const dec = (node) => {
    if (!Array.isArray(node)) return node;
    switch (node[0]) {
      case 'u': return undefined;
      case 'n': return node[1] === '-0' ? -0 : Number(node[1]);
      case 'b': return BigInt(node[1]);
      case 'x': return refToHost(node[1]);
      case '@': return objects[node[1]];
    }
    const id = objects.length;
    let v;
    switch (node[0]) {
      case 'o':
        objects[id] = v = {};
        for (const [key, value] of node[1]) {
          Object.defineProperty(v, key, { value: dec(value), writable: true, enumerable: true, configurable: true });
        }
        return v;
      case 'a':
        objects[id] = v = new Array(node[1]);
        for (const [index, value] of node[2]) v[index] = dec(value);
        return v;
      case 'm':
        objects[id] = v = new Map();
        for (const [key, value] of node[1]) v.set(dec(key), dec(value));
        return v;
      case 's':
        objects[id] = v = new Set();
        for (const value of node[1]) v.add(dec(value));
        return v;
      case 'd': v = new Date(node[1] === null ? NaN : node[1]); break;
      case 'r':
        v = new RegExp(node[1], node[2]);
        v.lastIndex = node[3];
        break;
      case 'ab': v = fromBase64(node[1]).buffer; break;
      case 'dv': v = new DataView(fromBase64(node[1]).buffer); break;
      case 't': {
        const Ctor = typedArrayKinds.includes(node[1]) ? globalThis[node[1]] : undefined;
        if (!Ctor) throw new TypeError(`typed array kind ${node[1]} is not available on this host`);
        v = new Ctor(fromBase64(node[2]).buffer);
        break;
      }
      case 'e': {
        const Ctor = errorClasses[node[1]] ?? Error;
        const message = node[2] ?? undefined;
        objects[id] = v = Ctor === AggregateError ? new AggregateError([], message) : new Ctor(message);
        if (node[1] != null && v.name !== node[1]) Object.defineProperty(v, 'name', { value: node[1], writable: true, configurable: true });
        Object.defineProperty(v, 'stack', { value: node[3] ?? undefined, writable: true, configurable: true });
        if (node.length > 4) Object.defineProperty(v, 'cause', { value: dec(node[4]), writable: true, configurable: true });
        return v;
      }
      default: throw new TypeError(`bad value tree node ${node[0]}`);
    }
    objects[id] = v;
    return v;
  };
  return dec(JSON.parse(text));
}
