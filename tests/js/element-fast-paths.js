// The interpreter's element fast paths (array append, typed-array get/set) must agree with the
// generic [[Get]]/[[Set]] in every case they can meet.

// ---- a[a.length] = v and push on dense arrays ----
(function () {
    const a = [];
    for (let i = 0; i < 1000; i++) a[a.length] = i;
    assertEquals(a.length, 1000);
    assertEquals(a[999], 999);
    const b = [];
    for (let i = 0; i < 1000; i++) b.push(i * 2);
    assertEquals(b.length, 1000);
    assertEquals(b[500], 1000);
    assertEquals(Object.keys(b).length, 1000);
})();

// A setter for the next index on Array.prototype intercepts the append.
(function () {
    function append(arr, v) { arr[arr.length] = v; }
    const warm = [];
    for (let i = 0; i < 10; i++) append(warm, i);
    let seen = "";
    Object.defineProperty(Array.prototype, "3", {
        set(v) { seen += (seen ? "," : "") + v; }, get() { return "proto"; }, configurable: true,
    });
    try {
        const a = [0, 1, 2];
        append(a, "x");
        assertEquals(seen, "x", "the prototype setter ran");
        assertEquals(a.length, 3, "no own element was created");
        assertEquals(a[3], "proto");
        const b = [0, 1, 2];
        b.push("y");
        assertEquals(seen, "x,y");
        assertEquals(b.length, 4, "push sets length even when the setter swallowed the element");
        assertEquals(Object.prototype.hasOwnProperty.call(b, 3), false);
    } finally {
        delete Array.prototype[3];
    }
    // An indexed property on Object.prototype (two levels up) intercepts too.
    Object.defineProperty(Object.prototype, "2", { set(v) { seen += ",o" + v; }, configurable: true });
    try {
        const c = [0, 1];
        append(c, 5);
        assertEquals(seen, "x,y,o5");
        assertEquals(c.length, 2);
    } finally {
        delete Object.prototype[2];
    }
    const d = [0, 1];
    append(d, 5);
    assertEquals(d.length, 3, "after the accessor is gone, appends work again");
    assertEquals(d[2], 5);
    // A read-only inherited index blocks the append (silently in sloppy code).
    Object.defineProperty(Array.prototype, "1", { value: "ro", writable: false, configurable: true });
    try {
        const e = [0];
        append(e, 9);
        assertEquals(e.length, 1);
        assertEquals(e[1], "ro");
        assert((() => { "use strict"; try { e[e.length] = 1; return false; } catch (x) { return x instanceof TypeError; } })());
    } finally {
        delete Array.prototype[1];
    }
})();

// Frozen, non-extensible, read-only-length and prototype-swapped arrays.
(function () {
    function append(arr, v) { arr[arr.length] = v; }
    for (let i = 0; i < 10; i++) append([], i);
    const f = Object.freeze([1, 2]);
    append(f, 3);
    assertEquals(f.length, 2);
    const n = Object.preventExtensions([1, 2]);
    append(n, 3);
    assertEquals(n.length, 2);
    const r = [1, 2];
    Object.defineProperty(r, "length", { writable: false });
    append(r, 3);
    assertEquals(r.length, 2);
    assertEquals(r[2], undefined);
    assert((() => { "use strict"; try { r.push(1); return false; } catch (x) { return x instanceof TypeError; } })());
    const p = [1, 2];
    let log = "";
    Object.setPrototypeOf(p, { set 2(v) { log += v; } });
    append(p, 3);
    assertEquals(log, "3");
    assertEquals(p.length, 2);
    // A holey array is not dense: appending past a hole still works.
    const h = [1, , 3];
    append(h, 4);
    assertEquals(h.length, 4);
    assertEquals(h[3], 4);
    assertEquals(1 in h, false);
})();

// ---- typed arrays ----
(function () {
    const i32 = new Int32Array(4);
    for (let i = 0; i < 4; i++) i32[i] = i * 1.5 - 2;
    assertEquals(Array.from(i32).join(), "-2,0,1,2");
    i32[0] = 2 ** 32 + 5;
    assertEquals(i32[0], 5, "ToInt32 wraps");
    i32[1] = "7";
    assertEquals(i32[1], 7, "non-number values convert");
    i32[10] = 1; // out of range: ignored
    assertEquals(i32[10], undefined);
    assertEquals(Object.keys(i32).join(), "0,1,2,3");
    assertEquals(i32[-1], undefined);
    i32[-1] = 3;
    assertEquals(Object.keys(i32).length, 4, "-1 is a canonical numeric key: no property");

    const u8c = new Uint8ClampedArray(3);
    u8c[0] = 300; u8c[1] = -5; u8c[2] = 1.5;
    assertEquals(Array.from(u8c).join(), "255,0,2");
    const f32 = new Float32Array(2);
    f32[0] = 0.1;
    assertEquals(f32[0], Math.fround(0.1));
    f32[1] = NaN;
    assert(f32[1] !== f32[1]);
    const f64 = new Float64Array(1);
    f64[0] = -0;
    assertEquals(f64[0], -0);
    const u32 = new Uint32Array(1);
    u32[0] = -1;
    assertEquals(u32[0], 4294967295);
    const big = new BigInt64Array(2);
    big[0] = 5n;
    assertEquals(big[0], 5n);
    let threw = false;
    try { big[1] = 1; } catch (e) { threw = e instanceof TypeError; }
    assert(threw, "BigInt arrays reject numbers");

    // valueOf runs for objects even when the index is out of range.
    let calls = 0;
    i32[100] = { valueOf() { calls++; return 1; } };
    assertEquals(calls, 1);

    // Prototype indexed properties are never consulted for numeric keys.
    Object.defineProperty(Int8Array.prototype, "5", { get() { return "proto"; }, configurable: true });
    try {
        const t = new Int8Array(2);
        assertEquals(t[5], undefined);
        assertEquals(t[1], 0);
    } finally {
        delete Int8Array.prototype[5];
    }

    // Views with an offset, and detached buffers.
    const buf = new ArrayBuffer(16);
    const view = new Uint16Array(buf, 4, 2);
    view[1] = 0xabcd;
    assertEquals(new Uint8Array(buf)[6], 0xcd);
    const d = new Uint8Array(8);
    d[0] = 1;
    if (typeof $262 !== "undefined" && $262.detachArrayBuffer) $262.detachArrayBuffer(d.buffer);
    else if (d.buffer.transfer) d.buffer.transfer();
    assertEquals(d[0], undefined, "reading a detached view gives undefined");
    d[0] = 5;
    assertEquals(d[0], undefined);
    assertEquals(d.length, 0);

    // Resizable buffers: length-tracking views follow the buffer.
    if (ArrayBuffer.prototype.resize) {
        const rb = new ArrayBuffer(4, { maxByteLength: 8 });
        const tr = new Uint8Array(rb);
        tr[3] = 9;
        rb.resize(2);
        assertEquals(tr[3], undefined);
        rb.resize(8);
        tr[7] = 4;
        assertEquals(tr[7], 4);
    }
})();

// The interpreter reads and writes in-bounds elements of fixed-length views directly: each case
// where it must hand over to the general path.
(function () {
    function read(t, i) { return t[i]; }
    function write(t, i, v) { t[i] = v; }
    // Integer writes truncate to the element width; clamped arrays clamp.
    const i8 = new Int8Array(2), u16 = new Uint16Array(2), i16 = new Int16Array(1), u8c = new Uint8ClampedArray(2);
    write(i8, 0, 200); write(i8, 1, -129);
    assertEquals(read(i8, 0) + "," + read(i8, 1), "-56,127");
    write(u16, 0, -1); write(u16, 1, 65537);
    assertEquals(read(u16, 0) + "," + read(u16, 1), "65535,1");
    write(i16, 0, 40000);
    assertEquals(read(i16, 0), -25536);
    write(u8c, 0, 300); write(u8c, 1, -5);
    assertEquals(read(u8c, 0) + "," + read(u8c, 1), "255,0");
    const f64 = new Float64Array(1), f32 = new Float32Array(1), u32 = new Uint32Array(1);
    write(f64, 0, 7);
    assertEquals(read(f64, 0), 7);
    write(f32, 0, 16777217);
    assertEquals(read(f32, 0), 16777216);
    write(u32, 0, -2);
    assertEquals(read(u32, 0), 4294967294);
    if (typeof Float16Array === "function") {
        const f16 = new Float16Array(1);
        write(f16, 0, 2049);
        assertEquals(read(f16, 0), 2048);
    }
    // A view shorter than its buffer: an index past the view never touches the rest of the buffer.
    const whole = new Uint8Array(8);
    const part = new Uint8Array(whole.buffer, 2, 2);
    write(part, 2, 9); write(part, -1, 9);
    assertEquals(whole.join(""), "00000000");
    write(part, 1, 9);
    assertEquals(whole.join(""), "00090000");
    // A fixed-length view on a resizable buffer that shrinks below its end is out of bounds as a
    // whole: even the elements still inside the buffer read as undefined and ignore writes.
    if (ArrayBuffer.prototype.resize) {
        const rb = new ArrayBuffer(4, { maxByteLength: 8 });
        const fixed = new Uint8Array(rb, 1, 2);
        write(fixed, 0, 5);
        assertEquals(read(fixed, 0), 5);
        rb.resize(2);
        assertEquals(read(fixed, 0), undefined);
        write(fixed, 0, 6);
        rb.resize(4);
        assertEquals(read(fixed, 0), 5, "the write while out of bounds was ignored");
    }
    // Immutable buffers ignore writes.
    if (ArrayBuffer.prototype.transferToImmutable) {
        const frozen = new Int32Array(new Int32Array([1, 2]).buffer.transferToImmutable());
        write(frozen, 0, 9);
        assertEquals(read(frozen, 0), 1);
    }
    // The same sites on arrays, strings and plain objects still work.
    assertEquals(read([4, 5], 1), 5);
    assertEquals(read("xy", 1), "y");
    const plain = { 3: "three" };
    assertEquals(read(plain, 3), "three");
    write(plain, 3, "drei");
    assertEquals(plain[3], "drei");
})();
