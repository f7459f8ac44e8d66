// Code points above U+FFFF whose low 16 bits look like a surrogate (U+1D800, U+2D800) are not surrogates.
assertEquals(decodeURI("%F0%9D%A0%80"), "\uD836\uDC00");
assertEquals(decodeURIComponent("%F0%AD%A0%80"), "\uD876\uDC00");
assertEquals(encodeURI("\uD836\uDC00"), "%F0%9D%A0%80");
assertEquals(encodeURIComponent("\uD876\uDC00"), "%F0%AD%A0%80");
assertThrows(URIError, function () { decodeURI("%ED%A0%80"); }); // an encoded surrogate
assertThrows(URIError, function () { encodeURI("\uD800"); });

// Iterator.prototype.take/drop: limits above 2**53 - 1 (but finite) are RangeErrors.
var gen = (function* () {})();
gen.take(Number.MAX_SAFE_INTEGER);
gen.drop(Infinity);
assertThrows(RangeError, function () { gen.take(Number.MAX_SAFE_INTEGER + 1); });
assertThrows(RangeError, function () { gen.drop(Number.MAX_SAFE_INTEGER + 2); });
assertThrows(RangeError, function () { gen.take(NaN); });
