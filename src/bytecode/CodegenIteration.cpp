// CodegenIteration.cpp: for-in, for-of, for-await-of, yield, yield* and await.
#include "bytecode/Codegen.h"

namespace qjs {

void CodeGenerator::emit_await(FunctionState& fs) {
    fs.em.op(Op::await);
}

// Binds the current iteration value (on the stack) to the loop head's target.
void CodeGenerator::emit_for_each_target(FunctionState& fs, Node* left, Scope*) {
    if (left->is(NodeKind::VariableDeclaration)) {
        auto* d = as<VariableDeclaration>(left);
        emit_dispose_add(fs, d->declaration_kind);
        emit_pattern(fs, d->declarations[0]->id, d->declaration_kind != DeclarationKind::Var);
        return;
    }
    emit_pattern(fs, left, false);
}

// Re-enters the head scope so that each iteration gets fresh let/const bindings.
static void enter_iteration_scope(CodeGenerator& cg, FunctionState& fs, ScopeInfo* outer, ScopeInfo* hs,
                                  void (CodeGenerator::*enter)(FunctionState&, ScopeInfo*, Scope*)) {
    if (!hs) return;
    fs.scope = outer;
    (cg.*enter)(fs, hs, nullptr);
}

void CodeGenerator::emit_for_in(FunctionState& fs, ForInStatement* s) {
    Emitter& em = fs.em;
    ScopeInfo* saved = fs.scope;
    ScopeInfo* hs = m_sa.scope_of(s);
    if (s->left->is(NodeKind::VariableDeclaration)) {
        // Annex B: for (var x = init in o)
        auto* d = as<VariableDeclaration>(s->left);
        VariableDeclarator* decl = d->declarations[0];
        if (decl->init && decl->id->is(NodeKind::Identifier)) {
            emit_expression_named(fs, decl->init, atom_of(as<Identifier>(decl->id)->name));
            emit_store_name(fs, fs.scope, as<Identifier>(decl->id)->name, false);
        }
    }
    if (hs) enter_scope(fs, hs, nullptr);
    emit_expression(fs, s->right);
    fs.scope = saved;
    em.op(Op::for_in_start);
    ControlEntry* e = push_control(fs, ControlEntry::ForIn);
    take_pending_labels(fs, e);
    e->has_continue = true;
    e->accepts_unlabelled_break = true;
    e->continue_label = em.new_label();
    Label done = em.new_label();
    if (fs.completion_reg != UINT32_MAX) {
        em.op(Op::push_undefined);
        em.put_loc(fs.completion_reg);
    }
    em.bind(e->continue_label);
    em.op(Op::for_in_next);
    em.jump(Op::if_true, done);
    enter_iteration_scope(*this, fs, saved, hs, &CodeGenerator::enter_scope);
    emit_for_each_target(fs, s->left, s->scope);
    emit_statement(fs, s->body);
    em.jump(Op::goto_, e->continue_label);
    em.bind(done);
    em.op(Op::drop); // key
    em.bind(e->break_label);
    em.op(Op::drop); // enumerator
    pop_control(fs);
    fs.scope = saved;
}

void CodeGenerator::emit_for_of(FunctionState& fs, ForOfStatement* s) {
    Emitter& em = fs.em;
    ScopeInfo* saved = fs.scope;
    ScopeInfo* hs = m_sa.scope_of(s);
    if (hs) enter_scope(fs, hs, nullptr);
    emit_expression(fs, s->right);
    fs.scope = saved;
    em.op(s->is_await ? Op::for_await_of_start : Op::for_of_start);
    int32_t base = em.depth(); // iter next
    ControlEntry* e = push_control(fs, ControlEntry::ForOf);
    take_pending_labels(fs, e);
    e->is_async = s->is_await;
    e->has_continue = true;
    e->accepts_unlabelled_break = true;
    e->continue_label = em.new_label();
    Label done = em.new_label();
    Label end = em.new_label();
    if (fs.completion_reg != UINT32_MAX) {
        em.op(Op::push_undefined);
        em.put_loc(fs.completion_reg);
    }
    em.bind(e->continue_label);
    if (s->is_await) {
        em.op(Op::push_undefined);
        em.op_u8(Op::iterator_call, itercall::Next);
        em.op(Op::drop);
        emit_await(fs);
        em.op(Op::iterator_check_object);
        em.op(Op::iterator_get_value_done);
    } else {
        em.op(Op::for_of_next);
    }
    em.jump(Op::if_true, done);
    // Errors while binding or in the body close the iterator.
    uint32_t range_start = em.pc();
    enter_iteration_scope(*this, fs, saved, hs, &CodeGenerator::enter_scope);
    // `for (using x of ...)`: each iteration disposes its value.
    DisposeRegion region = begin_dispose_region(fs, s->scope);
    emit_for_each_target(fs, s->left, s->scope);
    emit_statement(fs, s->body);
    end_dispose_region(fs, region);
    em.jump(Op::goto_, e->continue_label);
    uint32_t range_end = em.pc();
    // break: close the iterator.
    em.bind(e->break_label);
    pop_control(fs);
    fs.scope = saved;
    if (em.reachable()) {
        ControlEntry* self = e;
        ControlEntry* saved_control = fs.control;
        self->parent = nullptr;
        fs.control = self;
        unwind_to(fs, nullptr); // iterator_close (awaited for async iteration)
        fs.control = saved_control;
        em.jump(Op::goto_, end);
    }
    // Exception in the body: close silently and rethrow.
    uint32_t handler = em.pc();
    em.m_handlers.push_back({range_start, range_end, handler, static_cast<uint32_t>(base)});
    em.set_depth(base + 1);
    uint32_t exc = new_temp(fs);
    em.put_loc(exc);
    em.op(Op::iterator_close_silent);
    em.get_loc(exc);
    em.op(Op::throw_);
    free_temp(fs, exc);
    em.bind(done);
    em.op(Op::drop); // value
    em.op(Op::drop); // next
    em.op(Op::drop); // iterator
    em.bind(end);
}

void CodeGenerator::emit_yield(FunctionState& fs, YieldExpression* y) {
    Emitter& em = fs.em;
    if (y->argument)
        emit_expression(fs, y->argument);
    else
        em.op(Op::push_undefined);
    if (fs.is_async) emit_await(fs);
    em.op(Op::yield);
    // received kind
    Label next = em.new_label();
    em.push_int(resume::Return);
    em.op(Op::strict_eq);
    em.jump(Op::if_false, next);
    if (fs.is_async) emit_await(fs);
    emit_return(fs, true);
    em.bind(next);
}

void CodeGenerator::emit_yield_star(FunctionState& fs, YieldExpression* y) {
    Emitter& em = fs.em;
    bool async = fs.is_async;
    emit_expression(fs, y->argument);
    em.op(async ? Op::for_await_of_start : Op::for_of_start);
    em.op(Op::push_undefined);
    em.op(Op::push_0);
    Label loop = em.new_label();
    Label throw_label = em.new_label();
    Label return_label = em.new_label();
    Label result = em.new_label();
    Label yield_label = em.new_label();
    Label done = em.new_label();
    Label no_throw = em.new_label();
    Label no_return = em.new_label();
    Label do_return = em.new_label();
    uint32_t received = new_temp(fs);
    em.bind(loop); // iter next received kind
    em.op(Op::dup);
    em.push_int(resume::Throw);
    em.op(Op::strict_eq);
    em.jump(Op::if_true, throw_label);
    em.op(Op::dup);
    em.push_int(resume::Return);
    em.op(Op::strict_eq);
    em.jump(Op::if_true, return_label);
    em.op(Op::drop);
    em.op_u8(Op::iterator_call, itercall::Next);
    em.op(Op::drop);
    em.jump(Op::goto_, result);

    em.bind(throw_label);
    em.op(Op::drop);
    em.op_u8(Op::iterator_call, itercall::Throw);
    em.jump(Op::if_false, no_throw);
    em.jump(Op::goto_, result);
    em.bind(no_throw); // iter next undefined
    em.op(Op::drop);
    em.op(Op::iterator_close);
    em.op_atom_u8(Op::throw_error, atoms::throw_, static_cast<uint8_t>(ThrowErrorKind::InvalidAssignTarget));

    em.bind(return_label);
    em.op(Op::drop);
    em.op(Op::dup);
    em.put_loc(received);
    em.op_u8(Op::iterator_call, itercall::Return);
    em.jump(Op::if_false, no_return);
    if (async) emit_await(fs);
    em.op(Op::iterator_check_object);
    // IteratorComplete reads only `done`; IteratorValue is read once the delegate is done.
    em.op(Op::dup);
    em.op_atom_ic(Op::get_field, atoms::done);
    em.jump(Op::if_true, do_return);
    em.jump(Op::goto_, yield_label);
    em.bind(do_return); // iter next result
    em.op_atom_ic(Op::get_field, atoms::value);
    em.op(Op::nip);
    em.op(Op::nip);
    emit_return(fs, true);
    em.bind(no_return); // iter next undefined
    em.op(Op::drop);
    em.op(Op::drop);
    em.op(Op::drop);
    em.get_loc(received);
    if (async) emit_await(fs);
    emit_return(fs, true);

    em.bind(result); // iter next result
    if (async) emit_await(fs);
    em.op(Op::iterator_check_object);
    em.op(Op::dup);
    em.op_atom_ic(Op::get_field, atoms::done);
    em.jump(Op::if_true, done);
    em.bind(yield_label); // iter next result
    // Sync generators yield the delegate's result object as-is; async ones yield its value.
    if (async) em.op_atom_ic(Op::get_field, atoms::value);
    em.op(Op::yield_star);
    em.jump(Op::goto_, loop);

    em.bind(done); // iter next result
    em.op_atom_ic(Op::get_field, atoms::value);
    em.op(Op::nip);
    em.op(Op::nip);
    free_temp(fs, received);
}

} // namespace qjs
