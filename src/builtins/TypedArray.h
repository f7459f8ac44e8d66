// TypedArray.h: the abstract operations shared by the ArrayBuffer, TypedArray and DataView
// builtins (spec 23.2.4, 23.2.5, 25.1).
#pragma once

#include "runtime/Context.h"
#include "runtime/TypedArrayObject.h"

#include <span>

namespace qjs {

// 23.2.4.4 ValidateTypedArray ( O, order ) (#sec-validatetypedarray): TypeError unless O is a typed
// array that is not out of bounds. *length receives TypedArrayLength(taRecord).
Result<TypedArrayObject*> validate_typed_array(Context&, const Value& o, size_t* length);
// 23.2.4.2 TypedArrayCreateFromConstructor ( constructor, argumentList )
// (#sec-typedarraycreatefromconstructor)
Value typed_array_create_from_constructor(Context&, const Value& constructor, std::span<const Value> args);
// 23.2.4.1 TypedArraySpeciesCreate ( exemplar, argumentList ) (#sec-typedarrayspeciescreate)
Value typed_array_species_create(Context&, TypedArrayObject* exemplar, std::span<const Value> args);
// 23.2.4.3 TypedArrayCreateSameType ( exemplar, length ) (#sec-typedarray-create-same-type)
Value typed_array_create_same_type(Context&, TypedArrayObject* exemplar, uint64_t length);

// 25.1.3.3 GetArrayBufferMaxByteLengthOption ( options ): false when empty.
Result<bool> get_array_buffer_max_byte_length_option(Context&, const Value& options, uint64_t* out);

// Installers of the pieces of the arraybuffer / typedarray families.
bool install_array_buffer_prototype(Context&, Object* proto);          // ArrayBufferPrototype.cpp
bool install_shared_array_buffer(Context&);                            // SharedArrayBufferConstructor.cpp
bool install_shared_array_buffer_prototype(Context&, Object* proto);   // SharedArrayBufferPrototype.cpp
bool install_typed_array_prototype(Context&, Object* proto);           // TypedArrayPrototype.cpp
bool install_typed_array_prototype_iteration(Context&, Object* proto); // TypedArrayPrototypeIteration.cpp
bool install_data_view_prototype(Context&, Object* proto);             // DataViewPrototype.cpp

} // namespace qjs
