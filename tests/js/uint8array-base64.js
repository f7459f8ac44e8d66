// Uint8Array base64 / hex: fromBase64, fromHex, toBase64, toHex, setFromBase64, setFromHex.
var bytes = new Uint8Array([0xfb, 0xff, 0x00, 0x41, 0x42]);
assertEquals(bytes.toBase64(), "+/8AQUI=");
assertEquals(bytes.toBase64({ alphabet: "base64url" }), "-_8AQUI=");
assertEquals(bytes.toBase64({ omitPadding: true }), "+/8AQUI");
assertEquals(bytes.toHex(), "fbff004142");
assertArrayEquals(Uint8Array.fromBase64("+/8A QUI="), [0xfb, 0xff, 0x00, 0x41, 0x42]);
assertArrayEquals(Uint8Array.fromBase64("-_8AQUI", { alphabet: "base64url" }), [0xfb, 0xff, 0x00, 0x41, 0x42]);
assertArrayEquals(Uint8Array.fromHex("fBff004142"), [0xfb, 0xff, 0x00, 0x41, 0x42]);
// "QUJ=" leaves non-zero padding bits: an error only for "strict".
assertEquals(Uint8Array.fromBase64("QUJ=").length, 2);
assertThrows(SyntaxError, function () { Uint8Array.fromBase64("QUJ=", { lastChunkHandling: "strict" }); });
assertThrows(SyntaxError, function () { Uint8Array.fromBase64("Q"); });
assertThrows(SyntaxError, function () { Uint8Array.fromHex("abc"); });
assertThrows(TypeError, function () { Uint8Array.fromBase64(1); });
assertThrows(TypeError, function () { Uint8Array.fromBase64("", { alphabet: "other" }); });
assertThrows(TypeError, function () { Uint8Array.prototype.toHex.call(new Int8Array(1)); });
assertEquals(Uint8Array.fromBase64("QUJD", { lastChunkHandling: "stop-before-partial" }).length, 3);
assertEquals(Uint8Array.fromBase64("QUJDRA", { lastChunkHandling: "stop-before-partial" }).length, 3);

// setFrom*: writes what fits and reports { read, written }.
var target = new Uint8Array(4);
var r = target.setFromBase64("QUJDREVG");
assertEquals(r.read, 4);
assertEquals(r.written, 3);
assertArrayEquals(target, [0x41, 0x42, 0x43, 0]);
target = new Uint8Array(2);
r = target.setFromHex("0102030405");
assertEquals(r.read, 4);
assertEquals(r.written, 2);
assertArrayEquals(target, [1, 2]);
// A decoding error is thrown after the complete chunks before it are written.
target = new Uint8Array(6);
assertThrows(SyntaxError, function () { target.setFromBase64("QUJD*"); });
assertArrayEquals(target, [0x41, 0x42, 0x43, 0, 0, 0]);
