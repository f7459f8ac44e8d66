// ArrayBufferConstructor.cpp: the ArrayBuffer constructor (spec 25.1.4, 25.1.5).
#include "builtins/Builtins.h"
#include "builtins/TypedArray.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

namespace qjs {

// 25.1.3.3 GetArrayBufferMaxByteLengthOption ( options ) (#sec-getarraybuffermaxbytelengthoption)
Result<bool> get_array_buffer_max_byte_length_option(Context& ctx, const Value& options, uint64_t* out) {
    // 1. If options is not an Object, return empty.
    if (!options.is_object()) return false;
    // 2. Let maxByteLength be ? Get(options, "maxByteLength").
    Value max = TRY(get(ctx, options.as_object(), ctx.rt().intern_ascii("maxByteLength")));
    // 3. If maxByteLength is undefined, return empty.
    if (max.is_undefined()) return false;
    // 4. Return ? ToIndex(maxByteLength).
    *out = TRY(to_index(ctx, max));
    return true;
}

// 25.1.4.1 ArrayBuffer ( length [ , options ] ) (#sec-arraybuffer-length)
static Value array_buffer_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor ArrayBuffer requires 'new'");
    // 2. Let byteLength be ? ToIndex(length).
    uint64_t byte_length = TRY(to_index(ctx, args.arg(0)));
    // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
    uint64_t max_byte_length = 0;
    bool has_max = TRY(get_array_buffer_max_byte_length_option(ctx, args.arg(1), &max_byte_length));
    // 4. Return ? AllocateArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
    return allocate_array_buffer(ctx, args.new_target, byte_length, has_max, max_byte_length);
}

// 25.1.5.1 ArrayBuffer.isView ( arg ) (#sec-arraybuffer.isview)
static Value array_buffer_is_view(Context&, const CallArgs& args) {
    // 1. If arg is not an Object, return false.
    const Value& arg = args.arg(0);
    if (!arg.is_object()) return Value::boolean(false);
    // 2. If arg has a [[ViewedArrayBuffer]] internal slot, return true. 3. Return false.
    ClassId cls = arg.as_object()->class_id();
    return Value::boolean(cls == ClassId::TypedArray || cls == ClassId::DataView);
}

// 25.1.5.3 get ArrayBuffer [ %Symbol.species% ] (#sec-get-arraybuffer-%symbol.species%)
static Value array_buffer_get_species(Context&, const CallArgs& args) {
    // 1. Return the this value.
    return args.this_value;
}

static const FunctionListEntry kArrayBufferConstructor[] = {
    QJS_FUNC("isView", 1, array_buffer_is_view),
    QJS_GETTER("[Symbol.species]", array_buffer_get_species),
};

// 25.1.4 The ArrayBuffer Constructor (#sec-arraybuffer-constructor)
bool install_arraybuffer(Context& ctx) {
    register_array_buffer_classes();
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::ArrayBufferPrototype, proto);
    proto->unref(); // the realm holds it
    Object* ctor = define_builtin_constructor(ctx, array_buffer_constructor, "ArrayBuffer", 1, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::ArrayBuffer, ctor);
    return define_function_list(ctx, ctor, kArrayBufferConstructor) &&
           install_array_buffer_prototype(ctx, proto) && install_shared_array_buffer(ctx);
}

} // namespace qjs
