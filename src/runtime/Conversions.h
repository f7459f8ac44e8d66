// Conversions.h: the spec's type conversions and comparisons (7.1, 7.2).
#pragma once

#include "runtime/Atom.h"
#include "runtime/Value.h"

#include <cstdint>

namespace qjs {

class Context;
class Object;
class String;

enum class PreferredType : uint8_t { Default, Number, String };

Value to_primitive(Context&, const Value&, PreferredType = PreferredType::Default);
Value ordinary_to_primitive(Context&, Object*, PreferredType);
bool to_boolean(const Value&);
Result<double> to_number(Context&, const Value&);
Value to_numeric(Context&, const Value&);               // a Number or a BigInt value
Value to_string(Context&, const Value&);                // a String value
Result<String*> to_string_cell(Context&, const Value&); // new reference
Value to_object(Context&, const Value&);
Result<Atom> to_property_key(Context&, const Value&);
Result<double> to_integer_or_infinity(Context&, const Value&);
Result<int32_t> to_int32(Context&, const Value&);
Result<uint32_t> to_uint32(Context&, const Value&);
Result<uint16_t> to_uint16(Context&, const Value&);
Result<uint64_t> to_length(Context&, const Value&);
Result<uint64_t> to_index(Context&, const Value&);
Value require_object_coercible(Context&, const Value&); // the value itself, or throws
Value number_to_string_value(Context&, double);
// Converts a double to int32 (ToInt32 on a number).
int32_t double_to_int32(double);
Value canonical_numeric_index_string(Context&, const Value&); // undefined or a number

bool same_value(const Value&, const Value&);
bool same_value_zero(const Value&, const Value&);
bool is_strictly_equal(const Value&, const Value&);
Result<bool> is_loosely_equal(Context&, const Value&, const Value&);
// IsLessThan; returns undefined (as Value) for NaN comparisons, else a boolean value.
Value is_less_than(Context&, const Value& x, const Value& y, bool left_first);
Value type_of(Context&, const Value&);                                   // the typeof string
Result<bool> instance_of(Context&, const Value& v, const Value& target); // InstanceofOperator
bool is_array_index_string(const String*, uint32_t* out);
bool is_integral_number(const Value&);

} // namespace qjs
