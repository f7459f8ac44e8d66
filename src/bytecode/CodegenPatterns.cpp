// CodegenPatterns.cpp: destructuring binding and assignment (object and array patterns, defaults,
// rest elements), with iterator closing on abrupt completion.
#include "bytecode/Codegen.h"

namespace qjs {

void CodeGenerator::emit_default_value(FunctionState& fs, Node* target, Node* value) {
    Emitter& em = fs.em;
    Label have = em.new_label();
    em.op(Op::dup);
    em.op(Op::is_undefined);
    em.jump(Op::if_false, have);
    em.op(Op::drop);
    if (target->is(NodeKind::Identifier) && !target->is_parenthesized())
        emit_expression_named(fs, value, atom_of(as<Identifier>(target)->name));
    else
        emit_expression(fs, value);
    em.bind(have);
}

void CodeGenerator::emit_pattern(FunctionState& fs, Node* target, bool init) {
    Emitter& em = fs.em;
    if (m_failed) return;
    switch (target->kind) {
    case NodeKind::Identifier: emit_store_name(fs, fs.scope, as<Identifier>(target)->name, init); return;
    case NodeKind::AssignmentPattern: {
        auto* ap = as<AssignmentPattern>(target);
        emit_default_value(fs, ap->left, ap->right);
        emit_pattern(fs, ap->left, init);
        return;
    }
    case NodeKind::ObjectPattern: emit_object_pattern(fs, as<ObjectPattern>(target), init); return;
    case NodeKind::ArrayPattern: emit_array_pattern(fs, as<ArrayPattern>(target), init); return;
    case NodeKind::RestElement: emit_pattern(fs, as<RestElement>(target)->argument, init); return;
    default: {
        // A member expression target: value base... -> base... value, then store.
        Reference ref = emit_reference(fs, target);
        switch (ref.base_count) {
        case 1: em.op(Op::swap); break;
        case 2: em.op(Op::rot3l); break;
        case 3: em.op(Op::rot4l); break;
        default: break;
        }
        emit_reference_put(fs, ref, false);
        return;
    }
    }
}

// A destructuring assignment target that is a reference (not a pattern nor a plain name): it is
// evaluated before the value is obtained (KeyedDestructuringAssignmentEvaluation step 1,
// IteratorDestructuringAssignmentEvaluation step 1).
// A name resolved through `with`/eval var objects is such a reference too (ResolveBinding first).
Node* CodeGenerator::reference_target(FunctionState& fs, Node* target) {
    if (target->is(NodeKind::AssignmentPattern)) target = as<AssignmentPattern>(target)->left;
    if (target->is(NodeKind::MemberExpression)) return target;
    if (target->is(NodeKind::Identifier)) {
        Resolution r = m_sa.resolve(fs.fi, fs.scope, as<Identifier>(target)->name);
        Variable* v = r.var;
        bool immutable = v && (binding_is_const(v->kind) || v->kind == BindingKind::FunctionSelf);
        if (r.with_count && !immutable) return target;
    }
    return nullptr;
}

// Stores the value on top of the stack through a reference evaluated earlier (its base values are
// below the value), applying the element's default first.
void CodeGenerator::emit_reference_target_put(FunctionState& fs, Node* element, const Reference& ref) {
    if (element->is(NodeKind::AssignmentPattern)) {
        auto* ap = as<AssignmentPattern>(element);
        emit_default_value(fs, ap->left, ap->right);
    }
    emit_reference_put(fs, ref, false);
}

void CodeGenerator::emit_object_pattern(FunctionState& fs, ObjectPattern* p, bool init) {
    Emitter& em = fs.em;
    em.op(Op::check_object_coercible);
    bool has_rest = !p->properties.empty() && p->properties.back()->is(NodeKind::RestElement);
    uint32_t excluded = UINT32_MAX;
    if (has_rest) {
        excluded = new_temp(fs);
        em.op(Op::object);
        em.put_loc(excluded);
    }
    uint32_t source = UINT32_MAX;
    for (Node* n : p->properties) {
        if (n->is(NodeKind::RestElement)) {
            Node* target = as<RestElement>(n)->argument;
            if (!init && reference_target(fs, target)) {
                // The target reference first, then the copy.
                uint32_t src = new_temp(fs);
                em.put_loc(src);
                Reference ref = emit_reference(fs, target);
                em.op(Op::object);
                em.get_loc(src);
                em.get_loc(excluded);
                em.op(Op::copy_data_properties_excl);
                emit_reference_put(fs, ref, false);
                free_temp(fs, src);
                free_temp(fs, excluded);
                if (source != UINT32_MAX) free_temp(fs, source);
                return;
            }
            // v -> target = {} ; CopyDataProperties(target, v, excluded)
            em.op(Op::object);
            em.op(Op::swap);
            em.get_loc(excluded);
            em.op(Op::copy_data_properties_excl);
            emit_pattern(fs, target, init);
            free_temp(fs, excluded);
            if (source != UINT32_MAX) free_temp(fs, source);
            return;
        }
        auto* prop = as<Property>(n);
        if (!init && reference_target(fs, prop->value)) {
            // name, then the target reference, then GetV and the default.
            if (source == UINT32_MAX) source = new_temp(fs);
            em.op(Op::dup);
            em.put_loc(source);
            uint32_t key_reg = UINT32_MAX;
            Atom key = 0;
            if (prop->computed) {
                key_reg = new_temp(fs);
                emit_expression(fs, prop->key);
                em.op(Op::to_propkey);
                if (has_rest) {
                    em.op(Op::dup);
                    em.get_loc(excluded);
                    em.op(Op::swap);
                    em.op(Op::push_null);
                    em.op(Op::define_computed_field);
                    em.op(Op::drop);
                }
                em.put_loc(key_reg);
            } else {
                key = property_key_atom(prop->key);
                if (has_rest) {
                    em.get_loc(excluded);
                    em.op_atom(Op::push_atom, key);
                    em.op(Op::push_null);
                    em.op(Op::define_computed_field);
                    em.op(Op::drop);
                }
            }
            Reference ref = emit_reference(fs, reference_target(fs, prop->value));
            em.get_loc(source);
            if (prop->computed) {
                em.get_loc(key_reg);
                em.op(Op::get_array_el);
                free_temp(fs, key_reg);
            } else {
                em.op_atom_ic(Op::get_field, key);
            }
            emit_reference_target_put(fs, prop->value, ref);
            continue;
        }
        em.op(Op::dup);
        if (prop->computed) {
            emit_expression(fs, prop->key);
            em.op(Op::to_propkey);
            if (has_rest) {
                em.op(Op::dup);
                em.get_loc(excluded);
                em.op(Op::swap);
                em.op(Op::push_null);
                em.op(Op::define_computed_field);
                em.op(Op::drop);
            }
            em.op(Op::get_array_el);
        } else {
            Atom key = property_key_atom(prop->key);
            if (has_rest) {
                em.get_loc(excluded);
                em.op_atom(Op::push_atom, key);
                em.op(Op::push_null);
                em.op(Op::define_computed_field);
                em.op(Op::drop);
            }
            em.op_atom_ic(Op::get_field, key);
        }
        emit_pattern(fs, prop->value, init);
    }
    em.op(Op::drop);
    if (source != UINT32_MAX) free_temp(fs, source);
}

void CodeGenerator::emit_array_pattern(FunctionState& fs, ArrayPattern* p, bool init) {
    Emitter& em = fs.em;
    em.op(Op::for_of_start); // iter next
    int32_t base = em.depth();
    uint32_t done = new_temp(fs);
    em.op(Op::push_false);
    em.put_loc(done);
    // Reference targets are evaluated before the iterator steps: keep copies of iter/next to step
    // with while the reference's base values are on the stack.
    bool has_reference_targets = false;
    if (!init)
        for (Node* e : p->elements)
            if (e && reference_target(fs, e->is(NodeKind::RestElement) ? as<RestElement>(e)->argument : e))
                has_reference_targets = true;
    uint32_t iter_reg = UINT32_MAX, next_reg = UINT32_MAX;
    if (has_reference_targets) {
        iter_reg = new_temp(fs);
        next_reg = new_temp(fs);
        em.op(Op::dup2);
        em.put_loc(next_reg);
        em.put_loc(iter_reg);
    }
    // A return from a yield inside the pattern (a default value) closes the iterator.
    ControlEntry* entry = push_control(fs, ControlEntry::Destructure);
    entry->done_reg = done;
    uint32_t range_start = em.pc();
    for (Node* e : p->elements) {
        bool rest = e && e->is(NodeKind::RestElement);
        Node* target = rest ? as<RestElement>(e)->argument : e;
        Node* ref_node = !init && target ? reference_target(fs, target) : nullptr;
        Reference ref;
        if (ref_node) ref = emit_reference(fs, ref_node);
        auto push_iter = [&]() {
            if (ref_node) {
                em.get_loc(iter_reg);
                em.get_loc(next_reg);
            } else {
                em.op(Op::dup2);
            }
        };
        if (rest) {
            Label empty = em.new_label();
            Label have = em.new_label();
            em.get_loc(done);
            em.jump(Op::if_true, empty);
            em.op(Op::push_true);
            em.put_loc(done);
            push_iter();
            em.op(Op::iterator_to_array);
            em.jump(Op::goto_, have);
            em.bind(empty);
            em.op_npop(Op::array_from, 0);
            em.bind(have);
            if (ref_node)
                emit_reference_put(fs, ref, false);
            else
                emit_pattern(fs, target, init);
            continue;
        }
        Label skip = em.new_label();
        Label have = em.new_label();
        em.get_loc(done);
        em.jump(Op::if_true, skip);
        // A throwing next() leaves the iterator done (it is not closed).
        em.op(Op::push_true);
        em.put_loc(done);
        if (ref_node) {
            push_iter();
            em.op(Op::for_of_next); // iter next value done
            em.put_loc(done);
            em.op(Op::nip);
            em.op(Op::nip);
        } else {
            em.op(Op::for_of_next);
            em.put_loc(done);
        }
        em.jump(Op::goto_, have);
        em.bind(skip);
        em.op(Op::push_undefined);
        em.bind(have);
        if (!e) {
            em.op(Op::drop);
        } else if (ref_node) {
            emit_reference_target_put(fs, e, ref);
        } else if (e->is(NodeKind::AssignmentPattern)) {
            auto* ap = as<AssignmentPattern>(e);
            emit_default_value(fs, ap->left, ap->right);
            emit_pattern(fs, ap->left, init);
        } else {
            emit_pattern(fs, e, init);
        }
    }
    pop_control(fs);
    uint32_t range_end = em.pc();
    Label closed = em.new_label();
    Label end = em.new_label();
    em.get_loc(done);
    em.jump(Op::if_true, closed);
    em.op(Op::iterator_close);
    em.jump(Op::goto_, end);
    em.bind(closed);
    em.op(Op::drop);
    em.op(Op::drop);
    em.jump(Op::goto_, end);
    // Abrupt completion while assigning: close the iterator (unless done) and rethrow.
    if (range_end > range_start) {
        uint32_t handler = em.pc();
        em.m_handlers.push_back({range_start, range_end, handler, static_cast<uint32_t>(base)});
        em.set_depth(base + 1);
        uint32_t exc = new_temp(fs);
        em.put_loc(exc);
        Label l1 = em.new_label();
        Label l2 = em.new_label();
        em.get_loc(done);
        em.jump(Op::if_true, l1);
        em.op(Op::iterator_close_silent);
        em.jump(Op::goto_, l2);
        em.bind(l1);
        em.op(Op::drop);
        em.op(Op::drop);
        em.bind(l2);
        em.get_loc(exc);
        em.op(Op::throw_);
        free_temp(fs, exc);
    }
    em.bind(end);
    free_temp(fs, done);
    if (iter_reg != UINT32_MAX) {
        free_temp(fs, iter_reg);
        free_temp(fs, next_reg);
    }
}

} // namespace qjs
