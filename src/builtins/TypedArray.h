// TypedArray.h: the abstract operations shared by the ArrayBuffer, TypedArray and DataView
// builtins (spec 23.2.4, 23.2.5, 25.1).
#pragma once

#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/TypedArrayObject.h"

#include <span>

namespace qjs {

// The accessMode of ValidateTypedArray and the operations that create typed arrays (immutable
// ArrayBuffer proposal): `Write` refuses a typed array over an immutable buffer.
enum class TypedArrayAccess : uint8_t { Read, Write };

// 23.2.4.4 ValidateTypedArray ( O, order [ , accessMode ] ) (#sec-validatetypedarray): TypeError
// unless O is a typed array that is not out of bounds (nor, for Write, over an immutable buffer).
// *length receives TypedArrayLength(taRecord).
Result<TypedArrayObject*> validate_typed_array(Context&, const Value& o, size_t* length,
                                               TypedArrayAccess access = TypedArrayAccess::Read);
// 23.2.4.2 TypedArrayCreateFromConstructor ( constructor, argumentList [ , accessMode ] )
// (#sec-typedarraycreatefromconstructor)
Value typed_array_create_from_constructor(Context&, const Value& constructor, std::span<const Value> args,
                                          TypedArrayAccess access = TypedArrayAccess::Read);
// 23.2.4.1 TypedArraySpeciesCreate ( exemplar, argumentList [ , accessMode ] ) (#sec-typedarrayspeciescreate)
Value typed_array_species_create(Context&, TypedArrayObject* exemplar, std::span<const Value> args,
                                 TypedArrayAccess access = TypedArrayAccess::Read);
// 23.2.4.3 TypedArrayCreateSameType ( exemplar, length ) (#sec-typedarray-create-same-type)
Value typed_array_create_same_type(Context&, TypedArrayObject* exemplar, uint64_t length);

// 25.1.3.3 GetArrayBufferMaxByteLengthOption ( options ): false when empty.
Result<bool> get_array_buffer_max_byte_length_option(Context&, const Value& options, uint64_t* out);

// ToIntegerOrInfinity(v) as a relative index: the spec's mathematical integer, so a -0 (from
// -0.5, say) becomes +0 before it is used as an index.
inline Result<double> to_relative_index(Context& ctx, const Value& v) {
    double d = TRY(to_integer_or_infinity(ctx, v));
    return d + 0.0;
}

// Fast path of IteratorToList(? GetIteratorFromMethod(items, @@iterator)): when iterating `items`
// is unobservable (a fast Array with the original iterator, no holes), its elements. Returns false
// when the caller must take the generic path.
bool pristine_array_values(Context&, const Value& items, Vector<Value>* out);

// Installers of the pieces of the arraybuffer / typedarray families.
bool install_array_buffer_prototype(Context&, Object* proto);          // ArrayBufferPrototype.cpp
bool install_shared_array_buffer(Context&);                            // SharedArrayBufferConstructor.cpp
bool install_shared_array_buffer_prototype(Context&, Object* proto);   // SharedArrayBufferPrototype.cpp
bool install_typed_array_prototype(Context&, Object* proto);           // TypedArrayPrototype.cpp
bool install_typed_array_prototype_iteration(Context&, Object* proto); // TypedArrayPrototypeIteration.cpp
bool install_data_view_prototype(Context&, Object* proto);             // DataViewPrototype.cpp

} // namespace qjs
