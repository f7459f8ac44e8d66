// CodegenStatements.cpp: statements, blocks and their lexical scopes, and control flow (labels,
// break/continue through finally blocks and iterators, switch, try/catch/finally, with).
#include "bytecode/Codegen.h"

namespace qjs {

// ---- control stack ----

ControlEntry* CodeGenerator::push_control(FunctionState& fs, ControlEntry::Kind kind) {
    ControlEntry* e = m_sa.arena().make<ControlEntry>();
    if (!e) {
        fail_oom();
        static ControlEntry dummy;
        return &dummy;
    }
    e->kind = kind;
    e->depth = fs.em.depth();
    e->parent = fs.control;
    e->break_label = fs.em.new_label();
    fs.control = e;
    return e;
}

void CodeGenerator::pop_control(FunctionState& fs) {
    if (fs.control) fs.control = fs.control->parent;
}

void CodeGenerator::take_pending_labels(FunctionState& fs, ControlEntry* e) {
    for (uint32_t i = 0; i < fs.pending_label_count && e->label_count < 4; i++)
        e->labels[e->label_count++] = fs.pending_labels[i];
    fs.pending_label_count = 0;
}

// Emits what leaving the entries between the innermost one and `target` requires.
void CodeGenerator::unwind_to(FunctionState& fs, ControlEntry* target) {
    Emitter& em = fs.em;
    for (ControlEntry* e = fs.control; e && e != target; e = e->parent) {
        // A return from a yield inside an expression leaves operands above the entry's values.
        if (e->kind != ControlEntry::Loop && e->kind != ControlEntry::LabelOnly)
            while (em.reachable() && em.depth() > e->depth)
                em.op(Op::drop);
        switch (e->kind) {
        case ControlEntry::Switch:
        case ControlEntry::ForIn:
        case ControlEntry::Drop:
        case ControlEntry::FinallyBody: em.op(Op::drop); break;
        case ControlEntry::ForOf:
            if (e->is_async) {
                // AsyncIteratorClose: await the result of return().
                em.op(Op::push_undefined);
                em.op_u8(Op::iterator_call, itercall::Return);
                Label none = em.new_label();
                Label done = em.new_label();
                em.jump(Op::if_false, none);
                emit_await(fs);
                em.op(Op::iterator_check_object);
                em.op(Op::drop);
                em.op(Op::drop);
                em.op(Op::drop);
                em.jump(Op::goto_, done);
                em.bind(none);
                em.op(Op::drop);
                em.op(Op::drop);
                em.op(Op::drop);
                em.bind(done);
            } else {
                em.op(Op::iterator_close);
            }
            break;
        case ControlEntry::Finally: em.jump(Op::gosub, e->finally_label); break;
        case ControlEntry::Destructure: {
            // IteratorClose unless the iterator is done; done first, so a throwing return() is not
            // called again by the pattern's exception handler.
            Label skip = em.new_label();
            Label next = em.new_label();
            em.get_loc(e->done_reg);
            em.jump(Op::if_true, skip);
            em.op(Op::push_true);
            em.put_loc(e->done_reg);
            em.op(Op::iterator_close);
            em.jump(Op::goto_, next);
            em.bind(skip);
            em.op(Op::drop);
            em.op(Op::drop);
            em.bind(next);
            break;
        }
        default: break;
        }
    }
}

void CodeGenerator::emit_break_continue(FunctionState& fs, Identifier* label, bool is_continue) {
    for (ControlEntry* e = fs.control; e; e = e->parent) {
        bool match = false;
        if (label) {
            for (uint32_t i = 0; i < e->label_count; i++)
                if (ast_names_equal(*e->labels[i], label->name)) match = true;
            if (match && is_continue && !e->has_continue) match = false;
        } else {
            match = is_continue ? e->has_continue : e->accepts_unlabelled_break;
        }
        if (!match) continue;
        if (is_continue) {
            unwind_to(fs, e);
            fs.em.jump(Op::goto_, e->continue_label);
        } else {
            unwind_to(fs, e);
            // Leaving the entry itself (switch discriminant, loop iterators) is done at its break label.
            fs.em.jump(Op::goto_, e->break_label);
        }
        return;
    }
}

// ---- scopes ----

void CodeGenerator::enter_scope(FunctionState& fs, ScopeInfo* s, Scope* decls) {
    if (!s || s == fs.scope) return;
    Emitter& em = fs.em;
    fs.scope = s;
    scope_index(fs, s);
    for (Variable* v : s->vars) {
        uint32_t reg = reg_of(fs, v);
        if (v->needs_tdz) {
            em.op_loc(Op::set_loc_uninitialized, reg);
        } else {
            em.op(Op::push_undefined);
            em.put_loc(reg);
        }
        if (v->captured) em.op_loc(Op::box_loc, reg);
        if (Variable* setter = v->private_setter; setter && setter->captured) {
            em.op(Op::push_undefined);
            em.put_loc(reg_of(fs, setter));
            em.op_loc(Op::box_loc, reg_of(fs, setter));
        }
    }
    if (decls) emit_function_declarations(fs, decls, s);
}

void CodeGenerator::emit_block(FunctionState& fs, BlockStatement* b) {
    ScopeInfo* saved = fs.scope;
    enter_scope(fs, m_sa.scope_of(b), b->scope);
    DisposeRegion region = begin_dispose_region(fs, b->scope);
    emit_statements(fs, b->body);
    end_dispose_region(fs, region);
    fs.scope = saved;
}

void CodeGenerator::emit_statements(FunctionState& fs, const AstVector<Node*>& list) {
    for (Node* n : list) {
        if (m_failed) return;
        emit_statement(fs, n);
    }
}

// ---- statements ----

// Statements whose completion value is UpdateEmpty(result, undefined) (loops, if, switch, try,
// with) start by making the script/eval completion value undefined; their bodies update it.
static void reset_completion(FunctionState& fs) {
    if (fs.completion_reg == UINT32_MAX) return;
    fs.em.op(Op::push_undefined);
    fs.em.put_loc(fs.completion_reg);
}

void CodeGenerator::emit_variable_declaration(FunctionState& fs, VariableDeclaration* d) {
    bool is_var = d->declaration_kind == DeclarationKind::Var;
    for (VariableDeclarator* decl : d->declarations) {
        if (!decl->init) {
            if (is_var) continue; // `var x;` does nothing
            fs.em.op(Op::push_undefined);
            emit_pattern(fs, decl->id, true);
            continue;
        }
        if (decl->id->is(NodeKind::Identifier)) {
            auto* id = as<Identifier>(decl->id);
            emit_expression_named(fs, decl->init, atom_of(id->name));
            emit_dispose_add(fs, d->declaration_kind);
            // `var` initializers assign (PutValue) through the scope chain (with objects, globals).
            emit_store_name(fs, fs.scope, id->name, !is_var);
        } else {
            emit_expression(fs, decl->init);
            emit_pattern(fs, decl->id, !is_var);
        }
    }
}

void CodeGenerator::emit_if(FunctionState& fs, IfStatement* s) {
    Emitter& em = fs.em;
    Label else_label = em.new_label();
    Label end = em.new_label();
    reset_completion(fs);
    emit_condition_jump(fs, s->test, else_label, false);
    emit_statement(fs, s->consequent);
    if (s->alternate) {
        em.jump(Op::goto_, end);
        em.bind(else_label);
        emit_statement(fs, s->alternate);
    } else {
        em.bind(else_label);
    }
    em.bind(end);
}

void CodeGenerator::emit_while(FunctionState& fs, WhileStatement* s) {
    Emitter& em = fs.em;
    ControlEntry* e = push_control(fs, ControlEntry::Loop);
    take_pending_labels(fs, e);
    e->has_continue = true;
    e->accepts_unlabelled_break = true;
    e->continue_label = em.new_label();
    reset_completion(fs);
    em.bind(e->continue_label);
    emit_condition_jump(fs, s->test, e->break_label, false);
    emit_statement(fs, s->body);
    em.jump(Op::goto_, e->continue_label);
    em.bind(e->break_label);
    pop_control(fs);
}

void CodeGenerator::emit_do_while(FunctionState& fs, DoWhileStatement* s) {
    Emitter& em = fs.em;
    ControlEntry* e = push_control(fs, ControlEntry::Loop);
    take_pending_labels(fs, e);
    e->has_continue = true;
    e->accepts_unlabelled_break = true;
    e->continue_label = em.new_label();
    Label top = em.new_label();
    reset_completion(fs);
    em.bind(top);
    emit_statement(fs, s->body);
    em.bind(e->continue_label);
    emit_condition_jump(fs, s->test, top, true);
    em.bind(e->break_label);
    pop_control(fs);
}

void CodeGenerator::emit_for(FunctionState& fs, ForStatement* s) {
    Emitter& em = fs.em;
    ScopeInfo* saved = fs.scope;
    ScopeInfo* hs = m_sa.scope_of(s);
    if (hs) enter_scope(fs, hs, s->scope);
    // `for (using x = ...; ...)`: the resources are disposed when the loop is left (not per iteration).
    DisposeRegion region = begin_dispose_region(fs, s->scope);
    ControlEntry* e = push_control(fs, ControlEntry::Loop);
    take_pending_labels(fs, e);
    e->has_continue = true;
    e->accepts_unlabelled_break = true;
    e->continue_label = em.new_label();
    reset_completion(fs);
    if (s->init) {
        if (s->init->is(NodeKind::VariableDeclaration))
            emit_variable_declaration(fs, as<VariableDeclaration>(s->init));
        else
            emit_expression_drop(fs, s->init);
    }
    // CreatePerIterationEnvironment: captured let bindings get a fresh cell per iteration.
    auto copy_boxes = [&]() {
        if (!hs) return;
        for (Variable* v : hs->vars)
            if (v->captured && v->kind == BindingKind::Let) em.op_loc(Op::copy_box_loc, reg_of(fs, v));
    };
    copy_boxes();
    Label top = em.new_label();
    em.bind(top);
    if (s->test) emit_condition_jump(fs, s->test, e->break_label, false);
    emit_statement(fs, s->body);
    em.bind(e->continue_label);
    copy_boxes();
    if (s->update) emit_expression_drop(fs, s->update);
    em.jump(Op::goto_, top);
    em.bind(e->break_label);
    pop_control(fs);
    end_dispose_region(fs, region);
    fs.scope = saved;
}

void CodeGenerator::emit_switch(FunctionState& fs, SwitchStatement* s) {
    Emitter& em = fs.em;
    ScopeInfo* saved = fs.scope;
    emit_expression(fs, s->discriminant);
    reset_completion(fs);
    enter_scope(fs, m_sa.scope_of(s), s->scope);
    ControlEntry* e = push_control(fs, ControlEntry::Switch);
    take_pending_labels(fs, e);
    e->accepts_unlabelled_break = true;
    Label end = em.new_label();
    uint32_t n = s->cases.size();
    Label* labels = m_sa.arena().make_array<Label>(n ? n : 1);
    if (!labels) return fail_oom();
    int32_t default_index = -1;
    for (uint32_t i = 0; i < n; i++) {
        labels[i] = em.new_label();
        SwitchCase* c = s->cases[i];
        if (!c->test) {
            default_index = static_cast<int32_t>(i);
            continue;
        }
        em.op(Op::dup);
        emit_expression(fs, c->test);
        em.op(Op::strict_eq);
        em.jump(Op::if_true, labels[i]);
    }
    if (default_index >= 0)
        em.jump(Op::goto_, labels[default_index]);
    else
        em.jump(Op::goto_, e->break_label);
    for (uint32_t i = 0; i < n; i++) {
        em.bind(labels[i]);
        emit_statements(fs, s->cases[i]->consequent);
    }
    em.bind(e->break_label);
    em.op(Op::drop);
    em.bind(end);
    pop_control(fs);
    fs.scope = saved;
}

void CodeGenerator::emit_try(FunctionState& fs, TryStatement* s) {
    Emitter& em = fs.em;
    int32_t base = em.depth();
    Label end = em.new_label();
    ControlEntry* fin = nullptr;
    reset_completion(fs);
    uint32_t try_start = em.pc();
    if (s->finalizer) {
        fin = push_control(fs, ControlEntry::Finally);
        fin->finally_label = em.new_label();
    }
    // try block (covered by the catch handler)
    emit_block(fs, s->block);
    uint32_t try_end = em.pc();
    if (s->handler) {
        Label after_catch = em.new_label();
        em.jump(Op::goto_, after_catch);
        uint32_t handler_pc = em.pc();
        em.m_handlers.push_back({try_start, try_end, handler_pc, static_cast<uint32_t>(base)});
        em.set_depth(base + 1); // the exception
        CatchClause* c = s->handler;
        ScopeInfo* saved = fs.scope;
        ScopeInfo* cs = m_sa.scope_of(c);
        if (cs) enter_scope(fs, cs, nullptr);
        if (c->param)
            emit_pattern(fs, c->param, true);
        else
            em.op(Op::drop);
        reset_completion(fs); // the try block's partial completion value is discarded
        emit_block(fs, c->body);
        fs.scope = saved;
        em.bind(after_catch);
    }
    uint32_t covered_end = em.pc();
    if (fin) {
        pop_control(fs);
        // Normal completion runs the finally block then continues.
        if (em.reachable()) {
            em.jump(Op::gosub, fin->finally_label);
            em.jump(Op::goto_, end);
        }
        // Exceptional completion: save the exception, run finally, rethrow.
        uint32_t handler_pc = em.pc();
        em.m_handlers.push_back({try_start, covered_end, handler_pc, static_cast<uint32_t>(base)});
        em.set_depth(base + 1);
        uint32_t tmp = new_temp(fs);
        em.put_loc(tmp);
        em.jump(Op::gosub, fin->finally_label);
        em.get_loc(tmp);
        em.op(Op::throw_);
        // The finally block: a subroutine entered with the return address on the stack.
        em.bind(fin->finally_label);
        ControlEntry* body = push_control(fs, ControlEntry::FinallyBody);
        (void)body;
        uint32_t saved_completion = fs.completion_reg;
        uint32_t completion_tmp = UINT32_MAX;
        if (saved_completion != UINT32_MAX) {
            // The finally block does not change the completion value of the statement.
            completion_tmp = new_temp(fs);
            em.get_loc(saved_completion);
            em.put_loc(completion_tmp);
            // A break/continue out of the finally block carries the block's own value.
            reset_completion(fs);
        }
        emit_block(fs, s->finalizer);
        if (completion_tmp != UINT32_MAX && em.reachable()) {
            em.get_loc(completion_tmp);
            em.put_loc(saved_completion);
        }
        pop_control(fs);
        if (em.reachable()) em.op(Op::ret);
    }
    em.bind(end);
}

void CodeGenerator::emit_labeled(FunctionState& fs, LabeledStatement* s) {
    Node* body = s->body;
    if (fs.pending_label_count < 4) fs.pending_labels[fs.pending_label_count++] = &s->label->name;
    switch (body->kind) {
    case NodeKind::ForStatement:
    case NodeKind::ForInStatement:
    case NodeKind::ForOfStatement:
    case NodeKind::WhileStatement:
    case NodeKind::DoWhileStatement:
    case NodeKind::LabeledStatement: emit_statement(fs, body); return;
    default: break;
    }
    ControlEntry* e = push_control(fs, ControlEntry::LabelOnly);
    take_pending_labels(fs, e);
    emit_statement(fs, body);
    fs.em.bind(e->break_label);
    pop_control(fs);
}

void CodeGenerator::emit_with(FunctionState& fs, WithStatement* s) {
    Emitter& em = fs.em;
    ScopeInfo* ws = m_sa.scope_of(s);
    emit_expression(fs, s->object);
    em.op(Op::to_object);
    if (!ws) {
        em.op(Op::drop);
        emit_statement(fs, s->body);
        return;
    }
    Variable* obj = ws->with_object;
    uint32_t reg = reg_of(fs, obj);
    em.put_loc(reg);
    if (obj->captured) em.op_loc(Op::box_loc, reg);
    ScopeInfo* saved = fs.scope;
    fs.scope = ws;
    reset_completion(fs);
    emit_statement(fs, s->body);
    fs.scope = saved;
}

void CodeGenerator::emit_statement(FunctionState& fs, Node* n) {
    if (!n || m_failed) return;
    Emitter& em = fs.em;
    if (n->kind != NodeKind::LabeledStatement && n->kind != NodeKind::ForStatement &&
        n->kind != NodeKind::ForInStatement && n->kind != NodeKind::ForOfStatement &&
        n->kind != NodeKind::WhileStatement && n->kind != NodeKind::DoWhileStatement)
        fs.pending_label_count = 0;
    set_position(fs, n);
    switch (n->kind) {
    case NodeKind::EmptyStatement: break;
    case NodeKind::DebuggerStatement: em.op(Op::debugger); break;
    case NodeKind::ExpressionStatement: {
        auto* s = as<ExpressionStatement>(n);
        if (fs.completion_reg != UINT32_MAX) {
            emit_expression(fs, s->expression);
            em.put_loc(fs.completion_reg);
        } else {
            emit_expression_drop(fs, s->expression);
        }
        break;
    }
    case NodeKind::VariableDeclaration: emit_variable_declaration(fs, as<VariableDeclaration>(n)); break;
    case NodeKind::FunctionDeclaration: {
        // Hoisted; Annex B.3.3 copies a block function's value to the var binding here.
        auto* f = as<FunctionNode>(n);
        // B.3.2.1: never for `arguments` when the function has an arguments object.
        bool skip = f->id && fs.fi->arguments_var && f->id->name.equals_ascii("arguments");
        if (f->annex_b_hoisted && f->id && !skip) {
            Resolution r = m_sa.resolve(fs.fi, fs.scope, f->id->name);
            emit_get_resolution(fs, r, f->id->name, false);
            Resolution vr = m_sa.resolve(fs.fi, fs.fi->var_scope, f->id->name);
            emit_put_resolution(fs, vr, f->id->name, false);
        }
        break;
    }
    case NodeKind::ClassDeclaration: {
        auto* c = as<ClassNode>(n);
        emit_class(fs, c, c->id ? atom_of(c->id->name) : atoms::default_);
        if (c->id)
            emit_store_name(fs, fs.scope, c->id->name, true);
        else
            em.op(Op::drop);
        break;
    }
    case NodeKind::BlockStatement: emit_block(fs, as<BlockStatement>(n)); break;
    case NodeKind::IfStatement: emit_if(fs, as<IfStatement>(n)); break;
    case NodeKind::WhileStatement: emit_while(fs, as<WhileStatement>(n)); break;
    case NodeKind::DoWhileStatement: emit_do_while(fs, as<DoWhileStatement>(n)); break;
    case NodeKind::ForStatement: emit_for(fs, as<ForStatement>(n)); break;
    case NodeKind::ForInStatement: emit_for_in(fs, as<ForInStatement>(n)); break;
    case NodeKind::ForOfStatement: emit_for_of(fs, as<ForOfStatement>(n)); break;
    case NodeKind::ReturnStatement: {
        auto* r = as<ReturnStatement>(n);
        if (r->argument) emit_expression(fs, r->argument);
        if (r->argument && fs.is_async && fs.is_generator) emit_await(fs);
        emit_return(fs, r->argument != nullptr);
        break;
    }
    case NodeKind::BreakStatement: emit_break_continue(fs, as<BreakStatement>(n)->label, false); break;
    case NodeKind::ContinueStatement: emit_break_continue(fs, as<ContinueStatement>(n)->label, true); break;
    case NodeKind::ThrowStatement:
        emit_expression(fs, as<ThrowStatement>(n)->argument);
        em.op(Op::throw_);
        break;
    case NodeKind::TryStatement: emit_try(fs, as<TryStatement>(n)); break;
    case NodeKind::SwitchStatement: emit_switch(fs, as<SwitchStatement>(n)); break;
    case NodeKind::LabeledStatement: emit_labeled(fs, as<LabeledStatement>(n)); break;
    case NodeKind::WithStatement: emit_with(fs, as<WithStatement>(n)); break;
    default: emit_module_item(fs, n); break;
    }
}

} // namespace qjs
