// GeneratorPrototype.cpp: %GeneratorFunction.prototype% (27.3.3) and %GeneratorPrototype% (27.5.1).
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "vm/Generators.h"

namespace qjs {

// 27.5.1.2 %GeneratorPrototype%.next ( value ) (#sec-generator.prototype.next)
static Value generator_next(Context& ctx, const CallArgs& args) {
    // 1. Return ? GeneratorResume(this value, value, empty).
    return generator_resume(ctx, args.this_value, args.arg(0), resume::Next);
}

// 27.5.1.3 %GeneratorPrototype%.return ( value ) (#sec-generator.prototype.return)
static Value generator_return(Context& ctx, const CallArgs& args) {
    // 1-3. Return ? GeneratorResumeAbrupt(g, Completion { [[Type]]: return, [[Value]]: value }, empty).
    return generator_resume(ctx, args.this_value, args.arg(0), resume::Return);
}

// 27.5.1.4 %GeneratorPrototype%.throw ( exception ) (#sec-generator.prototype.throw)
static Value generator_throw(Context& ctx, const CallArgs& args) {
    // 1-3. Return ? GeneratorResumeAbrupt(g, ThrowCompletion(exception), empty).
    return generator_resume(ctx, args.this_value, args.arg(0), resume::Throw);
}

static const FunctionListEntry generator_prototype_functions[] = {
    QJS_FUNC("next", 1, generator_next),
    QJS_FUNC("return", 1, generator_return),
    QJS_FUNC("throw", 1, generator_throw),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Generator", prop::Configurable),
};

static const FunctionListEntry generator_function_prototype_props[] = {
    QJS_PROP_STRING("[Symbol.toStringTag]", "GeneratorFunction", prop::Configurable),
};

// Links a function-kind prototype (%GeneratorFunction.prototype% style) with its instances'
// prototype: fproto.prototype = proto and proto.constructor = fproto, both configurable only.
bool link_function_kind_prototypes(Context& ctx, Object* fproto, Object* proto) {
    if (!define_fresh_property(ctx, fproto, atoms::prototype, Value::object(proto), prop::Configurable))
        return false;
    return define_fresh_property(ctx, proto, atoms::constructor, Value::object(fproto), prop::Configurable);
}

bool install_generator_prototypes(Context& ctx) {
    // 27.3.3 %GeneratorFunction.prototype%: [[Prototype]] is %Function.prototype%.
    Object* fproto = Object::create(ctx, ctx.intrinsic(Intrinsic::FunctionPrototype), ClassId::Object);
    if (!fproto) return false;
    Value fproto_value = Value::adopt(Tag::Object, fproto);
    ctx.set_intrinsic(Intrinsic::GeneratorFunctionPrototype, fproto);
    // 27.5.1 %GeneratorPrototype%: [[Prototype]] is %Iterator.prototype%.
    Object* iter_proto = ctx.intrinsic(Intrinsic::IteratorPrototype);
    Object* proto = Object::create(ctx, iter_proto ? iter_proto : ctx.intrinsic(Intrinsic::ObjectPrototype),
                                   ClassId::Object);
    if (!proto) return false;
    Value proto_value = Value::adopt(Tag::Object, proto);
    ctx.set_intrinsic(Intrinsic::GeneratorPrototype, proto);
    if (!link_function_kind_prototypes(ctx, fproto, proto)) return false;
    if (!define_function_list(ctx, fproto, generator_function_prototype_props)) return false;
    return define_function_list(ctx, proto, generator_prototype_functions);
}

} // namespace qjs
