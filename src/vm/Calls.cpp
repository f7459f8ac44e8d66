// Calls.cpp: [[Call]]/[[Construct]] of bytecode functions (10.2.1, 10.2.2), script evaluation,
// direct eval and the interpreter's error helpers.
#include "bytecode/Compiler.h"
#include "bytecode/EvalCache.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Object.h"
#include "runtime/String.h"
#include "runtime/VectorGrowth.h"
#include "vm/FunctionObject.h"
#include "vm/Generators.h"
#include "vm/Interpreter.h"
#include "vm/SlowPaths.h"

#include <alloca.h>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace qjs {

// JS call depth limit, independent of the native stack limit (deep recursion in small frames).
constexpr uint32_t kMaxCallDepth = 10000;

// 10.2.1.2 OrdinaryCallBindThis (#sec-ordinarycallbindthis) and, for [[Construct]], the
// OrdinaryCreateFromConstructor step of 10.2.2. Writes the frame's this.
Result<void> bind_this(Context& realm, FunctionObject* fo, const Value& this_value, const Value& new_target,
                       Value* out) {
    FunctionBytecode* fb = fo->m_bytecode;
    if (!new_target.is_undefined()) {
        if (fb->is_derived_constructor()) {
            *out = Value::uninitialized();
            return {};
        }
        Object* proto = nullptr;
        // Fast path: new_target is a bytecode function with an own data "prototype" holding an
        // object (the common `new F()`): no getter can run, read the slot.
        if (new_target.as_object()->class_id() == ClassId::BytecodeFunction) {
            Object* nt = new_target.as_object();
            int32_t slot = find_own_slot(nt, atoms::prototype);
            if (slot >= 0 && !(nt->m_shape->entry(static_cast<uint32_t>(slot)).flags & prop::Accessor) &&
                nt->m_slots[slot].is_object()) {
                proto = nt->m_slots[slot].as_object();
                proto->ref();
            }
        }
        if (!proto)
            proto = TRY(get_prototype_from_constructor(realm, new_target,
                                                       realm.intrinsic(Intrinsic::ObjectPrototype)));
        Value obj = new_object_with_proto(realm, proto);
        if (proto) proto->unref();
        if (obj.is_exception()) return Exception{};
        *out = std::move(obj);
        return {};
    }
    if (fb->is_strict() || fb->is_arrow() || this_value.is_object()) {
        *out = this_value;
        return {};
    }
    // 6. Sloppy: undefined/null -> the realm's global object; primitives -> ToObject.
    if (this_value.is_nullish()) {
        *out = Value::object(realm.global_object());
        return {};
    }
    *out = TRY(to_object(realm, this_value));
    return {};
}

// The frame of fo over `values`, whose this and new.target slots are constructed and the rest raw
// memory: the parameters from args, the other registers undefined. The operand stack stays raw memory
// (pushes construct in place, see Interpreter.cpp). Every field is set here (no zeroing of the Frame
// first; a call is mostly this setup).
[[gnu::always_inline]] static inline Frame new_frame(FunctionObject* fo, Value* values,
                                                     std::span<const Value> args) {
    FunctionBytecode* fb = fo->m_bytecode;
    Value* regs = values + kFrameHeaderSlots;
    Value* stack = regs + fb->register_count();
    size_t n = args.size() < fb->m_param_count ? args.size() : fb->m_param_count;
    for (size_t i = 0; i < n; i++)
        new (&regs[i]) Value(args[i]);
    for (Value* v = regs + n; v < stack; v++)
        new (v) Value();
    return Frame{nullptr,           fo,    fb,   fo->m_realm, values, regs, stack, fo->var_refs(),
                 fb->code().data(), stack, args, nullptr};
}

// Destroys a native-stack frame's values after run_frame returned: the header and the registers.
// The operand stack needs nothing: run_frame leaves it empty (no slot at or above sp owns a value).
static void destroy_frame_values(Value* values, const FunctionBytecode* fb) {
    for (uint32_t i = 0, n = kFrameHeaderSlots + fb->register_count(); i < n; i++)
        values[i].~Value();
}

// Runs fo's body on a native-stack frame (inlined into its callers: one C++ level less per call).
[[gnu::always_inline]] static inline Value run_on_stack(Context& ctx, FunctionObject* fo, Value this_binding,
                                                        std::span<const Value> args,
                                                        const Value& new_target) {
    FunctionBytecode* fb = fo->m_bytecode;
    Runtime& rt = ctx.rt();
    uint32_t n = kFrameHeaderSlots + fb->register_count() + fb->m_stack_size;
    auto* values = static_cast<Value*>(alloca(n * sizeof(Value)));
    new (&values[kFrameThisSlot]) Value(std::move(this_binding));
    new (&values[kFrameNewTargetSlot]) Value(new_target);
    Frame f = new_frame(fo, values, args);
    rt.m_js_call_depth++;
    Value r = run_frame(ctx, f);
    rt.m_js_call_depth--;
    // 10.2.2 [[Construct]] step 10-12: a base constructor returning a non-object yields this.
    if (!r.is_exception() && !new_target.is_undefined() && !r.is_object() && !fb->is_derived_constructor())
        r = values[kFrameThisSlot];
    destroy_frame_values(values, fb);
    return r;
}

// [[Call]]/[[Construct]] of a bytecode function, inlined into the two entry points below.
// `poll_interrupt` is false where the caller polled already (the interpreter's call instructions).
template <bool poll_interrupt = true>
[[gnu::always_inline]] static inline Value call_bytecode(Context& ctx, Object* function,
                                                         const Value& this_value, std::span<const Value> args,
                                                         const Value& new_target) {
    auto* fo = static_cast<FunctionObject*>(function);
    FunctionBytecode* fb = fo->m_bytecode;
    if (!fb) return ctx.throw_type_error("function is no longer valid");
    Runtime& rt = ctx.rt();
    if (ctx.check_stack_overflow()) return Exception{};
    if (rt.m_js_call_depth >= kMaxCallDepth) [[unlikely]]
        return ctx.throw_range_error("Maximum call stack size exceeded");
    if (poll_interrupt && rt.interrupt_pending()) [[unlikely]]
        return throw_interrupted(ctx);
    // 10.2.1 [[Call]] step 2: class constructors throw when called.
    if (new_target.is_undefined() && (fo->m_flags & objflag::ClassConstructor)) [[unlikely]] {
        Atom name = fb->m_name;
        return throw_atom_error(ctx, ErrorType::TypeError,
                                "class constructor %s cannot be invoked without 'new'", name);
    }
    Context& realm = *fo->m_realm;
    Value this_binding;
    // OrdinaryCallBindThis's common case inline: a call whose this is used as it is.
    if (new_target.is_undefined() && (this_value.is_object() || fb->is_strict() || fb->is_arrow()))
        this_binding = this_value;
    else if (new_target.is_undefined() && this_value.is_nullish()) // sloppy f(): the global object
        this_binding = Value::object(realm.global_object());
    else
        TRY(bind_this(realm, fo, this_value, new_target, &this_binding));
    if (fb->needs_heap_frame()) return start_suspendable_function(realm, fo, std::move(this_binding), args);
    return run_on_stack(realm, fo, std::move(this_binding), args, new_target);
}

Value call_bytecode_function(Context& ctx, Object* function, const Value& this_value,
                             std::span<const Value> args, const Value& new_target) {
    return call_bytecode(ctx, function, this_value, args, new_target);
}

Value call_from_interpreter(Context& ctx, const Value& func, const Value& this_value,
                            std::span<const Value> args) {
    if (is_bytecode_function(func))
        return call_bytecode<false>(ctx, func.as_object(), this_value, args, Value::undefined());
    if (!is_callable(func))
        return ctx.throw_type_error("%s is not a function", func.is_undefined() ? "undefined" : "value");
    return call(ctx, func, this_value, args);
}

Value construct_from_interpreter(Context& ctx, const Value& func, std::span<const Value> args,
                                 const Value& new_target) {
    if (!is_constructor(func)) return ctx.throw_type_error("value is not a constructor");
    if (func.as_object()->class_id() == ClassId::BytecodeFunction)
        return call_bytecode_function(ctx, func.as_object(), Value::undefined(), args, new_target);
    return construct(ctx, func, args, new_target);
}

Result<Vector<Value>> spread_arguments(Context& ctx, const Value& array) {
    if (array.is_object() && array.as_object()->is_fast_array()) {
        Object* a = array.as_object();
        Vector<Value> list;
        if (!vector_reserve(list, a->m_element_count)) return ctx.throw_out_of_memory();
        for (uint32_t i = 0; i < a->m_element_count; i++)
            list.push_back(a->m_elements[i]);
        return list;
    }
    return create_list_from_array_like(ctx, array);
}

// 19.2.1.1 PerformEval (#sec-performeval) for a direct call: the eval code becomes a closure of the
// calling frame (its free names are the caller's variables) and runs with the caller's this,
// new.target and home object.
Value direct_eval(Context& ctx, Frame& f, const Value& func, std::span<const Value> args, uint16_t scope) {
    Object* eval_fn = ctx.intrinsic(Intrinsic::Eval);
    if (!func.is_object() || func.as_object() != eval_fn) {
        if (ctx.rt().interrupt_pending()) [[unlikely]]
            return throw_interrupted(ctx);
        return call_from_interpreter(ctx, func, Value::undefined(), args);
    }
    // 2. If x is not a String, return x.
    if (args.empty()) return Value::undefined();
    if (!args[0].is_string()) return args[0];
    String* text = args[0].as_string();
    FunctionBytecode* efb = eval_cache_find(f.fb, scope, text);
    if (!efb) {
        std::string source = text->to_wtf8();
        EvalCaller caller;
        caller.function = f.fb;
        caller.eval_site = scope;
        efb = TRY(compile_eval(ctx, source.data(), source.size(), &caller, f.fb->is_strict()));
        eval_cache_insert(f.fb, scope, text, efb);
    }
    Value closure = new_closure(ctx, efb, &f);
    efb->unref();
    if (closure.is_exception()) return Exception{};
    auto* fo = static_cast<FunctionObject*>(closure.as_object());
    fo->m_home_object = f.function->m_home_object;
    if (ctx.check_stack_overflow()) return Exception{};
    // Eval code is not a constructor call: run it with the caller's new.target as data only.
    FunctionBytecode* fb = fo->m_bytecode;
    Runtime& rt = ctx.rt();
    uint32_t n = kFrameHeaderSlots + fb->register_count() + fb->m_stack_size;
    auto* values = static_cast<Value*>(alloca(n * sizeof(Value)));
    new (&values[kFrameThisSlot]) Value(f.this_value());
    new (&values[kFrameNewTargetSlot]) Value(f.new_target());
    Frame ef = new_frame(fo, values, {});
    rt.m_js_call_depth++;
    Value r = run_frame(ctx, ef);
    rt.m_js_call_depth--;
    destroy_frame_values(values, fb);
    return r;
}

Exception throw_atom_error(Context& ctx, ErrorType type, const char* fmt, Atom atom) {
    std::string name = "?";
    if (atom != atoms::invalid) {
        Value s = ctx.rt().atom_to_string(atom);
        if (s.is_exception()) return Exception{};
        name = s.as_string()->to_utf8();
    }
    return ctx.throw_error(type, fmt, name.c_str());
}

Exception throw_tdz_error(Context& ctx, Atom name) {
    return throw_atom_error(ctx, ErrorType::ReferenceError, "%s is not initialized", name);
}

Exception throw_error_op(Context& ctx, Frame&, Atom atom, uint8_t kind) {
    switch (static_cast<ThrowErrorKind>(kind)) {
    case ThrowErrorKind::ConstAssign:
        return throw_atom_error(ctx, ErrorType::TypeError, "assignment to constant variable '%s'", atom);
    case ThrowErrorKind::NotDefined:
        return throw_atom_error(ctx, ErrorType::ReferenceError, "%s is not defined", atom);
    case ThrowErrorKind::Redeclaration:
        return throw_atom_error(ctx, ErrorType::SyntaxError, "redeclaration of '%s'", atom);
    case ThrowErrorKind::Uninitialized: return throw_tdz_error(ctx, atom);
    case ThrowErrorKind::BadSuper: return ctx.throw_reference_error("unsupported reference to 'super'");
    case ThrowErrorKind::InvalidAssignTarget:
        // The empty atom: an invalid assignment target (ReferenceError); a private name: an accessor
        // without the needed half; `throw`: yield* into an iterator without a throw method.
        if (atom == atoms::empty_string || atom == atoms::invalid)
            return ctx.throw_reference_error("invalid assignment target");
        if (atom == atoms::throw_) return ctx.throw_type_error("iterator does not have a throw method");
        return throw_atom_error(ctx, ErrorType::TypeError, "invalid access to private member '%s'", atom);
    }
    return ctx.throw_error(ErrorType::InternalError, "bad throw_error kind");
}

Atom register_name(const FunctionBytecode* fb, uint32_t reg) {
    if (reg < fb->locals().size()) return fb->locals()[reg].name;
    return atoms::invalid;
}

} // namespace qjs
