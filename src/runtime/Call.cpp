// Call.cpp: [[Call]] and [[Construct]] dispatch (10.2, 10.3, 10.4.1).
#include "runtime/Call.h"

#include "runtime/Context.h"
#include "runtime/HostObject.h"
#include "runtime/NativeFunction.h"
#include "runtime/ProxyObject.h"

namespace qjs {

static Value call_native(Context& ctx, Object* f, const Value& this_value, std::span<const Value> args,
                         const Value& new_target) {
    auto* nf = static_cast<NativeFunctionObject*>(f);
    if (ctx.check_stack_overflow()) return Exception{};
    NativeFn fn = native_by_id(nf->m_native_id);
    // A builtin runs in its own realm (10.3.1 step 4-6).
    Context& realm = nf->m_realm ? *nf->m_realm : ctx;
    CallArgs args_record{this_value, args, new_target, f, nf->m_magic};
    Value hold = Value::object(f); // the callee stays alive while it runs
    return fn(realm, args_record);
}

static Value bound_args_call(Context& ctx, BoundFunctionObject* b, std::span<const Value> args,
                             const Value* new_target) {
    if (ctx.check_stack_overflow()) return Exception{}; // a chain of bound functions recurses
    Vector<Value> all;
    all.reserve(b->m_bound_args.size() + args.size());
    for (const Value& a : b->m_bound_args)
        all.push_back(a);
    for (const Value& a : args)
        all.push_back(a);
    Value target = b->m_target;
    if (!new_target) return call(ctx, target, b->m_bound_this, all);
    // 10.4.1.2 step 5: If SameValue(F, newTarget), set newTarget to target.
    const Value& nt = (new_target->is_object() && new_target->as_object() == b) ? target : *new_target;
    return construct(ctx, target, all, nt);
}

Value call(Context& ctx, const Value& function, const Value& this_value, std::span<const Value> args) {
    if (!function.is_object() || !function.as_object()->is_callable())
        return ctx.throw_type_error("not a function");
    Object* f = function.as_object();
    CallInProgress in_progress(ctx.rt());
    switch (f->class_id()) {
    case ClassId::NativeFunction: return call_native(ctx, f, this_value, args, CallArgs::undefined_value());
    case ClassId::BoundFunction:
        return bound_args_call(ctx, static_cast<BoundFunctionObject*>(f), args, nullptr);
    case ClassId::BytecodeFunction:
        return call_bytecode_function(ctx, f, this_value, args, CallArgs::undefined_value());
    case ClassId::Proxy: return proxy_call(ctx, f, this_value, args);
    case ClassId::HostObject: return call_host_object(ctx, f, this_value, args, CallArgs::undefined_value());
    default: return ctx.throw_type_error("not a function");
    }
}

Value construct(Context& ctx, const Value& function, std::span<const Value> args, const Value& new_target) {
    if (!function.is_object() || !function.as_object()->is_constructor())
        return ctx.throw_type_error("not a constructor");
    Object* f = function.as_object();
    CallInProgress in_progress(ctx.rt());
    switch (f->class_id()) {
    case ClassId::NativeFunction: return call_native(ctx, f, Value(), args, new_target);
    case ClassId::BoundFunction:
        return bound_args_call(ctx, static_cast<BoundFunctionObject*>(f), args, &new_target);
    case ClassId::BytecodeFunction: return call_bytecode_function(ctx, f, Value(), args, new_target);
    case ClassId::Proxy: return proxy_construct(ctx, f, args, new_target);
    case ClassId::HostObject: return call_host_object(ctx, f, Value(), args, new_target);
    default: return ctx.throw_type_error("not a constructor");
    }
}

Value construct(Context& ctx, const Value& function, std::span<const Value> args) {
    return construct(ctx, function, args, function);
}

} // namespace qjs
