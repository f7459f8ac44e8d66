// Interpreter.cpp: the dispatch loop. Only the instructions' fast paths live here; generic cases
// are out of line (SlowPaths.h). Computed-goto dispatch when the compiler supports it (GCC/Clang),
// a switch otherwise.
//
// Stack discipline: operand stack slots above sp own nothing. A native-stack frame's slots start as
// raw memory (a call is mostly its setup) and are only ever constructed by a push; a heap frame's start
// undefined and, like every slot a pop or drop left, hold no heap value, so the frame's storage can be
// visited or destroyed at any time. Pushes therefore construct in place and never assign.
#include "bytecode/FunctionBytecode.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Object.h"
#include "runtime/String.h"
#include "runtime/TypedArrayObject.h"
#include "runtime/VarRef.h"
#include "vm/Frames.h"
#include "vm/FunctionObject.h"
#include "vm/SlowPaths.h"

#include <cmath>

#if defined(__GNUC__) && !defined(QJS_NO_COMPUTED_GOTO)
#define QJS_COMPUTED_GOTO 1
#else
#define QJS_COMPUTED_GOTO 0
#endif

namespace qjs {

namespace {

inline bool truthy(const Value& v) {
    switch (v.tag()) {
    case Tag::Bool:
    case Tag::Int32: return v.as_int32() != 0;
    case Tag::Undefined:
    case Tag::Null: return false;
    default: return to_boolean(v);
    }
}

inline VarRef* as_var_ref(const Value& v) {
    return static_cast<VarRef*>(v.as_cell());
}

// The VarRef of a boxed register. A register the compiler did not box yet (no box_loc ran on this
// path) is boxed on first use, so a missing box_loc degrades to one cell per frame instead of a crash.
inline VarRef* loc_ref(Runtime& rt, Value& reg) {
    if (reg.is_internal_cell()) [[likely]]
        return as_var_ref(reg);
    VarRef* ref = rt.new_cell<VarRef>(0);
    if (!ref) return nullptr;
    ref->value = std::move(reg);
    reg = Value::adopt(Tag::InternalCell, ref);
    return ref;
}

// Interrupt check (backward jumps and calls).
inline bool interrupted(Runtime& rt) {
    return rt.interrupt_pending();
}

// Backward jumps: the interrupt check, and a safe point to free unused atoms (Runtime::sweep_atoms)
// when the only native code on the stack is the host's (a loop of a function called from a function
// called by the script is one; a loop of a callback of Array.prototype.map is not), so no native
// code holds a bare atom. Elsewhere the request stays until control is back at such a loop (or
// between jobs).
inline bool loop_interrupted(Runtime& rt) {
    if (rt.m_atom_sweep_due && rt.only_host_calls_in_progress()) [[unlikely]]
        rt.sweep_atoms();
    return rt.interrupt_pending();
}

// ToInt32 of a Number (a bitwise operator's operand that is not an int32).
inline int32_t number_to_int32(const Value& v) {
    return v.is_int32() ? v.as_int32() : double_to_int32(v.as_float64());
}

} // namespace

Exception throw_interrupted(Context& ctx) {
    Runtime& rt = ctx.rt();
    rt.m_interrupt_requested = 0;
    ctx.throw_error(ErrorType::InternalError, "interrupted");
    rt.m_uncatchable = true;
    return Exception{};
}

// Out of memory before run_frame starts (or resumes) f: the frame completes with the error, as if
// thrown by its first instruction outside any handler.
[[gnu::noinline]] static Value fail_frame_entry(Context& ctx, Frame& f) {
    while (f.sp > f.stack)
        *--f.sp = Value();
    if (f.heap) f.heap->state = FrameState::Completed;
    return ctx.throw_out_of_memory();
}

Value run_frame(Context& ctx_in, Frame& f) {
    Context& ctx = *f.realm;
    (void)ctx_in;
    Runtime& rt = ctx.rt();
    FunctionBytecode* fb = f.fb;
    const uint8_t* code = fb->code().data();
    const uint8_t* pc = f.pc;
    Value* sp = f.sp;
    Value* regs = f.regs;
    Value* stack = f.stack;
    VarRef** var_refs = f.var_refs;
    Value* constants = fb->constants().data();
    InlineCache* ics = fb->ics();
    if (!ics) [[unlikely]] { // the function's first run
        ics = fb->allocate_ics();
        if (!ics) return fail_frame_entry(ctx, f);
    }
    const bool strict = fb->is_strict();
    Value ret;
    // Call instructions' shared state (declared here: the call paths jump between labels).
    uint32_t argc = 0;
    uint32_t extra = 0; // values below the arguments: func (+ this / new_target)
    Value r;

    f.prev = rt.m_current_frame;
    rt.m_current_frame = &f;

#define POP() std::move(*--sp)
// The slot at sp holds undefined (see the top of the file), so a push constructs in place: there is
// no old value to release. `v` must not change sp.
#define PUSH(v) (new (sp) Value(v), ++sp)
#define DROP_N(n)                                                                                            \
    do {                                                                                                     \
        for (uint32_t _i = 0; _i < (n); _i++)                                                                \
            *--sp = Value();                                                                                 \
    } while (0)
#define U8(off) (pc[off])
#define I8(off) (static_cast<int8_t>(pc[off]))
#define U16(off) read_u16(pc + (off))
#define I16(off) read_i16(pc + (off))
#define U32(off) read_u32(pc + (off))
#define I32(off) read_i32(pc + (off))
#define THROW() goto exception
#define CHECK(expr)                                                                                          \
    do {                                                                                                     \
        if ((expr).is_exception()) [[unlikely]]                                                              \
            THROW();                                                                                         \
    } while (0)

#if QJS_COMPUTED_GOTO
    static void* const dispatch_table[] = {
#define QJS_OPCODE(name, size, n_pop, n_push, format) &&L_##name,
#include "bytecode/Opcodes.def"
#undef QJS_OPCODE
    };
#define CASE(name) L_##name:
#else
#define CASE(name) case Op::name:
#endif
#if QJS_COMPUTED_GOTO
// Each instruction ends with its own indirect jump (better prediction than one shared jump).
// A computed goto does NOT run C++ destructors of the block's locals: at a NEXT() every local
// Value must have been moved from (or never hold a heap value); otherwise close its scope first.
#define NEXT()                                                                                               \
    do {                                                                                                     \
        f.pc = pc;                                                                                           \
        goto* dispatch_table[*pc++];                                                                         \
    } while (0)
#else
#define NEXT() goto dispatch
#endif

    // A resumed frame may have to throw at its suspension point (generator.throw, rejected await).
    if (f.heap && f.heap->resume_throw) {
        f.heap->resume_throw = false;
        f.pc = pc - 1;
        goto exception;
    }
    if (f.heap) f.heap->state = FrameState::Running;

#if QJS_COMPUTED_GOTO
    NEXT();
#else
dispatch:
    f.pc = pc;
    switch (static_cast<Op>(*pc++)) {
#endif

    CASE(nop) NEXT();
    CASE(debugger) NEXT();

    // ---- Constants ----
    CASE(push_undefined) {
        PUSH(Value::undefined());
        NEXT();
    }
    CASE(push_null) {
        PUSH(Value::null());
        NEXT();
    }
    CASE(push_true) {
        PUSH(Value::boolean(true));
        NEXT();
    }
    CASE(push_false) {
        PUSH(Value::boolean(false));
        NEXT();
    }
    CASE(push_i32) {
        PUSH(Value::int32(I32(0)));
        pc += 4;
        NEXT();
    }
    CASE(push_i16) {
        PUSH(Value::int32(I16(0)));
        pc += 2;
        NEXT();
    }
    CASE(push_i8) {
        PUSH(Value::int32(I8(0)));
        pc += 1;
        NEXT();
    }
    CASE(push_minus1) {
        PUSH(Value::int32(-1));
        NEXT();
    }
    CASE(push_0) {
        PUSH(Value::int32(0));
        NEXT();
    }
    CASE(push_1) {
        PUSH(Value::int32(1));
        NEXT();
    }
    CASE(push_2) {
        PUSH(Value::int32(2));
        NEXT();
    }
    CASE(push_3) {
        PUSH(Value::int32(3));
        NEXT();
    }
    CASE(push_const) {
        PUSH(constants[U32(0)]);
        pc += 4;
        NEXT();
    }
    CASE(push_const8) {
        PUSH(constants[U8(0)]);
        pc += 1;
        NEXT();
    }
    CASE(push_atom) {
        Value v = rt.atom_to_value(U32(0));
        CHECK(v);
        PUSH(std::move(v));
        pc += 4;
        NEXT();
    }
    CASE(push_empty_string) {
        Value v = rt.atom_to_value(atoms::empty_string);
        CHECK(v);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(fclosure) {
        auto* child = static_cast<FunctionBytecode*>(constants[U32(0)].as_cell());
        pc += 4;
        Value v = new_closure(ctx, child, &f);
        CHECK(v);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(fclosure8) {
        auto* child = static_cast<FunctionBytecode*>(constants[U8(0)].as_cell());
        pc += 1;
        Value v = new_closure(ctx, child, &f);
        CHECK(v);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(regexp) {
        Value v = create_regexp(ctx, sp[-2], sp[-1]);
        CHECK(v);
        DROP_N(2);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(get_template_object) {
        Value v = get_template_object(ctx, constants[U32(0)]);
        pc += 4;
        CHECK(v);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(push_this) {
        PUSH(f.this_value());
        NEXT();
    }
    CASE(special_object) {
        Value v = make_special_object(ctx, f, U8(0));
        pc += 1;
        CHECK(v);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(rest) {
        Value v = make_rest_array(ctx, f, U16(0));
        pc += 2;
        CHECK(v);
        PUSH(std::move(v));
        NEXT();
    }

    // ---- Stack manipulation ----
    CASE(drop) {
        *--sp = Value();
        NEXT();
    }
    CASE(nip) {
        sp[-2] = std::move(sp[-1]);
        --sp;
        NEXT();
    }
    CASE(nip1) {
        sp[-3] = std::move(sp[-2]);
        sp[-2] = std::move(sp[-1]);
        --sp;
        NEXT();
    }
    CASE(dup) {
        PUSH(sp[-1]);
        NEXT();
    }
    CASE(dup1) {
        new (sp) Value(std::move(sp[-1]));
        sp[-1] = sp[-2];
        sp++;
        NEXT();
    }
    CASE(dup2) {
        new (sp) Value(sp[-2]);
        new (sp + 1) Value(sp[-1]);
        sp += 2;
        NEXT();
    }
    CASE(dup3) {
        new (sp) Value(sp[-3]);
        new (sp + 1) Value(sp[-2]);
        new (sp + 2) Value(sp[-1]);
        sp += 3;
        NEXT();
    }
    CASE(insert2) {
        new (sp) Value(std::move(sp[-1]));
        sp[-1] = std::move(sp[-2]);
        sp[-2] = sp[0];
        sp++;
        NEXT();
    }
    CASE(insert3) {
        new (sp) Value(std::move(sp[-1]));
        sp[-1] = std::move(sp[-2]);
        sp[-2] = std::move(sp[-3]);
        sp[-3] = sp[0];
        sp++;
        NEXT();
    }
    CASE(insert4) {
        new (sp) Value(std::move(sp[-1]));
        sp[-1] = std::move(sp[-2]);
        sp[-2] = std::move(sp[-3]);
        sp[-3] = std::move(sp[-4]);
        sp[-4] = sp[0];
        sp++;
        NEXT();
    }
    CASE(perm3) {
        std::swap(sp[-3], sp[-2]);
        NEXT();
    }
    CASE(perm4) {
        Value t = std::move(sp[-2]);
        sp[-2] = std::move(sp[-3]);
        sp[-3] = std::move(sp[-4]);
        sp[-4] = std::move(t);
        NEXT();
    }
    CASE(perm5) {
        Value t = std::move(sp[-2]);
        sp[-2] = std::move(sp[-3]);
        sp[-3] = std::move(sp[-4]);
        sp[-4] = std::move(sp[-5]);
        sp[-5] = std::move(t);
        NEXT();
    }
    CASE(swap) {
        std::swap(sp[-1], sp[-2]);
        NEXT();
    }
    CASE(swap2) {
        std::swap(sp[-4], sp[-2]);
        std::swap(sp[-3], sp[-1]);
        NEXT();
    }
    CASE(rot3l) {
        Value t = std::move(sp[-3]);
        sp[-3] = std::move(sp[-2]);
        sp[-2] = std::move(sp[-1]);
        sp[-1] = std::move(t);
        NEXT();
    }
    CASE(rot3r) {
        Value t = std::move(sp[-1]);
        sp[-1] = std::move(sp[-2]);
        sp[-2] = std::move(sp[-3]);
        sp[-3] = std::move(t);
        NEXT();
    }
    CASE(rot4l) {
        Value t = std::move(sp[-4]);
        sp[-4] = std::move(sp[-3]);
        sp[-3] = std::move(sp[-2]);
        sp[-2] = std::move(sp[-1]);
        sp[-1] = std::move(t);
        NEXT();
    }
    CASE(rot5l) {
        Value t = std::move(sp[-5]);
        sp[-5] = std::move(sp[-4]);
        sp[-4] = std::move(sp[-3]);
        sp[-3] = std::move(sp[-2]);
        sp[-2] = std::move(sp[-1]);
        sp[-1] = std::move(t);
        NEXT();
    }

    // ---- Registers ----
    CASE(get_loc) {
        PUSH(regs[U16(0)]);
        pc += 2;
        NEXT();
    }
    CASE(put_loc) {
        regs[U16(0)] = POP();
        pc += 2;
        NEXT();
    }
    CASE(set_loc) {
        regs[U16(0)] = sp[-1];
        pc += 2;
        NEXT();
    }
    CASE(get_loc8) {
        PUSH(regs[U8(0)]);
        pc += 1;
        NEXT();
    }
    CASE(put_loc8) {
        regs[U8(0)] = POP();
        pc += 1;
        NEXT();
    }
    CASE(set_loc8) {
        regs[U8(0)] = sp[-1];
        pc += 1;
        NEXT();
    }
#define LOC_SHORT(n)                                                                                         \
    CASE(get_loc##n) {                                                                                       \
        PUSH(regs[n]);                                                                                       \
        NEXT();                                                                                              \
    }                                                                                                        \
    CASE(put_loc##n) {                                                                                       \
        regs[n] = POP();                                                                                     \
        NEXT();                                                                                              \
    }                                                                                                        \
    CASE(set_loc##n) {                                                                                       \
        regs[n] = sp[-1];                                                                                    \
        NEXT();                                                                                              \
    }
    LOC_SHORT(0)
    LOC_SHORT(1)
    LOC_SHORT(2)
    LOC_SHORT(3)
#undef LOC_SHORT
    CASE(set_loc_uninitialized) {
        regs[U16(0)] = Value::uninitialized();
        pc += 2;
        NEXT();
    }
    CASE(get_loc_check) {
        uint16_t i = U16(0);
        if (regs[i].is_uninitialized()) [[unlikely]] {
            throw_tdz_error(ctx, register_name(fb, i));
            THROW();
        }
        PUSH(regs[i]);
        pc += 2;
        NEXT();
    }
    CASE(put_loc_check) {
        uint16_t i = U16(0);
        if (regs[i].is_uninitialized()) [[unlikely]] {
            throw_tdz_error(ctx, register_name(fb, i));
            THROW();
        }
        regs[i] = POP();
        pc += 2;
        NEXT();
    }
    CASE(put_loc_check_init) {
        uint16_t i = U16(0);
        if (!regs[i].is_uninitialized()) [[unlikely]] {
            ctx.throw_reference_error("'this' is already initialized");
            THROW();
        }
        regs[i] = POP();
        pc += 2;
        NEXT();
    }
    CASE(check_loc_init) {
        uint16_t i = U16(0);
        if (regs[i].is_uninitialized()) [[unlikely]] {
            throw_tdz_error(ctx, register_name(fb, i));
            THROW();
        }
        pc += 2;
        NEXT();
    }
    CASE(inc_loc) {
        Value& r = regs[U16(0)];
        if (r.is_int32() && r.as_int32() != INT32_MAX) [[likely]] {
            r = Value::int32(r.as_int32() + 1);
        } else {
            Value v = unary_op_slow(ctx, Op::inc, r);
            CHECK(v);
            r = std::move(v);
        }
        pc += 2;
        NEXT();
    }
    CASE(dec_loc) {
        Value& r = regs[U16(0)];
        if (r.is_int32() && r.as_int32() != INT32_MIN) [[likely]] {
            r = Value::int32(r.as_int32() - 1);
        } else {
            Value v = unary_op_slow(ctx, Op::dec, r);
            CHECK(v);
            r = std::move(v);
        }
        pc += 2;
        NEXT();
    }
    CASE(add_loc) {
        Value& r = regs[U16(0)];
        int32_t sum;
        if (r.is_int32() && sp[-1].is_int32() &&
            !__builtin_add_overflow(r.as_int32(), sp[-1].as_int32(), &sum)) {
            r = Value::int32(sum);
        } else if (r.is_number() && sp[-1].is_number()) {
            r = Value::float64(r.as_number() + sp[-1].as_number());
        } else {
            Value v = r.is_string() && sp[-1].is_string() ? concat_strings(ctx, r, sp[-1])
                                                          : binary_op_slow(ctx, Op::add, r, sp[-1]);
            CHECK(v);
            r = std::move(v);
        }
        *--sp = Value();
        pc += 2;
        NEXT();
    }

    // ---- Boxed registers ----
    CASE(box_loc) {
        Value& r = regs[U16(0)];
        VarRef* ref = rt.new_cell<VarRef>(0);
        if (!ref) {
            ctx.throw_out_of_memory();
            THROW();
        }
        ref->value = std::move(r);
        r = Value::adopt(Tag::InternalCell, ref);
        pc += 2;
        NEXT();
    }
    CASE(copy_box_loc) {
        Value& r = regs[U16(0)];
        VarRef* ref = rt.new_cell<VarRef>(0);
        if (!ref) {
            ctx.throw_out_of_memory();
            THROW();
        }
        ref->value = r.is_internal_cell() ? as_var_ref(r)->value : r;
        r = Value::adopt(Tag::InternalCell, ref);
        pc += 2;
        NEXT();
    }
    CASE(get_loc_ref) {
        VarRef* ref = loc_ref(rt, regs[U16(0)]);
        if (!ref) {
            ctx.throw_out_of_memory();
            THROW();
        }
        PUSH(ref->value);
        pc += 2;
        NEXT();
    }
    CASE(put_loc_ref) {
        VarRef* ref = loc_ref(rt, regs[U16(0)]);
        if (!ref) {
            ctx.throw_out_of_memory();
            THROW();
        }
        ref->value = POP();
        pc += 2;
        NEXT();
    }
    CASE(set_loc_ref) {
        VarRef* ref = loc_ref(rt, regs[U16(0)]);
        if (!ref) {
            ctx.throw_out_of_memory();
            THROW();
        }
        ref->value = sp[-1];
        pc += 2;
        NEXT();
    }
    CASE(get_loc_ref_check) {
        uint16_t i = U16(0);
        VarRef* ref = loc_ref(rt, regs[i]);
        if (!ref) {
            ctx.throw_out_of_memory();
            THROW();
        }
        if (ref->value.is_uninitialized()) [[unlikely]] {
            throw_tdz_error(ctx, register_name(fb, i));
            THROW();
        }
        PUSH(ref->value);
        pc += 2;
        NEXT();
    }
    CASE(put_loc_ref_check) {
        uint16_t i = U16(0);
        VarRef* ref = loc_ref(rt, regs[i]);
        if (!ref) {
            ctx.throw_out_of_memory();
            THROW();
        }
        if (ref->value.is_uninitialized()) [[unlikely]] {
            throw_tdz_error(ctx, register_name(fb, i));
            THROW();
        }
        ref->value = POP();
        pc += 2;
        NEXT();
    }
    CASE(put_loc_ref_check_init) {
        VarRef* ref = loc_ref(rt, regs[U16(0)]);
        if (!ref) {
            ctx.throw_out_of_memory();
            THROW();
        }
        if (!ref->value.is_uninitialized()) [[unlikely]] {
            ctx.throw_reference_error("'this' is already initialized");
            THROW();
        }
        ref->value = POP();
        pc += 2;
        NEXT();
    }
    CASE(set_loc_ref_uninitialized) {
        VarRef* ref = loc_ref(rt, regs[U16(0)]);
        if (!ref) {
            ctx.throw_out_of_memory();
            THROW();
        }
        ref->value = Value::uninitialized();
        pc += 2;
        NEXT();
    }

    // ---- Closure variables ----
    CASE(get_var_ref) {
        PUSH(var_refs[U16(0)]->value);
        pc += 2;
        NEXT();
    }
    CASE(put_var_ref) {
        var_refs[U16(0)]->value = POP();
        pc += 2;
        NEXT();
    }
    CASE(set_var_ref) {
        var_refs[U16(0)]->value = sp[-1];
        pc += 2;
        NEXT();
    }
    CASE(get_var_ref0) {
        PUSH(var_refs[0]->value);
        NEXT();
    }
    CASE(get_var_ref1) {
        PUSH(var_refs[1]->value);
        NEXT();
    }
    CASE(get_var_ref2) {
        PUSH(var_refs[2]->value);
        NEXT();
    }
    CASE(get_var_ref3) {
        PUSH(var_refs[3]->value);
        NEXT();
    }
    CASE(get_var_ref_check) {
        uint16_t i = U16(0);
        if (var_refs[i]->value.is_uninitialized()) [[unlikely]] {
            throw_tdz_error(ctx, fb->closure_var_name(i));
            THROW();
        }
        PUSH(var_refs[i]->value);
        pc += 2;
        NEXT();
    }
    CASE(put_var_ref_check) {
        uint16_t i = U16(0);
        if (var_refs[i]->value.is_uninitialized()) [[unlikely]] {
            throw_tdz_error(ctx, fb->closure_var_name(i));
            THROW();
        }
        var_refs[i]->value = POP();
        pc += 2;
        NEXT();
    }
    CASE(put_var_ref_check_init) {
        uint16_t i = U16(0);
        if (!var_refs[i]->value.is_uninitialized()) [[unlikely]] {
            ctx.throw_reference_error("'this' is already initialized");
            THROW();
        }
        var_refs[i]->value = POP();
        pc += 2;
        NEXT();
    }

    // ---- Globals ----
    CASE(get_var) {
        Atom a = U32(0);
        InlineCache& ic = ics[U16(4)];
        Object* g = ctx.m_global_object;
        Object* lex = ctx.m_global_lexicals;
        if (ic.kind == InlineCache::Global && g->m_shape == ic.shape && lex->m_shape == ic.aux) [[likely]] {
            PUSH(g->m_slots[ic.slot]);
        } else if (ic.kind == InlineCache::Lexical && lex->m_shape == ic.shape &&
                   !lex->m_slots[ic.slot].is_uninitialized()) {
            PUSH(lex->m_slots[ic.slot]);
        } else {
            Value v = get_global_var(ctx, a, false, &ic);
            CHECK(v);
            PUSH(std::move(v));
        }
        pc += 6;
        NEXT();
    }
    CASE(get_var_undef) {
        Value v = get_global_var(ctx, U32(0), true, &ics[U16(4)]);
        CHECK(v);
        PUSH(std::move(v));
        pc += 6;
        NEXT();
    }
    CASE(put_var) {
        Atom a = U32(0);
        InlineCache& ic = ics[U16(4)];
        Object* g = ctx.m_global_object;
        Object* lex = ctx.m_global_lexicals;
        if (ic.kind == InlineCache::Global && g->m_shape == ic.shape && lex->m_shape == ic.aux) [[likely]] {
            g->m_slots[ic.slot] = POP();
        } else if (ic.kind == InlineCache::Lexical && lex->m_shape == ic.shape &&
                   !lex->m_slots[ic.slot].is_uninitialized()) {
            lex->m_slots[ic.slot] = POP();
        } else {
            CHECK(put_global_var(ctx, a, sp[-1], strict, &ic));
            *--sp = Value();
        }
        pc += 6;
        NEXT();
    }
    CASE(put_var_init) {
        CHECK(put_global_var_init(ctx, U32(0), sp[-1]));
        *--sp = Value();
        pc += 4;
        NEXT();
    }
    CASE(delete_var) {
        Value v = delete_global_var(ctx, U32(0));
        CHECK(v);
        PUSH(std::move(v));
        pc += 4;
        NEXT();
    }
    CASE(check_define_var) {
        CHECK(check_define_global(ctx, U32(0), U8(4)));
        pc += 5;
        NEXT();
    }
    CASE(define_var) {
        CHECK(define_global(ctx, U32(0), U8(4)));
        pc += 5;
        NEXT();
    }
    CASE(define_func) {
        CHECK(define_global_function(ctx, U32(0), sp[-1], U8(4)));
        *--sp = Value();
        pc += 5;
        NEXT();
    }

    // ---- Dynamic scopes ----
    CASE(with_get_var) {
        Atom a = U32(0);
        const uint8_t* insn = pc - 1;
        Result<bool> found = dynamic_scope_has(ctx, sp[-1], a, U8(8) & 1);
        CHECK(found);
        if (found.value()) {
            Value v = dynamic_scope_get(ctx, sp[-1], a, U8(8) & 1, strict);
            CHECK(v);
            sp[-1] = std::move(v);
            pc = insn + I32(4);
        } else {
            *--sp = Value();
            pc += 9;
        }
        NEXT();
    }
    CASE(with_put_var) {
        Atom a = U32(0);
        const uint8_t* insn = pc - 1;
        Result<bool> found = dynamic_scope_has(ctx, sp[-1], a, U8(8) & 1);
        CHECK(found);
        if (found.value()) {
            Result<void> ok = dynamic_scope_set(ctx, sp[-1], a, sp[-2], U8(8) & 1, strict);
            CHECK(ok);
            DROP_N(2);
            pc = insn + I32(4);
        } else {
            *--sp = Value();
            pc += 9;
        }
        NEXT();
    }
    CASE(with_delete_var) {
        Atom a = U32(0);
        const uint8_t* insn = pc - 1;
        Result<bool> found = dynamic_scope_has(ctx, sp[-1], a, U8(8) & 1);
        CHECK(found);
        if (found.value()) {
            Result<bool> ok = delete_property(ctx, sp[-1].as_object(), a);
            CHECK(ok);
            sp[-1] = Value::boolean(ok.value());
            pc = insn + I32(4);
        } else {
            *--sp = Value();
            pc += 9;
        }
        NEXT();
    }
    CASE(with_get_ref) {
        Atom a = U32(0);
        const uint8_t* insn = pc - 1;
        Result<bool> found = dynamic_scope_has(ctx, sp[-1], a, U8(8) & 1);
        CHECK(found);
        if (found.value()) {
            Value v = dynamic_scope_get(ctx, sp[-1], a, U8(8) & 1, strict);
            CHECK(v);
            PUSH(std::move(v));
            pc = insn + I32(4);
        } else {
            *--sp = Value();
            pc += 9;
        }
        NEXT();
    }
    CASE(with_make_ref) {
        Atom a = U32(0);
        const uint8_t* insn = pc - 1;
        Result<bool> found = dynamic_scope_has(ctx, sp[-1], a, U8(8) & 1);
        CHECK(found);
        if (found.value()) {
            Value key = rt.atom_to_value(a);
            CHECK(key);
            PUSH(std::move(key));
            pc = insn + I32(4);
        } else {
            *--sp = Value();
            pc += 9;
        }
        NEXT();
    }
    CASE(make_global_ref) {
        Value key;
        Value ref = make_global_reference(ctx, U32(0), &key);
        CHECK(ref);
        PUSH(std::move(ref));
        PUSH(std::move(key));
        pc += 4;
        NEXT();
    }
    CASE(make_loc_ref) {
        if (!loc_ref(rt, regs[U16(0)])) {
            ctx.throw_out_of_memory();
            THROW();
        }
        PUSH(regs[U16(0)]);
        PUSH(Value::int32(0));
        pc += 2;
        NEXT();
    }
    CASE(make_var_ref_ref) {
        VarRef* ref = var_refs[U16(0)];
        PUSH(Value::cell(Tag::InternalCell, ref));
        PUSH(Value::int32(0));
        pc += 2;
        NEXT();
    }
    CASE(get_ref_value) {
        Value v = get_reference_value(ctx, sp[-2], sp[-1], strict);
        CHECK(v);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(put_ref_value) {
        CHECK(put_reference_value(ctx, sp[-3], sp[-2], sp[-1], strict));
        DROP_N(3);
        NEXT();
    }

    // ---- Property access ----
    CASE(get_field) {
        Value& base = sp[-1];
        if (base.is_object()) [[likely]] {
            Object* o = base.as_object();
            InlineCache& ic = ics[U16(4)];
            if (o->m_shape == ic.shape) [[likely]] {
                if (ic.kind == InlineCache::Own) {
                    Value v = o->m_slots[ic.slot];
                    sp[-1] = std::move(v);
                    pc += 6;
                    NEXT();
                }
                Object* holder = ic.shape->m_proto;
                if (ic.depth > 1) [[unlikely]]
                    holder = ic_chain_holder(ic, holder);
                if (holder && holder->m_shape == ic.aux) {
                    Value v = holder->m_slots[ic.slot];
                    sp[-1] = std::move(v);
                    pc += 6;
                    NEXT();
                }
            }
        }
        Value v = get_field_slow(ctx, base, U32(0), &ics[U16(4)]);
        CHECK(v);
        sp[-1] = std::move(v);
        pc += 6;
        NEXT();
    }
    CASE(get_field2) {
        Value& base = sp[-1];
        if (base.is_object()) [[likely]] {
            Object* o = base.as_object();
            InlineCache& ic = ics[U16(4)];
            if (o->m_shape == ic.shape) [[likely]] {
                if (ic.kind == InlineCache::Own) {
                    PUSH(o->m_slots[ic.slot]);
                    pc += 6;
                    NEXT();
                }
                Object* holder = ic.shape->m_proto;
                if (ic.depth > 1) [[unlikely]]
                    holder = ic_chain_holder(ic, holder);
                if (holder && holder->m_shape == ic.aux) {
                    PUSH(holder->m_slots[ic.slot]);
                    pc += 6;
                    NEXT();
                }
            }
        }
        Value v = get_field_slow(ctx, base, U32(0), &ics[U16(4)]);
        CHECK(v);
        PUSH(std::move(v));
        pc += 6;
        NEXT();
    }
    CASE(put_field) {
        Value& base = sp[-2];
        if (base.is_object()) [[likely]] {
            Object* o = base.as_object();
            InlineCache& ic = ics[U16(4)];
            if (o->m_shape == ic.shape) [[likely]] {
                if (ic.kind == InlineCache::Own) {
                    o->m_slots[ic.slot] = POP();
                    *--sp = Value();
                    pc += 6;
                    NEXT();
                }
                // Cached add transition: same starting shape, room in the slots, nothing on the
                // prototype chain that could intercept the Set (the prototypes' recorded shapes, or
                // a lookup on each when the entry has none).
                if (ic.kind == InlineCache::Add && o->is_extensible() &&
                    (ic.slot < o->m_slot_capacity || grow_slots(rt, o, ic.slot + 1)) &&
                    (ic.depth > 1 ? ic_add_protos_unchanged(ic) : !protos_may_intercept(o, U32(0)))) {
                    Shape* old = o->m_shape;
                    ic.aux->ref();
                    o->m_shape = ic.aux;
                    old->unref();
                    new (&o->m_slots[ic.slot]) Value(POP());
                    *--sp = Value();
                    pc += 6;
                    NEXT();
                }
            }
        }
        CHECK(put_field_slow(ctx, base, U32(0), sp[-1], strict, &ics[U16(4)]));
        DROP_N(2);
        pc += 6;
        NEXT();
    }
    CASE(get_array_el) {
        Value& base = sp[-2];
        Value& key = sp[-1];
        if (base.is_object() && key.is_int32()) {
            Object* o = base.as_object();
            uint32_t i = static_cast<uint32_t>(key.as_int32());
            if (o->is_fast_array() && i < o->m_element_count) {
                Value v = o->m_elements[i];
                *--sp = Value();
                sp[-1] = std::move(v);
                NEXT();
            }
            Value v;
            if (is_typed_array(o) && typed_array_read_fast(o, i, &v)) {
                *--sp = Value();
                sp[-1] = std::move(v);
                NEXT();
            }
        }
        Value v = get_array_el_slow(ctx, base, key);
        CHECK(v);
        *--sp = Value();
        sp[-1] = std::move(v);
        NEXT();
    }
    CASE(get_array_el2) {
        Value& base = sp[-2];
        Value& key = sp[-1];
        if (base.is_object() && key.is_int32()) {
            Object* o = base.as_object();
            uint32_t i = static_cast<uint32_t>(key.as_int32());
            if (o->is_fast_array() && i < o->m_element_count) {
                sp[-1] = o->m_elements[i];
                NEXT();
            }
            Value v;
            if (is_typed_array(o) && typed_array_read_fast(o, i, &v)) {
                sp[-1] = std::move(v);
                NEXT();
            }
        }
        Value v = get_array_el_slow(ctx, base, key);
        CHECK(v);
        sp[-1] = std::move(v);
        NEXT();
    }
    CASE(put_array_el) {
        Value& base = sp[-3];
        Value& key = sp[-2];
        if (base.is_object() && key.is_int32()) {
            Object* o = base.as_object();
            uint32_t i = static_cast<uint32_t>(key.as_int32());
            if (o->is_fast_array() && i < o->m_element_count) {
                o->m_elements[i] = POP();
                DROP_N(2);
                NEXT();
            }
            if (sp[-1].is_int32() && is_typed_array(o) &&
                typed_array_write_int32_fast(o, i, sp[-1].as_int32())) {
                DROP_N(3);
                NEXT();
            }
        }
        CHECK(put_array_el_slow(ctx, base, key, sp[-1], strict));
        DROP_N(3);
        NEXT();
    }
    CASE(get_length) {
        Value& base = sp[-1];
        if (base.is_object() && base.as_object()->is_array()) {
            sp[-1] = Value::number(base.as_object()->m_array_length);
            NEXT();
        }
        if (base.is_string()) {
            sp[-1] = Value::int32(static_cast<int32_t>(base.as_string()->length()));
            NEXT();
        }
        Value v = get_length_slow(ctx, base);
        CHECK(v);
        sp[-1] = std::move(v);
        NEXT();
    }
    CASE(to_propkey) {
        if (!sp[-1].is_int32() && !sp[-1].is_string() && !sp[-1].is_symbol()) {
            Value k = to_property_key_value(ctx, sp[-1]);
            CHECK(k);
            sp[-1] = std::move(k);
        }
        NEXT();
    }
    CASE(to_propkey2) {
        if (sp[-2].is_nullish()) [[unlikely]] {
            throw_nullish_base(ctx, sp[-2], sp[-1]);
            THROW();
        }
        if (!sp[-1].is_int32() && !sp[-1].is_string() && !sp[-1].is_symbol()) {
            Value k = to_property_key_value(ctx, sp[-1]);
            CHECK(k);
            sp[-1] = std::move(k);
        }
        NEXT();
    }
    CASE(delete_) {
        Value v = delete_op(ctx, sp[-2], sp[-1], strict);
        CHECK(v);
        DROP_N(2);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(get_super) {
        Value v = get_super_base(ctx, sp[-1]);
        CHECK(v);
        sp[-1] = std::move(v);
        NEXT();
    }
    CASE(get_super_value) {
        Value v = get_super_value(ctx, sp[-3], sp[-2], sp[-1]);
        CHECK(v);
        DROP_N(3);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(put_super_value) {
        CHECK(put_super_value(ctx, sp[-4], sp[-3], sp[-2], sp[-1], strict));
        DROP_N(4);
        NEXT();
    }
    CASE(get_super_ctor) {
        Value v = get_super_constructor(ctx, sp[-1]);
        CHECK(v);
        sp[-1] = std::move(v);
        NEXT();
    }

    // ---- Literals and classes ----
    CASE(object) {
        Value v = new_object(ctx);
        CHECK(v);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(define_field) {
        Result<bool> ok = create_data_property(ctx, sp[-2].as_object(), U32(0), sp[-1]);
        CHECK(ok);
        if (!ok.value()) {
            ctx.throw_type_error_atom("cannot define property '%s'", U32(0));
            THROW();
        }
        *--sp = Value();
        pc += 4;
        NEXT();
    }
    CASE(define_computed_field) {
        Result<Atom> key = to_property_key(ctx, sp[-2]);
        CHECK(key);
        Result<void> ok = create_data_property_or_throw(ctx, sp[-3].as_object(), key.value(), sp[-1]);
        CHECK(ok);
        DROP_N(2);
        NEXT();
    }
    CASE(define_method) {
        {
            Value key = rt.atom_to_value(U32(0));
            CHECK(key);
            CHECK(define_method_op(ctx, sp[-2].as_object(), key, sp[-1], U8(4)));
        }
        *--sp = Value();
        pc += 5;
        NEXT();
    }
    CASE(define_method_computed) {
        CHECK(define_method_op(ctx, sp[-3].as_object(), sp[-2], sp[-1], U8(0)));
        DROP_N(2);
        pc += 1;
        NEXT();
    }
    CASE(set_home_object) {
        if (is_bytecode_function(sp[-1]))
            static_cast<FunctionObject*>(sp[-1].as_object())->m_home_object = sp[-2];
        NEXT();
    }
    CASE(set_name) {
        {
            Value key = rt.atom_to_value(U32(0));
            CHECK(key);
            CHECK(set_function_name(ctx, sp[-1].as_object(), key));
        }
        pc += 4;
        NEXT();
    }
    CASE(set_name_computed) {
        CHECK(set_function_name(ctx, sp[-1].as_object(), sp[-2]));
        NEXT();
    }
    CASE(set_proto) {
        if (sp[-1].is_object() || sp[-1].is_null()) {
            Object* proto = sp[-1].is_null() ? nullptr : sp[-1].as_object();
            CHECK(set_prototype_of(ctx, sp[-2].as_object(), proto));
        }
        *--sp = Value();
        NEXT();
    }
    CASE(copy_data_properties) {
        CHECK(copy_data_properties(ctx, sp[-2], sp[-1], Value::undefined()));
        *--sp = Value();
        NEXT();
    }
    CASE(copy_data_properties_excl) {
        CHECK(copy_data_properties(ctx, sp[-3], sp[-2], sp[-1]));
        DROP_N(2);
        NEXT();
    }
    CASE(array_from) {
        uint16_t n = U16(0);
        Value a = new_array_from(ctx, std::span<const Value>(sp - n, n));
        CHECK(a);
        DROP_N(n);
        PUSH(std::move(a));
        pc += 2;
        NEXT();
    }
    CASE(append) {
        int32_t pos = sp[-2].as_int32();
        CHECK(append_iterable(ctx, sp[-3].as_object(), &pos, sp[-1]));
        *--sp = Value();
        sp[-1] = Value::int32(pos);
        NEXT();
    }
    CASE(define_array_el) {
        int32_t pos = sp[-2].as_int32();
        Object* a = sp[-3].as_object();
        if (a->is_fast_array() && static_cast<uint32_t>(pos) == a->m_element_count) {
            if (!array_push_fast(ctx, a, POP())) {
                ctx.throw_out_of_memory();
                THROW();
            }
        } else {
            CHECK(create_data_property_index(ctx, a, static_cast<uint32_t>(pos), sp[-1]));
            *--sp = Value();
        }
        sp[-1] = Value::int32(pos + 1);
        NEXT();
    }
    CASE(array_hole) {
        int32_t pos = sp[-1].as_int32() + 1;
        Value len = Value::int32(pos);
        CHECK(set_or_throw(ctx, sp[-2].as_object(), atoms::length, len));
        sp[-1] = std::move(len);
        NEXT();
    }
    CASE(define_class) {
        auto* ctor_fb = static_cast<FunctionBytecode*>(constants[U32(0)].as_cell());
        Value ctor, proto;
        CHECK(define_class(ctx, f, ctor_fb, U8(4), sp[-1], &ctor, &proto));
        sp[-1] = std::move(ctor);
        PUSH(std::move(proto));
        pc += 5;
        NEXT();
    }
    CASE(set_class_fields_init) {
        Value init = POP();
        static_cast<FunctionObject*>(sp[-1].as_object())->m_fields_init = std::move(init);
        NEXT();
    }
    CASE(init_fields) {
        CHECK(init_instance_fields(ctx, sp[-2], sp[-1]));
        *--sp = Value();
        NEXT();
    }
    CASE(private_symbol) {
        Value v = new_private_symbol(ctx, U32(0));
        CHECK(v);
        PUSH(std::move(v));
        pc += 4;
        NEXT();
    }
    CASE(get_private_field) {
        Value v = get_private_field(ctx, sp[-2], sp[-1]);
        CHECK(v);
        DROP_N(2);
        PUSH(std::move(v));
        NEXT();
    }
    CASE(put_private_field) {
        CHECK(put_private_field(ctx, sp[-3], sp[-1], sp[-2]));
        DROP_N(3);
        NEXT();
    }
    CASE(define_private_field) {
        CHECK(define_private_field(ctx, sp[-3], sp[-2], sp[-1]));
        DROP_N(2);
        NEXT();
    }
    CASE(add_brand) {
        CHECK(add_brand(ctx, sp[-2], sp[-1]));
        DROP_N(2);
        NEXT();
    }
    CASE(check_brand) {
        CHECK(check_brand(ctx, sp[-2], sp[-1]));
        *--sp = Value();
        NEXT();
    }
    CASE(private_in) {
        Value v = private_in(ctx, sp[-2], sp[-1]);
        CHECK(v);
        DROP_N(2);
        PUSH(std::move(v));
        NEXT();
    }

    // ---- Calls ----
    {
    do_call:
        if (interrupted(rt)) [[unlikely]] {
            throw_interrupted(ctx);
            THROW();
        }
        r = call_from_interpreter(ctx, sp[-(int)argc - 1], Value::undefined(),
                                  std::span<const Value>(sp - argc, argc));
        goto call_done;
    do_call_method:
        if (interrupted(rt)) [[unlikely]] {
            throw_interrupted(ctx);
            THROW();
        }
        r = call_from_interpreter(ctx, sp[-(int)argc - 1], sp[-(int)argc - 2],
                                  std::span<const Value>(sp - argc, argc));
        goto call_done;
    call_done:
        CHECK(r);
        // The callee, its this and its arguments: only heap values need releasing (see the top).
        for (Value* v = sp - (argc + extra); v < sp; v++)
            if (v->is_heap()) *v = Value();
        sp -= argc + extra;
        PUSH(std::move(r));
        NEXT();

        CASE(call) {
            argc = U16(0);
            extra = 1;
            pc += 2;
            goto do_call;
        }
        CASE(call0) {
            argc = 0;
            extra = 1;
            goto do_call;
        }
        CASE(call1) {
            argc = 1;
            extra = 1;
            goto do_call;
        }
        CASE(call2) {
            argc = 2;
            extra = 1;
            goto do_call;
        }
        CASE(call3) {
            argc = 3;
            extra = 1;
            goto do_call;
        }
        CASE(call_method) {
            argc = U16(0);
            extra = 2;
            pc += 2;
            goto do_call_method;
        }
        CASE(call_constructor) {
            argc = U16(0);
            extra = 1;
            pc += 2;
            if (interrupted(rt)) [[unlikely]] {
                throw_interrupted(ctx);
                THROW();
            }
            r = construct_from_interpreter(ctx, sp[-(int)argc - 1], std::span<const Value>(sp - argc, argc),
                                           sp[-(int)argc - 1]);
            goto call_done;
        }
        CASE(call_constructor_nt) {
            argc = U16(0);
            extra = 2;
            pc += 2;
            r = construct_from_interpreter(ctx, sp[-(int)argc - 2], std::span<const Value>(sp - argc, argc),
                                           sp[-(int)argc - 1]);
            goto call_done;
        }
        CASE(apply) {
            Result<Vector<Value>> list = spread_arguments(ctx, sp[-1]);
            CHECK(list);
            Vector<Value> args = list.release_value();
            if (interrupted(rt)) [[unlikely]] {
                throw_interrupted(ctx);
                THROW();
            }
            r = call_from_interpreter(ctx, sp[-2], sp[-3], std::span<const Value>(args.data(), args.size()));
            argc = 0;
            extra = 3;
            goto call_done;
        }
        CASE(apply_constructor) {
            Result<Vector<Value>> list = spread_arguments(ctx, sp[-1]);
            CHECK(list);
            Vector<Value> args = list.release_value();
            r = construct_from_interpreter(ctx, sp[-3], std::span<const Value>(args.data(), args.size()),
                                           sp[-2]);
            argc = 0;
            extra = 3;
            goto call_done;
        }
        CASE(eval) {
            argc = U16(0);
            uint16_t scope = U16(2);
            extra = 1;
            pc += 4;
            r = direct_eval(ctx, f, sp[-(int)argc - 1], std::span<const Value>(sp - argc, argc), scope);
            goto call_done;
        }
        CASE(apply_eval) {
            uint16_t scope = U16(0);
            pc += 2;
            Result<Vector<Value>> list = spread_arguments(ctx, sp[-1]);
            CHECK(list);
            Vector<Value> args = list.release_value();
            r = direct_eval(ctx, f, sp[-2], std::span<const Value>(args.data(), args.size()), scope);
            argc = 0;
            extra = 2;
            goto call_done;
        }
    }
    CASE(return_) {
        ret = POP();
        goto done;
    }
    CASE(return_undef) {
        ret = Value::undefined();
        goto done;
    }
    CASE(check_ctor_return) {
        if (sp[-1].is_object()) {
            PUSH(Value::boolean(false));
        } else if (sp[-1].is_undefined()) {
            PUSH(Value::boolean(true));
        } else {
            ctx.throw_type_error("derived class constructor must return an object or undefined");
            THROW();
        }
        NEXT();
    }

    // ---- Operators ----
    CASE(typeof_) {
        Value v = type_of(ctx, sp[-1]);
        CHECK(v);
        sp[-1] = std::move(v);
        NEXT();
    }
    CASE(neg) {
        Value& a = sp[-1];
        if (a.is_int32() && a.as_int32() != 0 && a.as_int32() != INT32_MIN) {
            a = Value::int32(-a.as_int32());
        } else if (a.is_float64()) {
            a = Value::number(-a.as_float64());
        } else {
            Value v = unary_op_slow(ctx, Op::neg, a);
            CHECK(v);
            a = std::move(v);
        }
        NEXT();
    }
    CASE(plus) {
        if (!sp[-1].is_number()) {
            Value v = unary_op_slow(ctx, Op::plus, sp[-1]);
            CHECK(v);
            sp[-1] = std::move(v);
        }
        NEXT();
    }
    CASE(to_numeric) {
        if (!sp[-1].is_number()) {
            Value v = unary_op_slow(ctx, Op::to_numeric, sp[-1]);
            CHECK(v);
            sp[-1] = std::move(v);
        }
        NEXT();
    }
    CASE(inc) {
        Value& a = sp[-1];
        if (a.is_int32() && a.as_int32() != INT32_MAX) {
            a = Value::int32(a.as_int32() + 1);
        } else {
            Value v = unary_op_slow(ctx, Op::inc, a);
            CHECK(v);
            a = std::move(v);
        }
        NEXT();
    }
    CASE(dec) {
        Value& a = sp[-1];
        if (a.is_int32() && a.as_int32() != INT32_MIN) {
            a = Value::int32(a.as_int32() - 1);
        } else {
            Value v = unary_op_slow(ctx, Op::dec, a);
            CHECK(v);
            a = std::move(v);
        }
        NEXT();
    }
    CASE(post_inc) {
        Value& a = sp[-1];
        if (a.is_int32() && a.as_int32() != INT32_MAX) {
            PUSH(Value::int32(a.as_int32() + 1));
        } else {
            Value old = unary_op_slow(ctx, Op::to_numeric, a);
            CHECK(old);
            Value v = unary_op_slow(ctx, Op::inc, old);
            CHECK(v);
            sp[-1] = std::move(old);
            PUSH(std::move(v));
        }
        NEXT();
    }
    CASE(post_dec) {
        Value& a = sp[-1];
        if (a.is_int32() && a.as_int32() != INT32_MIN) {
            PUSH(Value::int32(a.as_int32() - 1));
        } else {
            Value old = unary_op_slow(ctx, Op::to_numeric, a);
            CHECK(old);
            Value v = unary_op_slow(ctx, Op::dec, old);
            CHECK(v);
            sp[-1] = std::move(old);
            PUSH(std::move(v));
        }
        NEXT();
    }
    CASE(bit_not) {
        if (sp[-1].is_int32()) {
            sp[-1] = Value::int32(~sp[-1].as_int32());
        } else {
            Value v = unary_op_slow(ctx, Op::bit_not, sp[-1]);
            CHECK(v);
            sp[-1] = std::move(v);
        }
        NEXT();
    }
    CASE(lnot) {
        bool b = truthy(sp[-1]);
        sp[-1] = Value::boolean(!b);
        NEXT();
    }

#define BINARY_SLOW(opname)                                                                                  \
    do {                                                                                                     \
        Value v = binary_op_slow(ctx, Op::opname, sp[-2], sp[-1]);                                           \
        CHECK(v);                                                                                            \
        *--sp = Value();                                                                                     \
        sp[-1] = std::move(v);                                                                               \
    } while (0)
#define BINARY_RESULT(expr)                                                                                  \
    do {                                                                                                     \
        Value _r = (expr);                                                                                   \
        *--sp = Value();                                                                                     \
        sp[-1] = std::move(_r);                                                                              \
    } while (0)

    CASE(add) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        if (a.is_int32() && b.is_int32()) {
            int32_t r;
            if (!__builtin_add_overflow(a.as_int32(), b.as_int32(), &r))
                BINARY_RESULT(Value::int32(r));
            else
                BINARY_RESULT(Value::float64(static_cast<double>(a.as_int32()) + b.as_int32()));
        } else if (a.is_number() && b.is_number()) {
            BINARY_RESULT(Value::float64(a.as_number() + b.as_number()));
        } else if (a.is_string() && b.is_string()) {
            Value v = concat_strings(ctx, a, b);
            CHECK(v);
            *--sp = Value();
            sp[-1] = std::move(v);
        } else {
            BINARY_SLOW(add);
        }
        NEXT();
    }
    CASE(sub) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        if (a.is_int32() && b.is_int32()) {
            int32_t r;
            if (!__builtin_sub_overflow(a.as_int32(), b.as_int32(), &r))
                BINARY_RESULT(Value::int32(r));
            else
                BINARY_RESULT(Value::float64(static_cast<double>(a.as_int32()) - b.as_int32()));
        } else if (a.is_number() && b.is_number()) {
            BINARY_RESULT(Value::float64(a.as_number() - b.as_number()));
        } else {
            BINARY_SLOW(sub);
        }
        NEXT();
    }
    CASE(mul) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        if (a.is_int32() && b.is_int32()) {
            int32_t r;
            if (!__builtin_mul_overflow(a.as_int32(), b.as_int32(), &r) &&
                (r != 0 || (a.as_int32() >= 0 && b.as_int32() >= 0)))
                BINARY_RESULT(Value::int32(r));
            else
                BINARY_RESULT(Value::float64(static_cast<double>(a.as_int32()) * b.as_int32()));
        } else if (a.is_number() && b.is_number()) {
            BINARY_RESULT(Value::float64(a.as_number() * b.as_number()));
        } else {
            BINARY_SLOW(mul);
        }
        NEXT();
    }
    CASE(div) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        if (a.is_number() && b.is_number()) {
            BINARY_RESULT(Value::number(a.as_number() / b.as_number()));
        } else {
            BINARY_SLOW(div);
        }
        NEXT();
    }
    CASE(mod) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        if (a.is_int32() && b.is_int32() && a.as_int32() >= 0 && b.as_int32() > 0) {
            BINARY_RESULT(Value::int32(a.as_int32() % b.as_int32()));
        } else if (a.is_number() && b.is_number()) {
            BINARY_RESULT(Value::number(std::fmod(a.as_number(), b.as_number())));
        } else {
            BINARY_SLOW(mod);
        }
        NEXT();
    }
    CASE(pow) {
        BINARY_SLOW(pow);
        NEXT();
    }
    CASE(shl) {
        if (sp[-2].is_int32() && sp[-1].is_int32()) {
            uint32_t r = static_cast<uint32_t>(sp[-2].as_int32()) << (sp[-1].as_int32() & 31);
            BINARY_RESULT(Value::int32(static_cast<int32_t>(r)));
        } else if (sp[-2].is_number() && sp[-1].is_number()) {
            uint32_t r = static_cast<uint32_t>(number_to_int32(sp[-2])) << (number_to_int32(sp[-1]) & 31);
            BINARY_RESULT(Value::int32(static_cast<int32_t>(r)));
        } else {
            BINARY_SLOW(shl);
        }
        NEXT();
    }
    CASE(sar) {
        if (sp[-2].is_int32() && sp[-1].is_int32()) {
            BINARY_RESULT(Value::int32(sp[-2].as_int32() >> (sp[-1].as_int32() & 31)));
        } else if (sp[-2].is_number() && sp[-1].is_number()) {
            BINARY_RESULT(Value::int32(number_to_int32(sp[-2]) >> (number_to_int32(sp[-1]) & 31)));
        } else {
            BINARY_SLOW(sar);
        }
        NEXT();
    }
    CASE(shr) {
        if (sp[-2].is_int32() && sp[-1].is_int32()) {
            uint32_t r = static_cast<uint32_t>(sp[-2].as_int32()) >> (sp[-1].as_int32() & 31);
            BINARY_RESULT(Value::number(r));
        } else if (sp[-2].is_number() && sp[-1].is_number()) {
            uint32_t r = static_cast<uint32_t>(number_to_int32(sp[-2])) >> (number_to_int32(sp[-1]) & 31);
            BINARY_RESULT(Value::number(r));
        } else {
            BINARY_SLOW(shr);
        }
        NEXT();
    }
    CASE(and_) {
        if (sp[-2].is_int32() && sp[-1].is_int32()) {
            BINARY_RESULT(Value::int32(sp[-2].as_int32() & sp[-1].as_int32()));
        } else if (sp[-2].is_number() && sp[-1].is_number()) {
            BINARY_RESULT(Value::int32(number_to_int32(sp[-2]) & number_to_int32(sp[-1])));
        } else {
            BINARY_SLOW(and_);
        }
        NEXT();
    }
    CASE(or_) {
        if (sp[-2].is_int32() && sp[-1].is_int32()) {
            BINARY_RESULT(Value::int32(sp[-2].as_int32() | sp[-1].as_int32()));
        } else if (sp[-2].is_number() && sp[-1].is_number()) {
            BINARY_RESULT(Value::int32(number_to_int32(sp[-2]) | number_to_int32(sp[-1])));
        } else {
            BINARY_SLOW(or_);
        }
        NEXT();
    }
    CASE(xor_) {
        if (sp[-2].is_int32() && sp[-1].is_int32()) {
            BINARY_RESULT(Value::int32(sp[-2].as_int32() ^ sp[-1].as_int32()));
        } else if (sp[-2].is_number() && sp[-1].is_number()) {
            BINARY_RESULT(Value::int32(number_to_int32(sp[-2]) ^ number_to_int32(sp[-1])));
        } else {
            BINARY_SLOW(xor_);
        }
        NEXT();
    }

#define COMPARE(opname, cmp)                                                                                 \
    CASE(opname) {                                                                                           \
        Value& a = sp[-2];                                                                                   \
        Value& b = sp[-1];                                                                                   \
        if (a.is_int32() && b.is_int32()) {                                                                  \
            BINARY_RESULT(Value::boolean(a.as_int32() cmp b.as_int32()));                                    \
        } else if (a.is_number() && b.is_number()) {                                                         \
            BINARY_RESULT(Value::boolean(a.as_number() cmp b.as_number()));                                  \
        } else if (a.is_string() && b.is_string()) {                                                         \
            /* IsLessThan of two Strings: by code units (7.2.13 step 3) */                                   \
            BINARY_RESULT(Value::boolean(a.as_string()->compare(b.as_string()) cmp 0));                      \
        } else {                                                                                             \
            Value v = compare_op_slow(ctx, Op::opname, a, b);                                                \
            CHECK(v);                                                                                        \
            BINARY_RESULT(std::move(v));                                                                     \
        }                                                                                                    \
        NEXT();                                                                                              \
    }
    COMPARE(lt, <)
    COMPARE(lte, <=)
    COMPARE(gt, >)
    COMPARE(gte, >=)
#undef COMPARE

    CASE(eq) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        if (a.is_int32() && b.is_int32()) {
            BINARY_RESULT(Value::boolean(a.as_int32() == b.as_int32()));
        } else {
            Result<bool> r = is_loosely_equal(ctx, a, b);
            CHECK(r);
            BINARY_RESULT(Value::boolean(r.value()));
        }
        NEXT();
    }
    CASE(neq) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        if (a.is_int32() && b.is_int32()) {
            BINARY_RESULT(Value::boolean(a.as_int32() != b.as_int32()));
        } else {
            Result<bool> r = is_loosely_equal(ctx, a, b);
            CHECK(r);
            BINARY_RESULT(Value::boolean(!r.value()));
        }
        NEXT();
    }
    CASE(strict_eq) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        bool r = (a.is_int32() && b.is_int32()) ? a.as_int32() == b.as_int32() : is_strictly_equal(a, b);
        BINARY_RESULT(Value::boolean(r));
        NEXT();
    }
    CASE(strict_neq) {
        Value& a = sp[-2];
        Value& b = sp[-1];
        bool r = (a.is_int32() && b.is_int32()) ? a.as_int32() == b.as_int32() : is_strictly_equal(a, b);
        BINARY_RESULT(Value::boolean(!r));
        NEXT();
    }
    CASE(in) {
        Value v = op_in(ctx, sp[-2], sp[-1]);
        CHECK(v);
        BINARY_RESULT(std::move(v));
        NEXT();
    }
    CASE(instanceof) {
        Value v = op_instanceof(ctx, sp[-2], sp[-1]);
        CHECK(v);
        BINARY_RESULT(std::move(v));
        NEXT();
    }
    CASE(is_undefined_or_null) {
        sp[-1] = Value::boolean(sp[-1].is_nullish());
        NEXT();
    }
    CASE(is_undefined) {
        sp[-1] = Value::boolean(sp[-1].is_undefined());
        NEXT();
    }
    CASE(is_null) {
        sp[-1] = Value::boolean(sp[-1].is_null());
        NEXT();
    }
    CASE(to_object) {
        if (!sp[-1].is_object()) {
            Value v = to_object(ctx, sp[-1]);
            CHECK(v);
            sp[-1] = std::move(v);
        }
        NEXT();
    }
    CASE(check_object_coercible) {
        if (sp[-1].is_nullish()) [[unlikely]] {
            ctx.throw_type_error("cannot destructure '%s' as it is %s",
                                 sp[-1].is_null() ? "null" : "undefined",
                                 sp[-1].is_null() ? "null" : "undefined");
            THROW();
        }
        NEXT();
    }
    CASE(to_string) {
        if (!sp[-1].is_string()) {
            Value v = to_string(ctx, sp[-1]);
            CHECK(v);
            sp[-1] = std::move(v);
        }
        NEXT();
    }

    // ---- Control flow ----
    CASE(goto_) {
        int32_t off = I32(0);
        pc = pc - 1 + off;
        if (off <= 0 && loop_interrupted(rt)) [[unlikely]] {
            throw_interrupted(ctx);
            THROW();
        }
        NEXT();
    }
    CASE(goto8) {
        int32_t off = I8(0);
        pc = pc - 1 + off;
        if (off <= 0 && loop_interrupted(rt)) [[unlikely]] {
            throw_interrupted(ctx);
            THROW();
        }
        NEXT();
    }
#define COND_JUMP(opname, reader, size, want)                                                                \
    CASE(opname) {                                                                                           \
        bool b = truthy(sp[-1]);                                                                             \
        *--sp = Value();                                                                                     \
        if (b == want) {                                                                                     \
            int32_t off = reader(0);                                                                         \
            pc = pc - 1 + off;                                                                               \
            if (off <= 0 && loop_interrupted(rt)) [[unlikely]] {                                             \
                throw_interrupted(ctx);                                                                      \
                THROW();                                                                                     \
            }                                                                                                \
        } else {                                                                                             \
            pc += size;                                                                                      \
        }                                                                                                    \
        NEXT();                                                                                              \
    }
    COND_JUMP(if_true, I32, 4, true)
    COND_JUMP(if_false, I32, 4, false)
    COND_JUMP(if_true8, I8, 1, true)
    COND_JUMP(if_false8, I8, 1, false)
#undef COND_JUMP
    CASE(gosub) {
        int32_t off = I32(0);
        PUSH(Value::int32(static_cast<int32_t>(pc + 4 - code)));
        pc = pc - 1 + off;
        NEXT();
    }
    CASE(ret) {
        int32_t target = sp[-1].as_int32();
        *--sp = Value();
        pc = code + target;
        NEXT();
    }

    // ---- Exceptions ----
    CASE(throw_) {
        ctx.throw_value(POP());
        THROW();
    }
    CASE(throw_error) {
        throw_error_op(ctx, f, U32(0), U8(4));
        THROW();
    }

    // ---- Iteration ----
    CASE(for_in_start) {
        Value v = for_in_start(ctx, sp[-1]);
        CHECK(v);
        sp[-1] = std::move(v);
        NEXT();
    }
    CASE(for_in_next) {
        Value key;
        Result<bool> done = for_in_next(ctx, sp[-1], &key);
        CHECK(done);
        PUSH(std::move(key));
        PUSH(Value::boolean(done.value()));
        NEXT();
    }
    CASE(for_of_start) {
        Value next;
        Value iter = get_iterator(ctx, sp[-1], false, &next);
        CHECK(iter);
        sp[-1] = std::move(iter);
        PUSH(std::move(next));
        NEXT();
    }
    CASE(for_await_of_start) {
        Value next;
        Value iter = get_iterator(ctx, sp[-1], true, &next);
        CHECK(iter);
        sp[-1] = std::move(iter);
        PUSH(std::move(next));
        NEXT();
    }
    CASE(for_of_next) {
        Value value;
        Result<bool> done = iterator_step_value(ctx, sp[-2], sp[-1], &value);
        CHECK(done);
        PUSH(std::move(value));
        PUSH(Value::boolean(done.value()));
        NEXT();
    }
    CASE(iterator_call) {
        bool ok = false;
        Value r = iterator_call_method(ctx, sp[-3], sp[-2], U8(0), sp[-1], &ok);
        CHECK(r);
        sp[-1] = std::move(r);
        PUSH(Value::boolean(ok));
        pc += 1;
        NEXT();
    }
    CASE(iterator_check_object) {
        if (!sp[-1].is_object()) [[unlikely]] {
            ctx.throw_type_error("iterator result is not an object");
            THROW();
        }
        NEXT();
    }
    CASE(iterator_get_value_done) {
        Value value;
        Result<bool> done = iterator_get_value_done(ctx, sp[-1], &value);
        CHECK(done);
        sp[-1] = std::move(value);
        PUSH(Value::boolean(done.value()));
        NEXT();
    }
    CASE(iterator_close) {
        CHECK(iterator_close(ctx, sp[-2]));
        DROP_N(2);
        NEXT();
    }
    CASE(iterator_close_silent) {
        iterator_close_silent(ctx, sp[-2]);
        DROP_N(2);
        NEXT();
    }
    CASE(iterator_to_array) {
        Value a = iterator_to_array(ctx, sp[-2], sp[-1]);
        CHECK(a);
        DROP_N(2);
        PUSH(std::move(a));
        NEXT();
    }

    // ---- Explicit resource management ----
    CASE(dispose_stack_new) {
        Value s = dispose_stack_new(ctx);
        pc += 1;
        CHECK(s);
        PUSH(std::move(s));
        NEXT();
    }
    CASE(dispose_add) {
        uint8_t hint = U8(0);
        pc += 1;
        CHECK(dispose_add(ctx, sp[-1], sp[-2], hint));
        DROP_N(1);
        NEXT();
    }
    CASE(dispose_resources) {
        Value r = dispose_resources_normal(ctx, sp[-1], U8(0));
        pc += 1;
        CHECK(r);
        sp[-1] = std::move(r);
        NEXT();
    }
    CASE(dispose_resources_error) {
        Value r = dispose_resources_throw(ctx, sp[-2], sp[-1], U8(0));
        pc += 1;
        CHECK(r);
        DROP_N(1);
        sp[-1] = std::move(r);
        NEXT();
    }

    // ---- Suspension ----
    CASE(initial_yield) {
        f.heap->state = FrameState::SuspendedStart;
        goto suspend;
    }
    CASE(yield) {
        ret = POP();
        f.heap->state = FrameState::SuspendedYield;
        goto suspend;
    }
    CASE(yield_star) {
        ret = POP();
        f.heap->state = FrameState::SuspendedYieldStar;
        goto suspend;
    }
    CASE(await) {
        ret = POP();
        f.heap->state = FrameState::SuspendedAwait;
        goto suspend;
    }

#if !QJS_COMPUTED_GOTO
default: VERIFY_NOT_REACHED();
}
#endif

suspend : f.heap->pc_offset = static_cast<uint32_t>(pc - code);
f.heap->sp_offset = static_cast<uint32_t>(sp - stack);
f.sp = sp;
rt.m_current_frame = f.prev;
return ret;

exception : {
    if (!rt.m_uncatchable) {
        uint32_t at = static_cast<uint32_t>(f.pc - code);
        if (const ExceptionHandler* h = fb->handler_at(at)) {
            Value* target_sp = stack + h->stack_depth;
            while (sp > target_sp)
                *--sp = Value();
            PUSH(rt.take_exception());
            pc = code + h->target;
            NEXT();
        }
    }
    while (sp > stack)
        *--sp = Value();
    f.sp = sp;
    if (f.heap) f.heap->state = FrameState::Completed;
    rt.m_current_frame = f.prev;
    return Exception{};
}

done : while (sp > stack)* --sp = Value();
f.sp = sp;
if (f.heap) f.heap->state = FrameState::Completed;
rt.m_current_frame = f.prev;
return ret;
}

} // namespace qjs
