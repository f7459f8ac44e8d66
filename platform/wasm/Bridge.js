// Bridge.js: the engine side of the host package's value tree exchange and error conversion. Bridge.cpp
// evaluates this expression once, before any user code, and calls it with the native helpers; the
// functions it returns keep the intrinsics they captured then, so user code that replaces globals or
// prototype methods later cannot change what crosses the boundary.
//
// Wire format (JSON text; the host package's wire.js is the other side). A node is a JSON string, a finite
// number other than -0, true, false or null, or an array whose first element is a tag:
//   ["u"] undefined   ["n", "NaN" | "Infinity" | "-Infinity" | "-0"]   ["b", decimal] BigInt
//   ["x", i] a value that does not cross (function, symbol, promise, weak collection): refs[i]
//   ["@", id] the object numbered id (objects are numbered in the order their nodes start: cycles and
//       shared references)
//   ["o", [[key, node], ...]] ordinary object (own enumerable string keys)
//   ["a", length, [[index, node], ...]] array (holes are absent indices)
//   ["m", [[node, node], ...]] Map   ["s", [node, ...]] Set   ["d", time | null] Date
//   ["r", source, flags, lastIndex] RegExp   ["ab", base64] ArrayBuffer   ["dv", base64] DataView
//   ["t", kind, base64] typed array (the bytes of its view)   ["e", name, message, stack, cause?] Error
(function (native) {
    'use strict';
    const { apply, ownKeys, getPrototypeOf, defineProperty } = Reflect;
    const getOwn = Object.getOwnPropertyDescriptor;
    const getter = (proto, key) => getOwn(proto, key).get;
    const isArray = Array.isArray;
    const isError = Error.isError;
    const stringify = JSON.stringify;
    const parse = JSON.parse;
    const ObjectCtor = Object;
    const MapCtor = Map;
    const SetCtor = Set;
    const DateCtor = Date;
    const RegExpCtor = RegExp;
    const DataViewCtor = DataView;
    const Uint8ArrayCtor = Uint8Array;
    const BigIntFn = BigInt;
    const StringFn = String;
    const is = Object.is;
    const mapSize = getter(Map.prototype, 'size');
    const setSize = getter(Set.prototype, 'size');
    const mapForEach = Map.prototype.forEach;
    const setForEach = Set.prototype.forEach;
    const mapGet = Map.prototype.get;
    const mapSet = Map.prototype.set;
    const setAdd = Set.prototype.add;
    const dateGetTime = Date.prototype.getTime;
    const reSource = getter(RegExp.prototype, 'source');
    const reFlags = getter(RegExp.prototype, 'flags');
    const TypedArrayProto = getPrototypeOf(Uint8Array.prototype);
    const taKind = getter(TypedArrayProto, Symbol.toStringTag);
    const taBuffer = getter(TypedArrayProto, 'buffer');
    const taOffset = getter(TypedArrayProto, 'byteOffset');
    const taLength = getter(TypedArrayProto, 'byteLength');
    const abLength = getter(ArrayBuffer.prototype, 'byteLength');
    const dvBuffer = getter(DataView.prototype, 'buffer');
    const dvOffset = getter(DataView.prototype, 'byteOffset');
    const dvLength = getter(DataView.prototype, 'byteLength');
    const weakMapHas = WeakMap.prototype.has;
    const weakSetHas = WeakSet.prototype.has;
    const weakRefDeref = WeakRef.prototype.deref;
    const toBase64 = Uint8Array.prototype.toBase64;
    const fromBase64 = Uint8Array.fromBase64;
    const push = Array.prototype.push;
    const isPromise = native.isPromise;
    const typedArrays = {
        Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
        Float32Array, Float64Array, BigInt64Array, BigUint64Array,
    };
    if (typeof Float16Array === 'function') typedArrays.Float16Array = Float16Array;
    const errors = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError };

    // Whether calling `fn` on v succeeds (brand checks through the intrinsics' own receiver checks).
    const hasBrand = (fn, v, args) => {
        try {
            apply(fn, v, args || []);
            return true;
        } catch {
            return false;
        }
    };
    const bytesOf = (buffer, offset, length) => apply(toBase64, new Uint8ArrayCtor(buffer, offset, length), []);
    const errorField = (e, key) => {
        try {
            const v = e[key];
            return v === undefined ? undefined : StringFn(v);
        } catch {
            return undefined;
        }
    };

    function serialize(root) {
        const ids = new MapCtor();
        const refs = [];
        const ref = (v) => ['x', apply(push, refs, [v]) - 1];
        const encode = (v) => {
            switch (typeof v) {
            case 'undefined': return ['u'];
            case 'boolean': case 'string': return v;
            case 'number':
                if (v !== v) return ['n', 'NaN'];
                if (v === Infinity) return ['n', 'Infinity'];
                if (v === -Infinity) return ['n', '-Infinity'];
                return is(v, -0) ? ['n', '-0'] : v;
            case 'bigint': return ['b', StringFn(v)];
            case 'symbol': case 'function': return ref(v);
            }
            if (v === null) return null;
            const seen = apply(mapGet, ids, [v]);
            if (seen !== undefined) return ['@', seen];
            if (isPromise(v) || hasBrand(weakMapHas, v, [{}]) || hasBrand(weakSetHas, v, [{}]) ||
                hasBrand(weakRefDeref, v)) {
                return ref(v);
            }
            apply(mapSet, ids, [v, apply(mapSize, ids, [])]);
            if (hasBrand(mapSize, v)) {
                const entries = [];
                apply(mapForEach, v, [(value, key) => apply(push, entries, [[encode(key), encode(value)]])]);
                return ['m', entries];
            }
            if (hasBrand(setSize, v)) {
                const items = [];
                apply(setForEach, v, [(value) => apply(push, items, [encode(value)])]);
                return ['s', items];
            }
            if (hasBrand(dateGetTime, v)) {
                const t = apply(dateGetTime, v, []);
                return ['d', t === t ? t : null];
            }
            if (hasBrand(reSource, v) && v !== RegExpCtor.prototype)
                return ['r', apply(reSource, v, []), apply(reFlags, v, []), v.lastIndex];
            const kind = apply(taKind, v, []);
            if (kind !== undefined) {
                return ['t', kind, bytesOf(apply(taBuffer, v, []), apply(taOffset, v, []), apply(taLength, v, []))];
            }
            if (hasBrand(abLength, v)) return ['ab', bytesOf(v, 0, apply(abLength, v, []))];
            if (hasBrand(dvLength, v))
                return ['dv', bytesOf(apply(dvBuffer, v, []), apply(dvOffset, v, []), apply(dvLength, v, []))];
            if (isError(v)) {
                const node = ['e', errorField(v, 'name'), errorField(v, 'message'), errorField(v, 'stack')];
                const cause = getOwn(v, 'cause');
                if (cause && 'value' in cause) apply(push, node, [encode(cause.value)]);
                return node;
            }
            if (isArray(v)) {
                const items = [];
                const length = v.length;
                const keys = ownKeys(v);
                for (let i = 0; i < keys.length; i++) {
                    const key = keys[i];
                    if (typeof key !== 'string') continue;
                    const index = +key;
                    if (StringFn(index >>> 0) === key && index < length) apply(push, items, [[index, encode(v[key])]]);
                }
                return ['a', length, items];
            }
            const props = [];
            const keys = ownKeys(v);
            for (let i = 0; i < keys.length; i++) {
                const key = keys[i];
                if (typeof key !== 'string') continue;
                const desc = getOwn(v, key);
                if (desc && desc.enumerable) apply(push, props, [[key, encode(v[key])]]);
            }
            return ['o', props];
        };
        const text = stringify(encode(root));
        return [text, refs];
    }

    function deserialize(text, refs) {
        const objects = [];
        const bytes = (b64) => apply(fromBase64, Uint8ArrayCtor, [b64]);
        const decode = (node) => {
            if (!isArray(node)) return node;
            switch (node[0]) {
            case 'u': return undefined;
            case 'n': return node[1] === '-0' ? -0 : +node[1];
            case 'b': return BigIntFn(node[1]);
            case 'x': return refs[node[1]];
            case '@': return objects[node[1]];
            }
            const id = objects.length;
            let v;
            switch (node[0]) {
            case 'o':
                v = {};
                objects[id] = v;
                for (let i = 0; i < node[1].length; i++) {
                    const entry = node[1][i];
                    defineProperty(v, entry[0], { value: decode(entry[1]), writable: true, enumerable: true, configurable: true });
                }
                return v;
            case 'a':
                v = [];
                objects[id] = v;
                v.length = node[1];
                for (let i = 0; i < node[2].length; i++) {
                    const entry = node[2][i];
                    defineProperty(v, entry[0], { value: decode(entry[1]), writable: true, enumerable: true, configurable: true });
                }
                return v;
            case 'm':
                v = new MapCtor();
                objects[id] = v;
                for (let i = 0; i < node[1].length; i++) apply(mapSet, v, [decode(node[1][i][0]), decode(node[1][i][1])]);
                return v;
            case 's':
                v = new SetCtor();
                objects[id] = v;
                for (let i = 0; i < node[1].length; i++) apply(setAdd, v, [decode(node[1][i])]);
                return v;
            case 'd': v = new DateCtor(node[1] === null ? NaN : node[1]); break;
            case 'r':
                v = new RegExpCtor(node[1], node[2]);
                v.lastIndex = node[3];
                break;
            case 'ab': v = apply(taBuffer, bytes(node[1]), []); break;
            case 'dv': v = new DataViewCtor(apply(taBuffer, bytes(node[1]), [])); break;
            case 't': {
                const Ctor = typedArrays[node[1]];
                if (!Ctor) throw new TypeError('unknown typed array kind ' + node[1]);
                v = new Ctor(apply(taBuffer, bytes(node[2]), []));
                break;
            }
            case 'e':
                objects[id] = v = newError(node[1] ?? undefined, node[2] ?? undefined, node[3] ?? undefined);
                if (node.length > 4)
                    defineProperty(v, 'cause', { value: decode(node[4]), writable: true, configurable: true });
                return v;
            default: throw new TypeError('bad value tree node ' + StringFn(node[0]));
            }
            objects[id] = v;
            return v;
        };
        return decode(parse(text));
    }

    // An error of the standard class `name` (Error otherwise, with that name) and the given stack.
    function newError(name, message, stack) {
        const Ctor = (name && errors[name]) || Error;
        const e = Ctor === AggregateError ? new Ctor([], message) : new Ctor(message);
        if (name !== undefined && name !== e.name)
            defineProperty(e, 'name', { value: name, writable: true, configurable: true });
        if (stack !== undefined) defineProperty(e, 'stack', { value: stack, writable: true, configurable: true });
        return e;
    }

    // [name, message, stack] of a thrown value, as JSON text (never throws).
    function errorInfo(e) {
        if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
            return stringify([errorField(e, 'name'), errorField(e, 'message'), errorField(e, 'stack'), isError(e)]);
        }
        let text;
        try {
            text = StringFn(e);
        } catch {
            text = typeof e;
        }
        return stringify([undefined, text, undefined, false]);
    }

    return ObjectCtor.freeze({
        serialize,
        deserialize,
        newError,
        errorInfo,
        ownKeys: (o) => ownKeys(o),
        newBigInt: (text) => BigIntFn(text),
    });
})
