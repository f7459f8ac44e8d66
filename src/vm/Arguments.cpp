// Arguments.cpp: arguments exotic objects (10.4.4).
//
// TODO: mapped arguments (10.4.4.7 CreateMappedArgumentsObject) need the ordinary internal methods
// exposed by the runtime to build the exotic hooks on; until then sloppy functions get an
// unmapped-style object whose "callee" is the function (no aliasing with the parameters).
#include "runtime/Context.h"
#include "runtime/Object.h"
#include "vm/FunctionObject.h"
#include "vm/SlowPaths.h"

namespace qjs {

static Object* new_arguments_object(Context& ctx, std::span<const Value> args, ClassId cls) {
    Object* o = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), cls);
    if (!o) return nullptr;
    o->m_flags |= objflag::FastArray;
    for (const Value& v : args) {
        if (!array_push_fast(ctx, o, v)) {
            o->unref();
            return nullptr;
        }
    }
    // 4. DefinePropertyOrThrow(obj, "length", {len, writable, non-enumerable, configurable}).
    if (!define_fresh_property(ctx, o, atoms::length, Value::number(static_cast<uint32_t>(args.size())),
                               prop::Writable | prop::Configurable)) {
        o->unref();
        return nullptr;
    }
    return o;
}

static bool define_iterator(Context& ctx, Object* o) {
    // DefinePropertyOrThrow(obj, @@iterator, {%Array.prototype.values%, writable, configurable}).
    Object* values = ctx.intrinsic(Intrinsic::ArrayProtoValues);
    Value v = values ? Value::object(values) : Value::undefined();
    return define_fresh_property(ctx, o, atoms::sym_iterator, std::move(v),
                                 prop::Writable | prop::Configurable);
}

// 10.4.4.6 CreateUnmappedArgumentsObject (#sec-createunmappedargumentsobject)
Value create_unmapped_arguments(Context& ctx, std::span<const Value> args) {
    Object* o = new_arguments_object(ctx, args, ClassId::Arguments);
    if (!o) return Exception{};
    Value result = Value::adopt(Tag::Object, o);
    if (!define_iterator(ctx, o)) return Exception{};
    // 8. "callee": {[[Get]]: %ThrowTypeError%, [[Set]]: %ThrowTypeError%, non-enumerable, non-configurable}.
    Object* thrower = ctx.intrinsic(Intrinsic::ThrowTypeError);
    Value t = thrower ? Value::object(thrower) : Value::undefined();
    if (!define_fresh_accessor(ctx, o, atoms::callee, t, t, 0)) return Exception{};
    return result;
}

// 10.4.4.7 CreateMappedArgumentsObject (#sec-createmappedargumentsobject), without the parameter map.
Value create_mapped_arguments(Context& ctx, Frame& f) {
    Object* o = new_arguments_object(ctx, f.args, ClassId::Arguments);
    if (!o) return Exception{};
    Value result = Value::adopt(Tag::Object, o);
    if (!define_iterator(ctx, o)) return Exception{};
    // 20. "callee": the function, writable and configurable.
    if (!define_fresh_property(ctx, o, atoms::callee, Value::object(f.function),
                               prop::Writable | prop::Configurable))
        return Exception{};
    return result;
}

} // namespace qjs
