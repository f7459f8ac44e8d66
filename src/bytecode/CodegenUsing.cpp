// CodegenUsing.cpp: `using` / `await using` declarations (explicit resource management). A scope that
// declares some gets a DisposeCapability in a register when entered and is compiled like a try/finally
// (docs/BYTECODE.md, "Exceptions"): normal exits and break/continue/return run the finally subroutine,
// which disposes the resources (DisposeResources with a normal completion); a throw runs a handler that
// disposes with the throw completion and rethrows the resulting error. `await using` awaits the promise
// of the asynchronous disposal when there was something to dispose.
#include "bytecode/Codegen.h"

namespace qjs {

namespace {

enum class UsingKind : uint8_t { None, Sync, Async };

UsingKind using_kind(Scope* scope) {
    UsingKind kind = UsingKind::None;
    if (!scope) return kind;
    for (const Declaration& d : scope->lexical_declarations) {
        if (d.kind == DeclarationKind::AwaitUsing) return UsingKind::Async;
        if (d.kind == DeclarationKind::Using) kind = UsingKind::Sync;
    }
    return kind;
}

// r -> ; awaits r unless it is undefined (the disposal had nothing to await).
void emit_await_disposal(Emitter& em) {
    Label skip = em.new_label();
    em.op(Op::dup);
    em.op(Op::is_undefined);
    em.jump(Op::if_true, skip);
    em.op(Op::await);
    em.bind(skip);
    em.op(Op::drop);
}

} // namespace

DisposeRegion CodeGenerator::begin_dispose_region(FunctionState& fs, Scope* scope) {
    DisposeRegion r;
    r.saved_reg = fs.dispose_reg;
    UsingKind kind = using_kind(scope);
    if (kind == UsingKind::None) return r;
    Emitter& em = fs.em;
    r.is_async = kind == UsingKind::Async;
    r.reg = new_temp(fs);
    em.op_u8(Op::dispose_stack_new, r.is_async ? 1 : 0);
    em.put_loc(r.reg);
    r.entry = push_control(fs, ControlEntry::Finally);
    r.entry->finally_label = em.new_label();
    r.base = em.depth();
    r.start = em.pc();
    fs.dispose_reg = r.reg;
    return r;
}

void CodeGenerator::end_dispose_region(FunctionState& fs, DisposeRegion& r) {
    fs.dispose_reg = r.saved_reg;
    if (!r.entry) return;
    Emitter& em = fs.em;
    uint8_t async = r.is_async ? 1 : 0;
    Label end = em.new_label();
    uint32_t covered_end = em.pc();
    pop_control(fs);
    // Normal completion: dispose, then continue.
    if (em.reachable()) {
        em.jump(Op::gosub, r.entry->finally_label);
        em.jump(Op::goto_, end);
    }
    // Throw completion: dispose with the error; the disposal throws the resulting error (for `await
    // using`, awaiting the rejected promise does); with nothing to dispose the error is rethrown as is.
    uint32_t handler_pc = em.pc();
    em.m_handlers.push_back({r.start, covered_end, handler_pc, static_cast<uint32_t>(r.base)});
    em.set_depth(r.base + 1);
    uint32_t exc = new_temp(fs);
    em.put_loc(exc);
    em.get_loc(r.reg);
    em.get_loc(exc);
    em.op_u8(Op::dispose_resources_error, async);
    if (r.is_async)
        emit_await_disposal(em);
    else
        em.op(Op::drop);
    em.get_loc(exc);
    em.op(Op::throw_);
    free_temp(fs, exc);
    // The finally subroutine (break/continue/return and the normal exit).
    em.bind(r.entry->finally_label);
    push_control(fs, ControlEntry::FinallyBody);
    em.get_loc(r.reg);
    em.op_u8(Op::dispose_resources, async);
    if (r.is_async)
        emit_await_disposal(em);
    else
        em.op(Op::drop);
    pop_control(fs);
    em.op(Op::ret);
    em.bind(end);
    free_temp(fs, r.reg);
}

void CodeGenerator::emit_dispose_add(FunctionState& fs, DeclarationKind kind) {
    if (kind != DeclarationKind::Using && kind != DeclarationKind::AwaitUsing) return;
    // The parser allows `using` only directly in the blocks, bodies and for heads that open a region.
    VERIFY(fs.dispose_reg != UINT32_MAX);
    fs.em.get_loc(fs.dispose_reg);
    fs.em.op_u8(Op::dispose_add, kind == DeclarationKind::AwaitUsing ? 1 : 0);
}

} // namespace qjs
