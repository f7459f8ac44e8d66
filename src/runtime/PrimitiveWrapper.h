// PrimitiveWrapper.h: Boolean, Number, String, Symbol and BigInt objects ([[BooleanData]],
// [[NumberData]], [[StringData]], [[SymbolData]], [[BigIntData]]). String wrappers are exotic
// (10.4.3): their indexes and length are own properties.
#pragma once

#include "runtime/Object.h"

namespace qjs {

class PrimitiveWrapperObject : public Object {
  public:
    Value m_primitive; // the wrapped primitive
};

Value new_primitive_wrapper(Context&, Object* proto, ClassId, const Value& primitive);
// The wrapped primitive if `v` is a wrapper of class `cls`, else nullptr.
const Value* primitive_of(const Value& v, ClassId cls);

} // namespace qjs
