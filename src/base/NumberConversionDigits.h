// NumberConversionDigits.h: the engine's own binary <-> decimal digit algorithms, used by
// NumberConversion.cpp (and by its unit tests, which compare them against the C++ library).
//
// - shortest_decimal: the shortest decimal that reads back as the same double, nearest to it
//   (ties to an even last digit), by the Schubfach method: one 128-bit multiplication scales the
//   value and both ends of its rounding interval by a power of ten, rounded to odd so that the
//   comparisons with decimal candidates stay exact.
// - exact_decimal: every significant digit of a double (at most 767), with a small big integer.
// - decimal_to_double: correctly rounded value of a digit string times a power of ten: a 64-bit
//   estimate from the same power table, settled by exact big-integer comparison with the halfway
//   point only when the estimate lies too close to it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace qjs::numconv {

// Positive finite v == sig * 10^exp10, with sig the shortest round-trip digits (no trailing
// zeros, at most 17 digits).
void shortest_decimal(double v, uint64_t& sig, int& exp10);

// Digits of positive finite v: v == 0.d1d2...dn * 10^point exactly, trailing zeros dropped.
// `out` needs kExactDigitsMax bytes; returns n.
inline constexpr int kExactDigitsMax = 800;
int exact_decimal(double v, char* out, int& point);

// Correctly rounded (ties to even) value of D * 10^dexp, where D is the decimal integer written
// by the `nd` ASCII digits (nd >= 1, first digit nonzero, nd <= kMaxParseDigits). A value with
// more digits must be cut to kMaxParseDigits with a nonzero last digit when anything nonzero was
// cut (halfway points between doubles need at most 767 significant digits).
inline constexpr int kMaxParseDigits = 782;
double decimal_to_double(const char* digits, int nd, int64_t dexp);

} // namespace qjs::numconv
