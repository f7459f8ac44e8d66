// FunctionPrototype.cpp: the properties of %Function.prototype% (ECMA-262 20.2.3), bound function
// creation (10.4.1.3) and %ThrowTypeError% (10.2.4.1).
#include "base/Unicode.h"
#include "builtins/Function.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

#include <cmath>

// TODO(Function.prototype.toString): drop the guard once the vm stage is merged into main.
#if __has_include("vm/FunctionObject.h")
#define QJS_HAVE_BYTECODE_FUNCTIONS 1
#include "bytecode/FunctionBytecode.h"
#include "vm/FunctionObject.h"
#endif

namespace qjs {

// 20.2.3.1 Function.prototype.apply ( thisArg, argArray ) (#sec-function.prototype.apply)
static Value function_proto_apply(Context& ctx, const CallArgs& args) {
    // 1. Let func be the this value.
    const Value& func = args.this_value;
    // 2. If IsCallable(func) is false, throw a TypeError exception.
    if (!is_callable(func)) return ctx.throw_type_error("Function.prototype.apply called on a non-function");
    // 3. If argArray is either undefined or null, then
    if (args.arg(1).is_nullish()) {
        // a-b. Return ? Call(func, thisArg).
        return call(ctx, func, args.arg(0), {});
    }
    // 4. Let argList be ? CreateListFromArrayLike(argArray).
    Vector<Value> arg_list = TRY(create_list_from_array_like(ctx, args.arg(1)));
    // 5-6. Return ? Call(func, thisArg, argList).
    return call(ctx, func, args.arg(0), arg_list);
}

// 10.4.1.3 BoundFunctionCreate ( targetFunction, boundThis, boundArgs ) (#sec-boundfunctioncreate)
static Value bound_function_create(Context& ctx, Object* target, const Value& bound_this,
                                   std::span<const Value> bound_args) {
    // 1. Let proto be ? targetFunction.[[GetPrototypeOf]]().
    Object* proto = TRY(get_prototype_of(ctx, target));
    // 2-3. Let obj be MakeBasicObject(internalSlotsList) with [[Call]] (and [[Construct]] below).
    auto* obj = Object::create_as<BoundFunctionObject>(ctx, proto, ClassId::BoundFunction);
    if (proto) proto->unref();
    if (!obj) return Exception{};
    Value result = Value::adopt(Tag::Object, obj);
    obj->m_flags |= objflag::Callable;
    // 4. If IsConstructor(targetFunction) is true, set obj.[[Construct]].
    if (target->is_constructor()) obj->m_flags |= objflag::Constructor;
    // 5. Set obj.[[Prototype]] to proto (done at creation).
    // 6-8. [[BoundTargetFunction]], [[BoundThis]], [[BoundArguments]].
    obj->m_target = Value::object(target);
    obj->m_bound_this = bound_this;
    obj->m_bound_args.assign(bound_args.begin(), bound_args.end());
    // 9. Return obj.
    return result;
}

// 20.2.3.2 Function.prototype.bind ( thisArg, ...args ) (#sec-function.prototype.bind)
static Value function_proto_bind(Context& ctx, const CallArgs& args) {
    // 1. Let Target be the this value.
    const Value& target_value = args.this_value;
    // 2. If IsCallable(Target) is false, throw a TypeError exception.
    if (!is_callable(target_value))
        return ctx.throw_type_error("Function.prototype.bind called on a non-function");
    Object* target = target_value.as_object();
    std::span<const Value> bound_args = args.count() > 1 ? args.args.subspan(1) : std::span<const Value>();
    size_t arg_count = bound_args.size();
    // 3. Let F be ? BoundFunctionCreate(Target, thisArg, args).
    Value f = TRY(bound_function_create(ctx, target, args.arg(0), bound_args));
    // 4-10. Perform ? CopyNameAndLength(F, Target, "bound", argCount).
    TRY(copy_name_and_length(ctx, f.as_object(), target, "bound", arg_count));
    // 11. Return F.
    return f;
}

// 20.2.3.3 Function.prototype.call ( thisArg, ...args ) (#sec-function.prototype.call)
static Value function_proto_call(Context& ctx, const CallArgs& args) {
    // 1. Let func be the this value.
    // 2. If IsCallable(func) is false, throw a TypeError exception.
    if (!is_callable(args.this_value))
        return ctx.throw_type_error("Function.prototype.call called on a non-function");
    // 3-4. Return ? Call(func, thisArg, args).
    std::span<const Value> rest = args.count() > 1 ? args.args.subspan(1) : std::span<const Value>();
    return call(ctx, args.this_value, args.arg(0), rest);
}

// A NativeFunction-syntax string (20.2.3.5 step 3): "function NAME() { [native code] }". The name part
// is the function's "name" own data property when it is a string (for builtins that is their
// [[InitialName]], "get x" accessors and "[Symbol.x]" keys included, all valid NativeFunction syntax).
// Whether a built-in's "name" can follow "function " in a NativeFunction: an optional "get " or
// "set " and then a PropertyName, which for our names is a computed "[Symbol.x]" or an IdentifierName
// (RegExp's "$&" getter, say, is neither: its name is left out).
static bool is_native_function_name(const String* name) {
    uint32_t length = name->length();
    uint32_t i = 0;
    if (length > 4 && (name->at(0) == 'g' || name->at(0) == 's') && name->at(1) == 'e' &&
        name->at(2) == 't' && name->at(3) == ' ')
        i = 4;
    if (i < length && name->at(i) == '[') return true;
    if (i == length) return i == 0;
    for (uint32_t k = i; k < length; ++k) {
        uint32_t cp = name->at(k);
        if (cp >= 0xD800 && cp <= 0xDBFF && k + 1 < length && name->at(k + 1) >= 0xDC00 &&
            name->at(k + 1) <= 0xDFFF)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (name->at(++k) - 0xDC00);
        if (!(k == i ? unicode::is_id_start(cp) : unicode::is_id_continue(cp))) return false;
    }
    return true;
}

static Value native_function_source(Context& ctx, Object* func) {
    StringBuilder sb(ctx.rt());
    sb.append_ascii("function ");
    // Bound functions have no [[InitialName]] ("bound f" isn't a PropertyName): leave the name out.
    if (func->class_id() == ClassId::NativeFunction) {
        int32_t slot = find_own_slot(func, atoms::name);
        if (slot >= 0 && !(func->shape()->entry(slot).flags & prop::Accessor) &&
            func->slot(slot).is_string() && is_native_function_name(func->slot(slot).as_string()))
            sb.append(func->slot(slot).as_string());
    }
#ifdef QJS_HAVE_BYTECODE_FUNCTIONS
    // A function compiled without its source text (JS_STRIP_SOURCE): its [[InitialName]].
    if (is_bytecode_function(Value::object(func))) {
        const FunctionBytecode* fb = static_cast<FunctionObject*>(func)->m_bytecode;
        if (fb && fb->m_name != atoms::invalid && !ctx.rt().atom_is_symbol(fb->m_name))
            sb.append(ctx.rt().atom_string(fb->m_name));
    }
#endif
    sb.append_ascii("() {\n    [native code]\n}");
    String* s = sb.finish();
    if (!s) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, s);
}

// 20.2.3.5 Function.prototype.toString ( ) (#sec-function.prototype.tostring)
static Value function_proto_to_string(Context& ctx, const CallArgs& args) {
    // 1. Let func be the this value.
    const Value& func = args.this_value;
    // 2. If func is an Object, func has a [[SourceText]] internal slot, func.[[SourceText]] is a sequence of
    //    Unicode code points, and HostHasSourceTextAvailable(func) is true, then
    //    a. Return CodePointsToString(func.[[SourceText]]).
#ifdef QJS_HAVE_BYTECODE_FUNCTIONS
    if (is_bytecode_function(func)) {
        FunctionBytecode* fb = static_cast<FunctionObject*>(func.as_object())->m_bytecode;
        if (fb && fb->m_source && fb->m_source_end > fb->m_source_start) {
            String* text = String::substring(ctx.rt(), fb->m_source, fb->m_source_start, fb->m_source_end);
            if (!text) return ctx.throw_out_of_memory();
            return Value::adopt(Tag::String, text);
        }
    }
#endif
    // 3. If func is a built-in function object, return an implementation-defined String source code
    //    representation of func. The representation must have the syntax of a NativeFunction.
    // 4. If func is an Object and IsCallable(func) is true, return an implementation-defined String source
    //    code representation of func. The representation must have the syntax of a NativeFunction.
    if (is_callable(func)) return native_function_source(ctx, func.as_object());
    // 5. Throw a TypeError exception.
    return ctx.throw_type_error("Function.prototype.toString requires that 'this' be a Function");
}

// 20.2.3.6 Function.prototype [ %Symbol.hasInstance% ] ( V ) (#sec-function.prototype-%symbol.hasinstance%)
Value function_proto_has_instance(Context& ctx, const CallArgs& args) {
    // 1. Let F be the this value.
    // 2. Return ? OrdinaryHasInstance(F, V).
    return Value::boolean(TRY(ordinary_has_instance(ctx, args.this_value, args.arg(0))));
}

// 10.2.4.1 %ThrowTypeError% ( ) (#sec-%throwtypeerror%)
static Value throw_type_error_function(Context& ctx, const CallArgs& args) {
#ifdef QJS_HAVE_BYTECODE_FUNCTIONS
    // An extension, as QuickJS: a sloppy ordinary function reads the "caller" and "arguments" accessors it
    // inherits from Function.prototype as undefined (the legacy properties of 17.1's forbidden extensions
    // exist only for them; no caller is tracked). Strict functions, arrows, methods, generators, async
    // functions and classes still throw, and so does every setter call.
    if (args.count() == 0 && is_bytecode_function(args.this_value)) {
        const FunctionBytecode* fb = static_cast<FunctionObject*>(args.this_value.as_object())->m_bytecode;
        if (fb && !fb->is_strict() && (fb->m_flags & fbflag::HasPrototype) && !fb->is_generator() &&
            !fb->is_async() && !fb->is_class_constructor())
            return Value();
    }
#endif
    // 1. Throw a TypeError exception.
    return ctx.throw_type_error(
        "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode "
        "functions or the arguments objects for calls to them");
}

static bool create_throw_type_error(Context& ctx) {
    // %ThrowTypeError% is anonymous: its "name" is the empty String; "length" and "name" are
    // non-configurable and the function is not extensible.
    Value thrower = new_native_function(ctx, throw_type_error_function, atoms::invalid, 0);
    if (thrower.is_exception()) return false;
    Object* f = thrower.as_object();
    PropertyDescriptor frozen;
    frozen.has_configurable = frozen.has_writable = true;
    if (define_own_property(ctx, f, atoms::length, frozen).is_exception()) return false;
    if (find_own_slot(f, atoms::name) < 0) {
        if (!define_fresh_property(ctx, f, atoms::name, ctx.atom_value(atoms::empty_string), 0)) return false;
    } else if (define_own_property(ctx, f, atoms::name, frozen).is_exception()) {
        return false;
    }
    if (prevent_extensions(ctx, f).is_exception()) return false;
    ctx.set_intrinsic(Intrinsic::ThrowTypeError, f);
    return true;
}

static const FunctionListEntry kFunctionPrototypeFunctions[] = {
    QJS_FUNC("apply", 2, function_proto_apply),
    QJS_FUNC("bind", 1, function_proto_bind),
    QJS_FUNC("call", 1, function_proto_call),
    QJS_FUNC("toString", 0, function_proto_to_string),
    // { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }
    {"[Symbol.hasInstance]", FunctionListEntry::Kind::Method, 0, 1, 0, function_proto_has_instance, nullptr,
     0, nullptr},
};

// 20.2.3 Properties of the Function Prototype Object (#sec-properties-of-the-function-prototype-object)
bool install_function_prototype(Context& ctx, Object* proto) {
    // The "length" (0) and "name" ("") of %Function.prototype% itself, unless the core made them.
    if (find_own_slot(proto, atoms::length) < 0 &&
        !define_fresh_property(ctx, proto, atoms::length, Value::int32(0), prop::Configurable))
        return false;
    if (find_own_slot(proto, atoms::name) < 0 &&
        !define_fresh_property(ctx, proto, atoms::name, ctx.atom_value(atoms::empty_string),
                               prop::Configurable))
        return false;
    if (!define_function_list(ctx, proto, kFunctionPrototypeFunctions)) return false;
    if (!create_throw_type_error(ctx)) return false;
    // 10.2.4 AddRestrictedFunctionProperties ( F, realm ) (#sec-addrestrictedfunctionproperties)
    // 1-2. Let thrower be realm.[[Intrinsics]].[[%ThrowTypeError%]].
    Object* thrower = ctx.intrinsic(Intrinsic::ThrowTypeError);
    // 3. Perform ! DefinePropertyOrThrow(F, "caller", PropertyDescriptor { [[Get]]: thrower, [[Set]]:
    // thrower,
    //    [[Enumerable]]: false, [[Configurable]]: true }).
    // 4. Perform ! DefinePropertyOrThrow(F, "arguments", ... the same ...).
    for (Atom key : {atoms::caller, atoms::arguments}) {
        if (!define_fresh_accessor(ctx, proto, key, Value::object(thrower), Value::object(thrower),
                                   prop::Configurable))
            return false;
    }
    return true;
}

} // namespace qjs
