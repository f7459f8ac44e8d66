// NumberConversion.h: ECMAScript number <-> string conversions.
//
// Every formatter writes ASCII into a caller-provided buffer (no NUL terminator) and returns the
// number of bytes written; the buffer size constants below bound the output. Every parser takes a
// (pointer, length) pair over UTF-16 or Latin-1 code units and never allocates.
#pragma once

#include <cstddef>
#include <cstdint>

namespace qjs {

// Longest Number::toString(x) result: "-1.2345678901234567e-308" (24) and
// "-0.0000012345678901234567" (25); 32 leaves slack.
inline constexpr size_t kNumberToStringBufferSize = 32;
// Longest int32_to_string result: "-2147483648" (11).
inline constexpr size_t kInt32ToStringBufferSize = 12;
// Bound for to_fixed / to_exponential / to_precision with up to 100 fraction digits:
// to_fixed(-(1e21 - 1), 100) is 1 + 21 + 1 + 100 = 123 bytes; the others are shorter.
inline constexpr size_t kNumberFormatBufferSize = 128;
// Bound for number_to_string_radix: 5e-324 in base 2 is "0." plus 1074 digits; a sign adds 1.
// Integral parts and fractions never both get long (only 53 significant bits exist).
inline constexpr size_t kRadixBufferSize = 1100;

// Number::toString(v) with radix 10 (ECMA-262 6.1.6.1.20): shortest round-trip digits,
// "NaN", "Infinity", "-Infinity", -0 -> "0". `buf` needs kNumberToStringBufferSize bytes.
size_t number_to_string(double v, char* buf);

// Decimal form of an int32 (fast path for integer-valued numbers). `buf` needs 12 bytes.
size_t int32_to_string(int32_t v, char* buf);

// Number.prototype.toString(radix) for radix 2..36 (radix 10 delegates to number_to_string).
// Integral part: exact digits while the quotient is exactly representable; beyond 2^53 the low
// digits are zeros (as in other engines), since those values carry no more information.
// Fraction part: emits digits until the remainder is smaller than half the gap to the next
// double (so the result reads back as the same double), then rounds the last digit to nearest.
// Returns 0 if `cap` is too small (kRadixBufferSize is always enough).
size_t number_to_string_radix(double v, int radix, char* buf, size_t cap);

// Number.prototype.toFixed(fraction_digits), 0 <= fraction_digits <= 100 (the caller throws the
// RangeError). Rounds the exact binary value half-up as the spec requires. For |v| >= 1e21
// returns number_to_string(v). `buf` needs kNumberFormatBufferSize bytes.
size_t to_fixed(double v, int fraction_digits, char* buf);

// Number.prototype.toExponential(fraction_digits), 0..100, or -1 when the argument was
// undefined ("as many digits as necessary to uniquely specify the number"). Non-finite values
// give "NaN"/"Infinity"/"-Infinity". `buf` needs kNumberFormatBufferSize bytes.
size_t to_exponential(double v, int fraction_digits, char* buf);

// Number.prototype.toPrecision(precision), 1 <= precision <= 100 (the caller handles undefined
// by calling number_to_string, and throws the RangeError). `buf` needs kNumberFormatBufferSize.
size_t to_precision(double v, int precision, char* buf);

// StringToNumber (ECMA-262 7.1.4.1.1): trims WhiteSpace and LineTerminator, "" -> 0,
// [+-]Infinity, [+-]decimal literal (no numeric separators), 0x/0o/0b without sign,
// otherwise NaN. Decimal results are correctly rounded; so are 0x/0o/0b of any length.
double string_to_number(const char16_t* s, size_t len);
double string_to_number(const uint8_t* s, size_t len); // Latin-1

// parseInt(string, radix) after ToString/ToInt32: `radix` 0 means "not given" (10, or 16 with a
// 0x prefix). The result is the correctly rounded value of the digit prefix in every radix (the
// spec allows approximation for radixes other than 2/4/8/10/16/32; we don't need it).
double parse_int(const char16_t* s, size_t len, int32_t radix);
double parse_int(const uint8_t* s, size_t len, int32_t radix);

// parseFloat(string): skips leading whitespace, then the longest prefix that is a
// StrDecimalLiteral (sign, digits, fraction, exponent, or "Infinity"); NaN if none.
double parse_float(const char16_t* s, size_t len);
double parse_float(const uint8_t* s, size_t len);

// Correctly rounded value of an ASCII decimal literal already validated by the caller (the
// lexer): digits with optional '.', optional exponent; '_' separators are skipped.
double parse_decimal_literal(const char* s, size_t len);
double parse_decimal_literal(const char16_t* s, size_t len);

// Correctly rounded value of ASCII digits in radix 2, 8 or 16 (lexer 0x/0o/0b bodies and legacy
// octal); '_' separators are skipped. Returns NaN on an invalid digit.
double parse_radix_literal(const char* s, size_t len, int radix);
double parse_radix_literal(const char16_t* s, size_t len, int radix);

} // namespace qjs
