// AbstractModuleSource.cpp: %AbstractModuleSource% and its prototype (source phase imports proposal,
// #sec-abstractmodulesource-objects). No global names it; hosts whose module sources are objects
// (WebAssembly.Module) subclass it. The engine's own source text modules have no module source
// object, so no object here has a [[ModuleSourceClassName]] slot yet.
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

namespace {

// %AbstractModuleSource% ( ) (#sec-abstractmodulesource)
Value abstract_module_source_constructor(Context& ctx, const CallArgs&) {
    // 1. Throw a TypeError exception.
    return ctx.throw_type_error("AbstractModuleSource is an abstract class and cannot be constructed");
}

// get %AbstractModuleSource%.prototype [ %Symbol.toStringTag% ]
// (#sec-get-%abstractmodulesource%.prototype.%symbol.tostringtag%)
Value abstract_module_source_to_string_tag(Context&, const CallArgs&) {
    // 1. Let O be the this value. 2. If O is not an Object, return undefined.
    // 3. If O does not have a [[ModuleSourceClassName]] internal slot, return undefined (no class of
    //    this engine has one). 4-5. Otherwise return O.[[ModuleSourceClassName]].
    return Value();
}

const FunctionListEntry kAbstractModuleSourcePrototype[] = {
    QJS_GETTER("[Symbol.toStringTag]", abstract_module_source_to_string_tag),
};

} // namespace

// Properties of %AbstractModuleSource% and of its prototype (#sec-properties-of-abstractmodulesource)
bool install_abstract_module_source(Context& ctx) {
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::AbstractModuleSourcePrototype, proto);
    proto->unref(); // the realm holds it
    if (!define_function_list(ctx, proto, kAbstractModuleSourcePrototype)) return false;
    // The constructor's [[Prototype]] is %Function.prototype%; "length" is 0.
    Atom name = ctx.rt().intern_ascii("AbstractModuleSource");
    if (!name) {
        ctx.throw_out_of_memory();
        return false;
    }
    Value ctor = new_native_function(ctx, abstract_module_source_constructor, name, 0, 0, 0, true);
    if (ctor.is_exception()) return false;
    Object* c = ctor.as_object();
    // %AbstractModuleSource%.prototype: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false
    // }
    if (!define_fresh_property(ctx, c, atoms::prototype, Value::object(proto), 0)) return false;
    if (put_own_data(ctx, proto, atoms::constructor, ctor, prop::Writable | prop::Configurable)
            .is_exception())
        return false;
    ctx.set_intrinsic(Intrinsic::AbstractModuleSource, c);
    return true;
}

} // namespace qjs
