// BigInt.h: arbitrary-precision integers (not implemented yet: the operations below are the
// contract the conversions use; creating a BigInt currently throws a TODO InternalError).
#pragma once

#include "runtime/Value.h"

namespace qjs {

class Context;

bool bigint_is_zero(const Value&);
bool bigint_equals(const Value&, const Value&);
bool bigint_equals_number(const Value& big, double d);
Value bigint_to_string(Context&, const Value&, int radix);
Value string_to_bigint(Context&, const Value&); // undefined when the string is not a BigInt literal
Value bigint_less_than(Context&, const Value&, const Value&);

} // namespace qjs
