// AsyncGeneratorPrototype.cpp: %AsyncIteratorPrototype% (27.1.3), %AsyncFunction.prototype%
// (27.7.3), %AsyncGeneratorFunction.prototype% (27.4.3) and %AsyncGeneratorPrototype% (27.6.1).
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "vm/Generators.h"

namespace qjs {

bool link_function_kind_prototypes(Context& ctx, Object* fproto, Object* proto); // GeneratorPrototype.cpp

// 27.6.1.2 %AsyncGeneratorPrototype%.next ( value ) (#sec-asyncgenerator-prototype-next)
static Value async_generator_next(Context& ctx, const CallArgs& args) {
    return async_generator_enqueue(ctx, args.this_value, args.arg(0), resume::Next);
}

// 27.6.1.3 %AsyncGeneratorPrototype%.return ( value ) (#sec-asyncgenerator-prototype-return)
static Value async_generator_return(Context& ctx, const CallArgs& args) {
    return async_generator_enqueue(ctx, args.this_value, args.arg(0), resume::Return);
}

// 27.6.1.4 %AsyncGeneratorPrototype%.throw ( exception ) (#sec-asyncgenerator-prototype-throw)
static Value async_generator_throw(Context& ctx, const CallArgs& args) {
    return async_generator_enqueue(ctx, args.this_value, args.arg(0), resume::Throw);
}

// 27.1.3.1 %AsyncIteratorPrototype% [ @@asyncIterator ] ( ) (#sec-asynciteratorprototype-asynciterator)
static Value async_iterator_self(Context&, const CallArgs& args) {
    // 1. Return the this value.
    return args.this_value;
}

static const FunctionListEntry async_generator_prototype_functions[] = {
    QJS_FUNC("next", 1, async_generator_next),
    QJS_FUNC("return", 1, async_generator_return),
    QJS_FUNC("throw", 1, async_generator_throw),
    QJS_PROP_STRING("[Symbol.toStringTag]", "AsyncGenerator", prop::Configurable),
};

static const FunctionListEntry async_iterator_prototype_functions[] = {
    QJS_FUNC("[Symbol.asyncIterator]", 0, async_iterator_self),
};

static const FunctionListEntry async_generator_function_prototype_props[] = {
    QJS_PROP_STRING("[Symbol.toStringTag]", "AsyncGeneratorFunction", prop::Configurable),
};

static const FunctionListEntry async_function_prototype_props[] = {
    QJS_PROP_STRING("[Symbol.toStringTag]", "AsyncFunction", prop::Configurable),
};

bool install_async_prototypes(Context& ctx) {
    Object* object_proto = ctx.intrinsic(Intrinsic::ObjectPrototype);
    Object* function_proto = ctx.intrinsic(Intrinsic::FunctionPrototype);
    // %AsyncIteratorPrototype% (if no other family made it).
    Object* async_iter_proto = ctx.intrinsic(Intrinsic::AsyncIteratorPrototype);
    Value hold_iter;
    if (!async_iter_proto) {
        async_iter_proto = Object::create(ctx, object_proto, ClassId::Object);
        if (!async_iter_proto) return false;
        hold_iter = Value::adopt(Tag::Object, async_iter_proto);
        ctx.set_intrinsic(Intrinsic::AsyncIteratorPrototype, async_iter_proto);
        if (!define_function_list(ctx, async_iter_proto, async_iterator_prototype_functions)) return false;
    }
    // %AsyncFunction.prototype%
    Object* afproto = Object::create(ctx, function_proto, ClassId::Object);
    if (!afproto) return false;
    Value hold_af = Value::adopt(Tag::Object, afproto);
    ctx.set_intrinsic(Intrinsic::AsyncFunctionPrototype, afproto);
    if (!define_function_list(ctx, afproto, async_function_prototype_props)) return false;
    // %AsyncGeneratorFunction.prototype% and %AsyncGeneratorPrototype%
    Object* agfproto = Object::create(ctx, function_proto, ClassId::Object);
    if (!agfproto) return false;
    Value hold_agf = Value::adopt(Tag::Object, agfproto);
    ctx.set_intrinsic(Intrinsic::AsyncGeneratorFunctionPrototype, agfproto);
    Object* agproto = Object::create(ctx, async_iter_proto, ClassId::Object);
    if (!agproto) return false;
    Value hold_ag = Value::adopt(Tag::Object, agproto);
    ctx.set_intrinsic(Intrinsic::AsyncGeneratorPrototype, agproto);
    if (!link_function_kind_prototypes(ctx, agfproto, agproto)) return false;
    if (!define_function_list(ctx, agfproto, async_generator_function_prototype_props)) return false;
    return define_function_list(ctx, agproto, async_generator_prototype_functions);
}

} // namespace qjs
