// ShadowRealm.cpp: ShadowRealm objects and wrapped functions (the ShadowRealm proposal, test262 feature
// "ShadowRealm"; section numbers below are the proposal's).
//
// A ShadowRealm owns a fresh realm. Only primitives and callables cross the boundary: a callable becomes a
// wrapped function of the receiving realm, a native function whose data slot holds the target, so wrapped
// functions need no class of their own (and snapshot as any native function with data). Every error at
// the boundary is a TypeError of the realm the value crosses into, whatever the other side threw.
#include "builtins/Builtins.h"
#include "builtins/Function.h"
#include "builtins/Promise.h"
#include "bytecode/Compiler.h"
#include "module/Module.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"
#include "vm/Frames.h"
#include "vm/FunctionObject.h"

#include <cmath>

namespace qjs {

namespace {

class ShadowRealmObject : public Object {
  public:
    Context* m_realm = nullptr; // [[ShadowRealm]]; realms live as long as the runtime
};

// True for the error Context::throw_out_of_memory makes in `realm`: an InternalError whose own message
// is "out of memory".
bool is_out_of_memory_error(Context& realm, const Value& error) {
    if (!error.is_object()) return false;
    Object* o = error.as_object();
    if (o->m_class_id != ClassId::Error ||
        o->prototype() != realm.intrinsic(Intrinsic::InternalErrorPrototype))
        return false;
    int32_t slot = find_own_slot(o, atoms::message);
    return slot >= 0 && o->slot(static_cast<uint32_t>(slot)).is_string() &&
           o->slot(static_cast<uint32_t>(slot)).as_string()->equals_ascii("out of memory");
}

// Takes the pending exception of a call across the boundary into `other` and throws a TypeError of `ctx`
// in its place. An uncatchable one (interrupt) keeps propagating, and running out of memory on either
// side stays an out-of-memory error (of `ctx`): a TypeError would hide why the call failed.
Exception rethrow_as_type_error(Context& ctx, Context& other, const char* what) {
    Value error;
    if (!catch_exception(ctx, error)) return Exception{};
    if (is_out_of_memory_error(other, error) || is_out_of_memory_error(ctx, error))
        return ctx.throw_out_of_memory();
    return ctx.throw_type_error("%s", what);
}

Value wrapped_function_call(Context& ctx, const CallArgs& args);

// 3.1.2 WrappedFunctionCreate ( callerRealm, Target )
Value wrapped_function_create(Context& ctx, Context& caller_realm, Object* target) {
    // 1-6. A function object of callerRealm (its [[Prototype]] is callerRealm's %Function.prototype%) whose
    // [[WrappedTargetFunction]] is Target.
    Value f = TRY(new_native_function(caller_realm, wrapped_function_call, atoms::invalid, 0, 0, 1));
    static_cast<NativeFunctionObject*>(f.as_object())->data()[0] = Value::object(target);
    // 7. Let result be Completion(CopyNameAndLength(wrapped, Target)).
    // 8. If result is an abrupt completion, throw a TypeError exception.
    if (copy_name_and_length(ctx, f.as_object(), target, nullptr, 0).is_exception())
        return rethrow_as_type_error(ctx, ctx,
                                     "ShadowRealm: reading the name or length of a function failed");
    return f;
}

// 3.1.4 GetWrappedValue ( callerRealm, value ): errors go to the current realm `ctx`.
Value get_wrapped_value(Context& ctx, Context& caller_realm, const Value& value) {
    // 1. If value is an Object, then
    if (value.is_object()) {
        // a. If IsCallable(value) is false, throw a TypeError exception.
        if (!is_callable(value))
            return ctx.throw_type_error("ShadowRealm: only primitives and callables can cross");
        // b. Return ? WrappedFunctionCreate(callerRealm, value).
        return wrapped_function_create(ctx, caller_realm, value.as_object());
    }
    // 2. Return value.
    return value;
}

// 2.1 Wrapped Function Exotic Objects, [[Call]] ( thisArgument, argumentsList ), with 2.2
// OrdinaryWrappedFunctionCall. `ctx` is F.[[Realm]], the caller's realm.
Value wrapped_function_call(Context& ctx, const CallArgs& args) {
    auto* f = static_cast<NativeFunctionObject*>(args.callee);
    Value target = f->data()[0];
    if (!target.is_object()) return ctx.throw_type_error("ShadowRealm: not a wrapped function");
    // 2.2 1-3. Let targetRealm be ? GetFunctionRealm(target).
    Context* target_realm = TRY(get_function_realm(ctx, target.as_object()));
    // 4-5. Wrap each argument into the target realm.
    Vector<Value> wrapped_args;
    for (const Value& arg : args.args)
        wrapped_args.push_back(TRY(get_wrapped_value(ctx, *target_realm, arg)));
    // 6. Let wrappedThisArgument be ? GetWrappedValue(targetRealm, thisArgument).
    Value wrapped_this = TRY(get_wrapped_value(ctx, *target_realm, args.this_value));
    // 7. Let result be Completion(Call(target, wrappedThisArgument, wrappedArgs)).
    Value result =
        call(ctx, target, wrapped_this, std::span<const Value>(wrapped_args.data(), wrapped_args.size()));
    // 9. Else, throw a TypeError exception.
    if (result.is_exception())
        return rethrow_as_type_error(ctx, *target_realm, "ShadowRealm: the wrapped function threw");
    // 8. If result is a normal or return completion, return ? GetWrappedValue(callerRealm, result).
    return get_wrapped_value(ctx, ctx, result);
}

// 3.1.1 ValidateShadowRealmObject ( O )
Result<ShadowRealmObject*> validate_shadow_realm(Context& ctx, const Value& o, const char* method) {
    if (!o.is_object() || o.as_object()->class_id() != ClassId::ShadowRealm) {
        ctx.throw_type_error("ShadowRealm.prototype.%s called on incompatible receiver", method);
        return Exception{};
    }
    return static_cast<ShadowRealmObject*>(o.as_object());
}

// 3.2.1 ShadowRealm ( )
Value shadow_realm_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor ShadowRealm requires 'new'");
    // 2. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%ShadowRealm.prototype%", « [[ShadowRealm]] »).
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, args.new_target, Intrinsic::ShadowRealmPrototype));
    Value proto_hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    auto* o = Object::create_as<ShadowRealmObject>(ctx, proto, ClassId::ShadowRealm);
    if (!o) return Exception{};
    Value result = Value::adopt(Tag::Object, o);
    // 3-11. Let realmRec be CreateRealm(), with its global object and default global bindings.
    Context* realm = Context::create(ctx.rt());
    if (!realm) return ctx.throw_out_of_memory();
    // 4. Set O.[[ShadowRealm]] to realmRec. (12. HostInitializeShadowRealm adds nothing.)
    o->m_realm = realm;
    // 13. Return O.
    return result;
}

// 3.1.3 PerformShadowRealmEval ( sourceText, callerRealm, evalRealm )
Value perform_shadow_realm_eval(Context& ctx, String* source, Context& eval_realm) {
    // 1-7. Let script be ParseText(sourceText, Script); if it is a List of errors, throw a SyntaxError
    // (of the caller's realm: the eval context is not entered yet).
    std::string text = source->to_wtf8();
    Result<FunctionBytecode*> compiled = compile_eval(eval_realm, text.data(), text.size(), nullptr, false);
    if (compiled.is_exception()) {
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        if (is_out_of_memory_error(eval_realm, error)) return ctx.throw_out_of_memory();
        Value message = error.is_object() ? get(ctx, error.as_object(), atoms::message) : Value();
        if (message.is_exception()) return Exception{};
        std::string m = message.is_string() ? message.as_string()->to_utf8() : std::string("invalid source");
        return ctx.throw_syntax_error("%s", m.c_str());
    }
    FunctionBytecode* fb = compiled.release_value();
    // 8-21. Evaluate the script in evalRealm as an indirect eval would: var and function declarations on the
    // global object, let/const/class in a new declarative environment of this evaluation only.
    Value closure = new_closure(eval_realm, fb, nullptr);
    fb->unref();
    if (closure.is_exception())
        return rethrow_as_type_error(ctx, eval_realm, "ShadowRealm.prototype.evaluate failed");
    Value result = call(eval_realm, closure, Value::object(eval_realm.global_object()), {});
    // 22. If result is a throw completion, throw a TypeError exception (of the caller's realm).
    if (result.is_exception())
        return rethrow_as_type_error(ctx, eval_realm, "ShadowRealm.prototype.evaluate: the code threw");
    // 24. Return ? GetWrappedValue(callerRealm, result).
    return get_wrapped_value(ctx, ctx, result);
}

// 3.4.1 ShadowRealm.prototype.evaluate ( sourceText )
Value shadow_realm_evaluate(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be this value; perform ? ValidateShadowRealmObject(O).
    ShadowRealmObject* o = TRY(validate_shadow_realm(ctx, args.this_value, "evaluate"));
    // 3. If sourceText is not a String, throw a TypeError exception.
    if (!args.arg(0).is_string())
        return ctx.throw_type_error("ShadowRealm.prototype.evaluate: the source must be a string");
    // 4-6. Return ? PerformShadowRealmEval(sourceText, callerRealm, evalRealm).
    return perform_shadow_realm_eval(ctx, args.arg(0).as_string(), *o->m_realm);
}

// 3.1.5 ShadowRealmImportValue step 6: ExportGetter ( exports ), a builtin of the caller's realm whose
// data slot is [[ExportNameString]].
Value shadow_realm_export_getter(Context& ctx, const CallArgs& args) {
    auto* f = static_cast<NativeFunctionObject*>(args.callee);
    const Value& exports = args.arg(0);
    if (!exports.is_object())
        return ctx.throw_type_error("ShadowRealm.prototype.importValue: no module namespace");
    // b-c. Let string be f.[[ExportNameString]]; let hasOwn be ? HasOwnProperty(exports, string).
    Atom name = ctx.rt().intern(f->data()[0].as_string());
    if (!name) return ctx.throw_out_of_memory();
    bool has_own = TRY(has_own_property(ctx, exports.as_object(), name));
    // d. If hasOwn is false, throw a TypeError exception.
    if (!has_own) {
        std::string s = f->data()[0].as_string()->to_utf8();
        return ctx.throw_type_error("ShadowRealm.prototype.importValue: the module has no export '%s'",
                                    s.c_str());
    }
    // e. Let value be ? Get(exports, string).
    Value value = TRY(get(ctx, exports.as_object(), name));
    // f-g. Let realm be f.[[Realm]]; return ? GetWrappedValue(realm, value).
    return get_wrapped_value(ctx, ctx, value);
}

// The file name of the innermost running script or module: the base of a relative specifier (the host
// resolves importValue's specifier as the caller's own import() would).
Atom caller_file_name(Runtime& rt) {
    for (Frame* frame = rt.m_current_frame; frame; frame = frame->prev)
        if (frame->fb) return frame->fb->m_filename;
    return atoms::empty_string;
}

// 3.4.2 ShadowRealm.prototype.importValue ( specifier, exportName )
Value shadow_realm_import_value(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be this value; perform ? ValidateShadowRealmObject(O).
    ShadowRealmObject* o = TRY(validate_shadow_realm(ctx, args.this_value, "importValue"));
    // 3. Let specifierString be ? ToString(specifier).
    Value specifier = TRY(to_string(ctx, args.arg(0)));
    // 4. If exportName is not a String, throw a TypeError exception.
    if (!args.arg(1).is_string())
        return ctx.throw_type_error("ShadowRealm.prototype.importValue: the export name must be a string");
    // 5-7. Return ShadowRealmImportValue(specifierString, exportName, callerRealm, evalRealm).
    Context& eval_realm = *o->m_realm;
    // 3.1.5 1-5. The evalRealm loads the module as its own import() would (its registry, its promise).
    Value importer = TRY(module_import_function(eval_realm, caller_file_name(ctx.rt())));
    Value inner = TRY(call(eval_realm, importer, Value(), std::span<const Value>(&specifier, 1)));
    if (!is_promise(inner)) return ctx.throw_type_error("ShadowRealm.prototype.importValue: import failed");
    // 6-8. Let onFulfilled be a builtin of the caller's realm with [[ExportNameString]].
    Value on_fulfilled =
        TRY(new_native_function(ctx, shadow_realm_export_getter, atoms::empty_string, 1, 0, 1));
    static_cast<NativeFunctionObject*>(on_fulfilled.as_object())->data()[0] = args.arg(1);
    // 9-10. Return PerformPromiseThen(innerCapability.[[Promise]], onFulfilled,
    // callerRealm.[[Intrinsics]].[[%ThrowTypeError%]], promiseCapability).
    Value result = TRY(new_promise(ctx, nullptr, nullptr));
    Value throw_type_error = Value::object(ctx.intrinsic(Intrinsic::ThrowTypeError));
    TRY(perform_promise_then(ctx, inner.as_object(), on_fulfilled, throw_type_error, result.as_object()));
    return result;
}

bool write_shadow_realm(Object* o, HeapWriter& w) {
    w.realm(static_cast<ShadowRealmObject*>(o)->m_realm);
    return true;
}
bool read_shadow_realm(Object* o, HeapReader& r) {
    Context*& realm = static_cast<ShadowRealmObject*>(o)->m_realm;
    if (!r.realm(&realm)) return false;
    return realm ? true : r.fail("a ShadowRealm without its realm");
}
const ClassSnapshotHooks kShadowRealmSnapshot = {
    sizeof(ShadowRealmObject), 0,       nullptr, construct_payload<ShadowRealmObject>, write_shadow_realm,
    read_shadow_realm,         nullptr,
};

const FunctionListEntry kShadowRealmPrototype[] = {
    QJS_FUNC("evaluate", 1, shadow_realm_evaluate),
    QJS_FUNC("importValue", 2, shadow_realm_import_value),
    QJS_PROP_STRING("[Symbol.toStringTag]", "ShadowRealm", prop::Configurable),
};

} // namespace

// CopyNameAndLength ( F, Target [ , prefix [ , argCount ] ] ) (also Function.prototype.bind's steps 4-10).
Result<void> copy_name_and_length(Context& ctx, Object* f, Object* target, const char* prefix,
                                  size_t arg_count) {
    // 3. Let L be 0.
    double length = 0;
    // 4. Let targetHasLength be ? HasOwnProperty(Target, "length").
    // 5. If targetHasLength is true, then
    if (TRY(has_own_property(ctx, target, atoms::length))) {
        // a. Let targetLen be ? Get(Target, "length").
        Value target_len = TRY(get(ctx, target, atoms::length));
        // b. If targetLen is a Number, then
        if (target_len.is_number()) {
            double d = target_len.as_number();
            if (d == INFINITY) {
                // i. If targetLen is +∞𝔽, set L to +∞.
                length = INFINITY;
            } else if (d != -INFINITY) {
                // ii. Else if targetLen is -∞𝔽, set L to 0.
                // iii-iv. Set L to max(! ToIntegerOrInfinity(targetLen) - argCount, 0).
                double as_int = std::isnan(d) ? 0 : std::trunc(d);
                length = std::fmax(as_int - static_cast<double>(arg_count), 0);
            }
        }
    }
    // 6. Perform SetFunctionLength(F, L).
    TRY(put_own_data(ctx, f, atoms::length, Value::number(length), prop::Configurable));
    // 7. Let targetName be ? Get(Target, "name").
    Value target_name = TRY(get(ctx, target, atoms::name));
    // 8. If targetName is not a String, set targetName to the empty String.
    // 9. Perform SetFunctionName(F, targetName, prefix).
    StringBuilder sb(ctx.rt());
    if (prefix) {
        sb.append_ascii(prefix);
        sb.append(u' ');
    }
    if (target_name.is_string()) sb.append(target_name.as_string());
    String* name = sb.finish();
    if (!name) {
        ctx.throw_out_of_memory();
        return Exception{};
    }
    TRY(put_own_data(ctx, f, atoms::name, Value::adopt(Tag::String, name), prop::Configurable));
    return {};
}

bool install_shadow_realm(Context& ctx) {
    register_class_hooks(ClassId::ShadowRealm,
                         ClassHooks{nullptr, nullptr, nullptr, nullptr, &kShadowRealmSnapshot});
    register_native(wrapped_function_call, "ShadowRealm wrapped function");
    register_native(shadow_realm_export_getter, "ShadowRealm ExportGetter");
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::ShadowRealmPrototype, proto);
    proto->unref(); // the realm holds it
    Object* ctor = define_builtin_constructor(ctx, shadow_realm_constructor, "ShadowRealm", 0, proto);
    if (!ctor) return false;
    return define_function_list(ctx, proto, kShadowRealmPrototype);
}

} // namespace qjs
