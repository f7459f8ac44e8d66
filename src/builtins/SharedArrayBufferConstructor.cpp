// SharedArrayBufferConstructor.cpp: the SharedArrayBuffer constructor (spec 25.2.3, 25.2.4).
// Without threads a shared block is an ordinary block; only the observable semantics differ.
#include "builtins/TypedArray.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

namespace qjs {

// 25.2.3.1 SharedArrayBuffer ( length [ , options ] ) (#sec-sharedarraybuffer-length)
static Value shared_array_buffer_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor SharedArrayBuffer requires 'new'");
    // 2. Let byteLength be ? ToIndex(length).
    uint64_t byte_length = TRY(to_index(ctx, args.arg(0)));
    // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
    uint64_t max_byte_length = 0;
    bool has_max = TRY(get_array_buffer_max_byte_length_option(ctx, args.arg(1), &max_byte_length));
    // 4. Return ? AllocateSharedArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
    return allocate_shared_array_buffer(ctx, args.new_target, byte_length, has_max, max_byte_length);
}

// 25.2.4.2 get SharedArrayBuffer [ %Symbol.species% ] (#sec-sharedarraybuffer-@@species)
static Value shared_array_buffer_get_species(Context&, const CallArgs& args) {
    // 1. Return the this value.
    return args.this_value;
}

static const FunctionListEntry kSharedArrayBufferConstructor[] = {
    QJS_GETTER("[Symbol.species]", shared_array_buffer_get_species),
};

// 25.2.3 The SharedArrayBuffer Constructor (#sec-sharedarraybuffer-constructor)
bool install_shared_array_buffer(Context& ctx) {
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::SharedArrayBufferPrototype, proto);
    proto->unref(); // the realm holds it
    Object* ctor =
        define_builtin_constructor(ctx, shared_array_buffer_constructor, "SharedArrayBuffer", 1, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::SharedArrayBuffer, ctor);
    return define_function_list(ctx, ctor, kSharedArrayBufferConstructor) &&
           install_shared_array_buffer_prototype(ctx, proto);
}

} // namespace qjs
