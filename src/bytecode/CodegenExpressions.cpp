// CodegenExpressions.cpp: expressions: identifiers and bindings, literals, operators, assignment
// and references, calls, member access, optional chains, object/array/template literals.
#include "bytecode/Codegen.h"
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Object.h"
#include "runtime/String.h"

#include <cmath>

namespace qjs {

// ---- bindings ----

// with_* instruction flags: bit0 asks for the @@unscopables check of `with` objects.
static uint8_t with_flags(const ScopeInfo* s) {
    return s->is_var_object ? 0 : 1;
}

void CodeGenerator::emit_get_resolution(FunctionState& fs, const Resolution& r, const AstString& name,
                                        bool for_typeof) {
    Emitter& em = fs.em;
    Label found = em.new_label();
    Atom atom = 0;
    if (r.with_count || r.kind == ResolutionKind::Global) atom = atom_of(name);
    for (uint32_t i = 0; i < r.with_count; i++) {
        emit_load_variable(fs, r.withs[i]->with_object);
        em.op_atom_label_u8(Op::with_get_var, atom, found, with_flags(r.withs[i]));
    }
    Variable* v = r.var;
    switch (r.kind) {
    case ResolutionKind::Local:
    case ResolutionKind::Argument: {
        uint32_t reg = reg_of(fs, v);
        if (v->captured)
            em.op_loc(v->needs_tdz ? Op::get_loc_ref_check : Op::get_loc_ref, reg);
        else if (v->needs_tdz)
            em.op_loc(Op::get_loc_check, reg);
        else
            em.get_loc(reg);
        break;
    }
    case ResolutionKind::Closure:
        if (v->needs_tdz)
            em.op_var_ref(Op::get_var_ref_check, r.index);
        else
            em.get_var_ref(r.index);
        break;
    case ResolutionKind::Global: em.op_atom_ic(for_typeof ? Op::get_var_undef : Op::get_var, atom); break;
    }
    if (r.with_count) em.bind(found);
}

void CodeGenerator::emit_put_resolution(FunctionState& fs, const Resolution& r, const AstString& name,
                                        bool init) {
    Emitter& em = fs.em;
    Label found = em.new_label();
    Atom atom = 0;
    if (r.with_count || r.kind == ResolutionKind::Global || (r.var && !init)) atom = atom_of(name);
    for (uint32_t i = 0; i < r.with_count; i++) {
        emit_load_variable(fs, r.withs[i]->with_object);
        em.op_atom_label_u8(Op::with_put_var, atom, found, with_flags(r.withs[i]));
    }
    Variable* v = r.var;
    if (v && !init && (binding_is_const(v->kind) || v->kind == BindingKind::FunctionSelf)) {
        // Assignment to an immutable binding: TDZ check first, then TypeError (silently ignored
        // for a function expression's name in sloppy code).
        if (v->needs_tdz) {
            emit_get_resolution(fs, Resolution{r.kind, v, r.index, {}, 0, false}, name, false);
            em.op(Op::drop);
        }
        em.op(Op::drop);
        if (v->kind != BindingKind::FunctionSelf || fs.fi->is_strict)
            em.op_atom_u8(Op::throw_error, atom, static_cast<uint8_t>(ThrowErrorKind::ConstAssign));
        if (r.with_count) em.bind(found);
        return;
    }
    switch (r.kind) {
    case ResolutionKind::Local:
    case ResolutionKind::Argument: {
        uint32_t reg = reg_of(fs, v);
        bool check = !init && v->needs_tdz;
        if (v->captured)
            em.op_loc(check ? Op::put_loc_ref_check : Op::put_loc_ref, reg);
        else if (check)
            em.op_loc(Op::put_loc_check, reg);
        else
            em.put_loc(reg);
        break;
    }
    case ResolutionKind::Closure:
        em.op_var_ref(!init && v->needs_tdz ? Op::put_var_ref_check : Op::put_var_ref, r.index);
        break;
    case ResolutionKind::Global:
        if (init)
            em.op_atom(Op::put_var_init, atom);
        else
            em.op_atom_ic(Op::put_var, atom);
        break;
    }
    if (r.with_count) em.bind(found);
}

void CodeGenerator::emit_store_name(FunctionState& fs, ScopeInfo* scope, const AstString& name, bool init) {
    Resolution r = m_sa.resolve(fs.fi, scope, name);
    if (init && r.var && r.var->scope->kind != ScopeKind::With)
        r.with_count = 0; // declarations bind directly
    // `var x = v` at the top level of global code assigns the global property (PutValue).
    if (init && r.kind == ResolutionKind::Global) {
        // let/const/class at script top level initialise the global lexical binding; a `var` declared
        // with init == true never reaches here (callers pass init = false for var).
    }
    emit_put_resolution(fs, r, name, init);
}

void CodeGenerator::emit_load_variable(FunctionState& fs, Variable* v) {
    Resolution r = m_sa.resolve_variable(fs.fi, v);
    emit_get_resolution(fs, r, v->name, false);
}

void CodeGenerator::emit_store_variable(FunctionState& fs, Variable* v, bool init) {
    Resolution r = m_sa.resolve_variable(fs.fi, v);
    emit_put_resolution(fs, r, v->name, init);
}

void CodeGenerator::emit_identifier(FunctionState& fs, Identifier* id, bool for_typeof) {
    Resolution r = m_sa.resolve(fs.fi, fs.scope, id->name);
    emit_get_resolution(fs, r, id->name, for_typeof);
}

void CodeGenerator::emit_this(FunctionState& fs) {
    Resolution r = m_sa.resolve(fs.fi, fs.scope, ScopeAnalysis::name_this());
    r.with_count = 0;
    if (r.kind == ResolutionKind::Global) {
        fs.em.op(Op::push_this);
        return;
    }
    emit_get_resolution(fs, r, ScopeAnalysis::name_this(), false);
}

void CodeGenerator::emit_home_object(FunctionState& fs) {
    Resolution r = m_sa.resolve(fs.fi, fs.scope, ScopeAnalysis::name_home_object());
    r.with_count = 0;
    if (r.kind == ResolutionKind::Global) {
        fs.em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::HomeObject));
        return;
    }
    emit_get_resolution(fs, r, ScopeAnalysis::name_home_object(), false);
}

// ---- literals ----

void CodeGenerator::emit_number(FunctionState& fs, double v) {
    if (v >= INT32_MIN && v <= INT32_MAX && static_cast<double>(static_cast<int32_t>(v)) == v &&
        !(v == 0 && std::signbit(v))) {
        fs.em.push_int(static_cast<int32_t>(v));
        return;
    }
    emit_constant(fs, Value::float64(v));
}

void CodeGenerator::emit_constant(FunctionState& fs, Value v) {
    uint32_t idx = fs.em.add_constant(std::move(v));
    if (idx < 256)
        fs.em.op_u8(Op::push_const8, static_cast<uint8_t>(idx));
    else
        fs.em.op_u32(Op::push_const, idx);
}

void CodeGenerator::emit_string(FunctionState& fs, const AstString& s) {
    if (s.empty()) {
        fs.em.op(Op::push_empty_string);
        return;
    }
    String* str = String::create_utf16(m_ctx.rt(), s.data, s.length);
    if (!str) {
        fail_oom();
        fs.em.op(Op::push_undefined);
        return;
    }
    emit_constant(fs, Value::adopt(Tag::String, str));
}

Value CodeGenerator::bigint_literal_value(const BigIntLiteral* b) {
    Vector<char16_t> digits;
    for (uint32_t i = 0; i < b->length; i++)
        digits.push_back(static_cast<char16_t>(b->digits[i]));
    Value v = bigint_from_literal(m_ctx, digits.data(), digits.size());
    if (v.is_exception()) {
        fail_oom(); // the lexer checked the digits: only memory can run out
        return Value();
    }
    return v;
}

Atom CodeGenerator::property_key_atom(Node* key) {
    switch (key->kind) {
    case NodeKind::Identifier: return atom_of(as<Identifier>(key)->name);
    case NodeKind::StringLiteral: return atom_of(as<StringLiteral>(key)->value);
    case NodeKind::NumericLiteral: {
        Value s = number_to_string_value(m_ctx, as<NumericLiteral>(key)->value);
        if (s.is_exception()) {
            m_failed = true;
            return atoms::empty_string;
        }
        Result<Atom> a = to_property_key(m_ctx, s);
        if (a.is_exception()) {
            m_failed = true;
            return atoms::empty_string;
        }
        m_ctx.rt().pin_atom(a.value()); // bytecode keeps bare atoms
        return a.release_value();
    }
    case NodeKind::BigIntLiteral: {
        // The key is ToPropertyKey of the literal's value: its decimal string (0x10n is "16"), an array
        // index when it is one.
        Value v = bigint_literal_value(as<BigIntLiteral>(key));
        if (!v.is_bigint()) return atoms::empty_string;
        Result<Atom> a = to_property_key(m_ctx, v);
        if (a.is_exception()) {
            m_failed = true;
            return atoms::empty_string;
        }
        return a.release_value();
    }
    case NodeKind::PrivateIdentifier: {
        auto* p = as<PrivateIdentifier>(key);
        char16_t buf[256];
        uint32_t n = p->name.length < 255 ? p->name.length : 255;
        buf[0] = u'#';
        for (uint32_t i = 0; i < n; i++)
            buf[i + 1] = p->name.data[i];
        return atom_of(AstString{buf, n + 1});
    }
    default: return atoms::empty_string;
    }
}

void CodeGenerator::emit_property_key(FunctionState& fs, Node* key, bool computed) {
    if (computed) {
        emit_expression(fs, key);
        fs.em.op(Op::to_propkey);
        return;
    }
    fs.em.op_atom(Op::push_atom, property_key_atom(key));
}

void CodeGenerator::emit_template(FunctionState& fs, TemplateLiteral* t) {
    Emitter& em = fs.em;
    emit_string(fs, t->quasis[0].cooked);
    for (uint32_t i = 0; i < t->expressions.size(); i++) {
        emit_expression(fs, t->expressions[i]);
        em.op(Op::to_string);
        em.op(Op::add);
        if (!t->quasis[i + 1].cooked.empty()) {
            emit_string(fs, t->quasis[i + 1].cooked);
            em.op(Op::add);
        }
    }
}

void CodeGenerator::emit_tagged_template(FunctionState& fs, TaggedTemplateExpression* t) {
    Emitter& em = fs.em;
    bool method = false;
    Node* tag = t->tag;
    if (tag->is(NodeKind::MemberExpression)) {
        emit_member(fs, as<MemberExpression>(tag), true);
        method = true;
    } else {
        emit_expression(fs, tag);
    }
    // The site's constant: [cooked strings, raw strings]; the VM turns it into the frozen template
    // object on first use.
    TemplateLiteral* q = t->quasi;
    Vector<Value> cooked;
    Vector<Value> raw;
    for (const TemplateElement& e : q->quasis) {
        if (e.cooked_valid) {
            String* s = String::create_utf16(m_ctx.rt(), e.cooked.data, e.cooked.length);
            if (!s) return fail_oom();
            cooked.push_back(Value::adopt(Tag::String, s));
        } else {
            cooked.push_back(Value::undefined());
        }
        String* r = String::create_utf16(m_ctx.rt(), e.raw.data, e.raw.length);
        if (!r) return fail_oom();
        raw.push_back(Value::adopt(Tag::String, r));
    }
    Value cooked_array = new_array_from(m_ctx, std::span<const Value>(cooked.data(), cooked.size()));
    Value raw_array = new_array_from(m_ctx, std::span<const Value>(raw.data(), raw.size()));
    if (cooked_array.is_exception() || raw_array.is_exception()) {
        m_failed = true;
        return;
    }
    Value pair[2] = {std::move(cooked_array), std::move(raw_array)};
    Value site = new_array_from(m_ctx, std::span<const Value>(pair, 2));
    if (site.is_exception()) {
        m_failed = true;
        return;
    }
    uint32_t idx = em.add_constant(std::move(site));
    em.op_u32(Op::get_template_object, idx);
    for (Node* e : q->expressions)
        emit_expression(fs, e);
    uint16_t argc = static_cast<uint16_t>(1 + q->expressions.size());
    if (method)
        em.op_npop(Op::call_method, argc);
    else
        em.call(argc);
}

void CodeGenerator::emit_array(FunctionState& fs, ArrayExpression* a) {
    Emitter& em = fs.em;
    bool simple = a->elements.size() < 1024;
    for (Node* e : a->elements)
        if (!e || e->is(NodeKind::SpreadElement)) simple = false;
    if (simple) {
        for (Node* e : a->elements)
            emit_expression(fs, e);
        em.op_npop(Op::array_from, static_cast<uint16_t>(a->elements.size()));
        return;
    }
    em.op_npop(Op::array_from, 0);
    em.op(Op::push_0);
    for (Node* e : a->elements) {
        if (!e) {
            em.op(Op::array_hole);
        } else if (e->is(NodeKind::SpreadElement)) {
            emit_expression(fs, as<SpreadElement>(e)->argument);
            em.op(Op::append);
        } else {
            emit_expression(fs, e);
            em.op(Op::define_array_el);
        }
    }
    em.op(Op::drop);
}

void CodeGenerator::emit_object(FunctionState& fs, ObjectExpression* o) {
    Emitter& em = fs.em;
    em.op(Op::object);
    for (Node* p : o->properties) {
        if (p->is(NodeKind::SpreadElement)) {
            emit_expression(fs, as<SpreadElement>(p)->argument);
            em.op(Op::copy_data_properties);
            continue;
        }
        auto* prop = as<Property>(p);
        set_position(fs, prop);
        if (prop->property_kind == PropertyKind::Proto) {
            emit_expression(fs, prop->value);
            em.op(Op::set_proto);
            continue;
        }
        bool is_accessor =
            prop->property_kind == PropertyKind::Get || prop->property_kind == PropertyKind::Set;
        if (prop->method || is_accessor) {
            uint8_t flags = defmethod::Enumerable;
            if (prop->property_kind == PropertyKind::Get) flags |= defmethod::Getter;
            if (prop->property_kind == PropertyKind::Set) flags |= defmethod::Setter;
            auto* fn = as<FunctionNode>(prop->value);
            if (prop->computed) {
                emit_expression(fs, prop->key);
                em.op(Op::to_propkey);
                emit_closure(fs, fn, atoms::empty_string);
                em.op_u8(Op::define_method_computed, flags);
            } else {
                Atom key = property_key_atom(prop->key);
                emit_closure(fs, fn, key);
                em.op_atom_u8(Op::define_method, key, flags);
            }
            continue;
        }
        if (prop->computed) {
            emit_expression(fs, prop->key);
            em.op(Op::to_propkey);
            if (is_anonymous_function_definition(prop->value)) {
                emit_expression_named(fs, prop->value, atoms::empty_string);
                em.op(Op::set_name_computed);
            } else {
                emit_expression(fs, prop->value);
            }
            em.op(Op::define_computed_field);
        } else {
            Atom key = property_key_atom(prop->key);
            emit_expression_named(fs, prop->value, key);
            em.op_atom(Op::define_field, key);
        }
    }
}

// ---- operators ----

static Op binary_opcode(BinaryOp op) {
    switch (op) {
    case BinaryOp::Add: return Op::add;
    case BinaryOp::Sub: return Op::sub;
    case BinaryOp::Mul: return Op::mul;
    case BinaryOp::Div: return Op::div;
    case BinaryOp::Mod: return Op::mod;
    case BinaryOp::Exp: return Op::pow;
    case BinaryOp::Shl: return Op::shl;
    case BinaryOp::Sar: return Op::sar;
    case BinaryOp::Shr: return Op::shr;
    case BinaryOp::BitAnd: return Op::and_;
    case BinaryOp::BitOr: return Op::or_;
    case BinaryOp::BitXor: return Op::xor_;
    case BinaryOp::Eq: return Op::eq;
    case BinaryOp::Ne: return Op::neq;
    case BinaryOp::StrictEq: return Op::strict_eq;
    case BinaryOp::StrictNe: return Op::strict_neq;
    case BinaryOp::Lt: return Op::lt;
    case BinaryOp::Le: return Op::lte;
    case BinaryOp::Gt: return Op::gt;
    case BinaryOp::Ge: return Op::gte;
    case BinaryOp::In: return Op::in;
    case BinaryOp::Instanceof: return Op:: instanceof ;
    }
    return Op::add;
}

static Op assign_opcode(AssignOp op) {
    switch (op) {
    case AssignOp::Add: return Op::add;
    case AssignOp::Sub: return Op::sub;
    case AssignOp::Mul: return Op::mul;
    case AssignOp::Div: return Op::div;
    case AssignOp::Mod: return Op::mod;
    case AssignOp::Exp: return Op::pow;
    case AssignOp::Shl: return Op::shl;
    case AssignOp::Sar: return Op::sar;
    case AssignOp::Shr: return Op::shr;
    case AssignOp::BitAnd: return Op::and_;
    case AssignOp::BitOr: return Op::or_;
    case AssignOp::BitXor: return Op::xor_;
    default: return Op::nop;
    }
}

void CodeGenerator::emit_binary(FunctionState& fs, BinaryExpression* b) {
    emit_expression(fs, b->left);
    emit_expression(fs, b->right);
    fs.em.op(binary_opcode(b->op));
}

void CodeGenerator::emit_logical(FunctionState& fs, LogicalExpression* l) {
    Emitter& em = fs.em;
    Label end = em.new_label();
    emit_expression(fs, l->left);
    em.op(Op::dup);
    switch (l->op) {
    case LogicalOp::And: em.jump(Op::if_false, end); break;
    case LogicalOp::Or: em.jump(Op::if_true, end); break;
    case LogicalOp::Coalesce:
        em.op(Op::is_undefined_or_null);
        em.jump(Op::if_false, end);
        break;
    }
    em.op(Op::drop);
    emit_expression(fs, l->right);
    em.bind(end);
}

void CodeGenerator::emit_condition_jump(FunctionState& fs, Node* n, Label target, bool jump_if) {
    if (n->is(NodeKind::UnaryExpression) && as<UnaryExpression>(n)->op == UnaryOp::Not) {
        emit_condition_jump(fs, as<UnaryExpression>(n)->argument, target, !jump_if);
        return;
    }
    emit_expression(fs, n);
    fs.em.jump(jump_if ? Op::if_true : Op::if_false, target);
}

void CodeGenerator::emit_unary(FunctionState& fs, UnaryExpression* u) {
    Emitter& em = fs.em;
    switch (u->op) {
    case UnaryOp::Typeof:
        if (u->argument->is(NodeKind::Identifier))
            emit_identifier(fs, as<Identifier>(u->argument), true);
        else
            emit_expression(fs, u->argument);
        em.op(Op::typeof_);
        return;
    case UnaryOp::Delete: emit_delete(fs, u->argument); return;
    default: break;
    }
    emit_expression(fs, u->argument);
    switch (u->op) {
    case UnaryOp::Minus: em.op(Op::neg); break;
    case UnaryOp::Plus: em.op(Op::plus); break;
    case UnaryOp::Not: em.op(Op::lnot); break;
    case UnaryOp::BitNot: em.op(Op::bit_not); break;
    case UnaryOp::Void:
        em.op(Op::drop);
        em.op(Op::push_undefined);
        break;
    default: break;
    }
}

void CodeGenerator::emit_delete(FunctionState& fs, Node* arg) {
    Emitter& em = fs.em;
    while (arg->is(NodeKind::ChainExpression)) {
        // `delete a?.b`: true when the chain short-circuits.
        auto* c = as<ChainExpression>(arg);
        int32_t saved_depth = fs.chain_depth;
        Label saved_end = fs.chain_end;
        bool saved_delete = fs.chain_delete;
        fs.chain_depth = em.depth();
        fs.chain_end = em.new_label();
        fs.chain_delete = true;
        emit_delete(fs, c->expression);
        em.bind(fs.chain_end);
        fs.chain_depth = saved_depth;
        fs.chain_end = saved_end;
        fs.chain_delete = saved_delete;
        return;
    }
    switch (arg->kind) {
    case NodeKind::Identifier: {
        auto* id = as<Identifier>(arg);
        Resolution r = m_sa.resolve(fs.fi, fs.scope, id->name);
        Atom atom = atom_of(id->name);
        Label found = em.new_label();
        for (uint32_t i = 0; i < r.with_count; i++) {
            emit_load_variable(fs, r.withs[i]->with_object);
            em.op_atom_label_u8(Op::with_delete_var, atom, found, with_flags(r.withs[i]));
        }
        if (r.kind == ResolutionKind::Global)
            em.op_atom(Op::delete_var, atom);
        else
            em.op(Op::push_false);
        if (r.with_count) em.bind(found);
        return;
    }
    case NodeKind::MemberExpression: {
        auto* m = as<MemberExpression>(arg);
        if (m->object->is(NodeKind::Super)) {
            emit_this(fs);
            em.op(Op::drop);
            if (m->computed) {
                emit_expression(fs, m->property);
                em.op(Op::drop);
            }
            em.op_atom_u8(Op::throw_error, atoms::super, static_cast<uint8_t>(ThrowErrorKind::BadSuper));
            em.op(Op::push_undefined);
            return;
        }
        emit_expression(fs, m->object);
        if (m->optional) emit_optional_check(fs);
        if (m->computed)
            emit_expression(fs, m->property);
        else
            em.op_atom(Op::push_atom, property_key_atom(m->property));
        em.op(Op::delete_);
        return;
    }
    default:
        emit_expression(fs, arg);
        em.op(Op::drop);
        em.op(Op::push_true);
        return;
    }
}

// ---- references ----

void CodeGenerator::emit_dup_base(FunctionState& fs, uint8_t count) {
    switch (count) {
    case 1: fs.em.op(Op::dup); break;
    case 2: fs.em.op(Op::dup2); break;
    case 3: fs.em.op(Op::dup3); break;
    default: break;
    }
}

void CodeGenerator::emit_private_name_value(FunctionState& fs, Variable* v) {
    emit_load_variable(fs, v);
}

static Variable* private_brand(ScopeAnalysis& sa, FunctionState& fs, Variable* v) {
    Resolution r = sa.resolve(
        fs.fi, fs.scope, v->private_static ? ScopeAnalysis::name_static_brand() : ScopeAnalysis::name_brand(),
        true);
    return r.var;
}

Reference CodeGenerator::emit_reference(FunctionState& fs, Node* target, bool compound) {
    Reference ref;
    Emitter& em = fs.em;
    if (target->is(NodeKind::Identifier)) {
        auto* id = as<Identifier>(target);
        ref.kind = Reference::Variable;
        ref.name = id->name;
        ref.res = m_sa.resolve(fs.fi, fs.scope, id->name);
        Variable* target_var = ref.res.var;
        bool immutable = target_var && (binding_is_const(target_var->kind) ||
                                        target_var->kind == BindingKind::FunctionSelf);
        // Immutable fall-back bindings keep the put-time lookup (put_ref_value would write them).
        if (ref.res.with_count && !immutable) {
            // Resolve once through the with objects (before the right-hand side is evaluated): a
            // reference (base, key) on the stack.
            Label found = em.new_label();
            Atom atom = atom_of(id->name);
            for (uint32_t i = 0; i < ref.res.with_count; i++) {
                emit_load_variable(fs, ref.res.withs[i]->with_object);
                em.op_atom_label_u8(Op::with_make_ref, atom, found, with_flags(ref.res.withs[i]));
            }
            Variable* v = ref.res.var;
            if (ref.res.kind == ResolutionKind::Closure)
                em.op_var_ref(Op::make_var_ref_ref, ref.res.index);
            else if (v && v->captured)
                em.op_loc(Op::make_loc_ref, reg_of(fs, v));
            else
                em.op_atom(Op::make_global_ref, atom);
            em.bind(found);
            ref.kind = Reference::WithRef;
            ref.base_count = 2;
        }
        return ref;
    }
    if (target->is(NodeKind::MemberExpression)) {
        auto* m = as<MemberExpression>(target);
        if (m->object->is(NodeKind::Super)) {
            emit_this(fs);
            emit_home_object(fs);
            em.op(Op::get_super);
            // The key is converted by the access itself (after the right-hand side of `=`), or
            // once up front for compound assignments.
            if (m->computed) {
                emit_expression(fs, m->property);
                if (compound) em.op(Op::to_propkey);
            } else {
                emit_property_key(fs, m->property, false);
            }
            ref.kind = Reference::Super;
            ref.base_count = 3;
            return ref;
        }
        emit_expression(fs, m->object);
        if (m->property->is(NodeKind::PrivateIdentifier)) {
            ref.kind = Reference::Private;
            ref.base_count = 1;
            ref.name = as<PrivateIdentifier>(m->property)->name;
            ref.private_var = m_sa.resolve(fs.fi, fs.scope, ref.name, true).var;
            return ref;
        }
        if (m->computed) {
            emit_expression(fs, m->property);
            // GetValue converts the key once; the PutValue that follows reuses it.
            if (compound) em.op(Op::to_propkey2);
            ref.kind = Reference::Computed;
            ref.base_count = 2;
            return ref;
        }
        ref.kind = Reference::Member;
        ref.base_count = 1;
        ref.atom = property_key_atom(m->property);
        return ref;
    }
    // Invalid target (e.g. a call in sloppy code): evaluate it, then fail at assignment time.
    emit_expression(fs, target);
    em.op(Op::drop);
    em.op_atom_u8(Op::throw_error, atoms::empty_string,
                  static_cast<uint8_t>(ThrowErrorKind::InvalidAssignTarget));
    ref.kind = Reference::Variable;
    ref.res.kind = ResolutionKind::Global;
    ref.name = AstString{u"undefined", 9};
    return ref;
}

void CodeGenerator::emit_reference_get(FunctionState& fs, const Reference& r, bool keep_base) {
    Emitter& em = fs.em;
    if (keep_base && r.kind != Reference::WithRef) emit_dup_base(fs, r.base_count);
    switch (r.kind) {
    case Reference::Variable: emit_get_resolution(fs, r.res, r.name, false); break;
    case Reference::WithRef:
        // ref key -> ref key value (the base stays).
        if (!keep_base) em.op(Op::dup2);
        em.op(Op::get_ref_value);
        if (!keep_base) {
            em.op(Op::nip);
            em.op(Op::nip);
        }
        break;
    case Reference::Member: em.op_atom_ic(Op::get_field, r.atom); break;
    case Reference::Computed: em.op(Op::get_array_el); break;
    case Reference::Super: em.op(Op::get_super_value); break;
    case Reference::Private: {
        Variable* v = r.private_var;
        if (!v) break;
        auto kind = static_cast<PrivateNameKind>(v->private_kind);
        if (kind == PrivateNameKind::Field) {
            emit_load_variable(fs, v);
            em.op(Op::get_private_field);
            break;
        }
        if (Variable* brand = private_brand(m_sa, fs, v)) {
            emit_load_variable(fs, brand);
            em.op(Op::check_brand);
        }
        if (kind == PrivateNameKind::Method) {
            em.op(Op::drop);
            emit_load_variable(fs, v);
        } else if (kind == PrivateNameKind::Setter) {
            em.op(Op::drop);
            em.op_atom_u8(Op::throw_error, atom_of(r.name),
                          static_cast<uint8_t>(ThrowErrorKind::InvalidAssignTarget));
            em.op(Op::push_undefined);
        } else {
            emit_load_variable(fs, v);
            em.op_npop(Op::call_method, 0);
        }
        break;
    }
    }
}

void CodeGenerator::emit_reference_put(FunctionState& fs, const Reference& r, bool keep_value) {
    Emitter& em = fs.em;
    switch (r.kind) {
    case Reference::Variable:
        if (keep_value) em.op(Op::dup);
        emit_put_resolution(fs, r.res, r.name, false);
        break;
    case Reference::WithRef:
        if (keep_value) em.op(Op::insert3);
        em.op(Op::put_ref_value);
        break;
    case Reference::Member:
        if (keep_value) em.op(Op::insert2);
        em.op_atom_ic(Op::put_field, r.atom);
        break;
    case Reference::Computed:
        if (keep_value) em.op(Op::insert3);
        em.op(Op::put_array_el);
        break;
    case Reference::Super:
        if (keep_value) em.op(Op::insert4);
        em.op(Op::put_super_value);
        break;
    case Reference::Private: {
        if (keep_value) em.op(Op::insert2);
        Variable* v = r.private_var;
        if (!v) {
            em.op(Op::drop);
            em.op(Op::drop);
            break;
        }
        auto kind = static_cast<PrivateNameKind>(v->private_kind);
        if (kind == PrivateNameKind::Field) {
            emit_load_variable(fs, v);
            em.op(Op::put_private_field);
        } else if ((kind == PrivateNameKind::Setter || kind == PrivateNameKind::Accessor) &&
                   v->private_setter) {
            // obj v -> setter.call(obj, v)
            em.op(Op::swap);
            if (Variable* brand = private_brand(m_sa, fs, v)) {
                emit_load_variable(fs, brand);
                em.op(Op::check_brand);
            }
            emit_load_variable(fs, v->private_setter);
            em.op(Op::rot3l);
            em.op_npop(Op::call_method, 1);
            em.op(Op::drop);
        } else {
            em.op(Op::drop);
            if (Variable* brand = private_brand(m_sa, fs, v)) {
                emit_load_variable(fs, brand);
                em.op(Op::check_brand);
            }
            em.op(Op::drop);
            em.op_atom_u8(Op::throw_error, atom_of(r.name),
                          static_cast<uint8_t>(ThrowErrorKind::InvalidAssignTarget));
        }
        break;
    }
    }
}

void CodeGenerator::emit_assignment(FunctionState& fs, AssignmentExpression* a, bool need_value) {
    Emitter& em = fs.em;
    Node* left = a->left;
    if (a->op == AssignOp::Assign &&
        (left->is(NodeKind::ObjectPattern) || left->is(NodeKind::ArrayPattern))) {
        emit_expression(fs, a->right);
        if (need_value) em.op(Op::dup);
        emit_pattern(fs, left, false);
        return;
    }
    Atom name = atoms::empty_string;
    bool named = left->is(NodeKind::Identifier) && !left->is_parenthesized();
    if (named && is_anonymous_function_definition(a->right)) name = atom_of(as<Identifier>(left)->name);
    Reference ref = emit_reference(fs, left, a->op != AssignOp::Assign);
    if (a->op == AssignOp::Assign) {
        if (named)
            emit_expression_named(fs, a->right, name);
        else
            emit_expression(fs, a->right);
        emit_reference_put(fs, ref, need_value);
        return;
    }
    emit_reference_get(fs, ref, true);
    if (a->op == AssignOp::And || a->op == AssignOp::Or || a->op == AssignOp::Coalesce) {
        Label short_circuit = em.new_label();
        Label end = em.new_label();
        em.op(Op::dup);
        if (a->op == AssignOp::And) {
            em.jump(Op::if_false, short_circuit);
        } else if (a->op == AssignOp::Or) {
            em.jump(Op::if_true, short_circuit);
        } else {
            em.op(Op::is_undefined_or_null);
            em.jump(Op::if_false, short_circuit);
        }
        em.op(Op::drop);
        if (named)
            emit_expression_named(fs, a->right, name);
        else
            emit_expression(fs, a->right);
        emit_reference_put(fs, ref, true);
        em.jump(Op::goto_, end);
        em.bind(short_circuit);
        for (uint8_t i = 0; i < ref.base_count; i++)
            em.op(Op::nip);
        em.bind(end);
        if (!need_value) em.op(Op::drop);
        return;
    }
    emit_expression(fs, a->right);
    em.op(assign_opcode(a->op));
    emit_reference_put(fs, ref, need_value);
}

void CodeGenerator::emit_update(FunctionState& fs, UpdateExpression* u, bool need_value) {
    Emitter& em = fs.em;
    bool inc = u->op == UpdateOp::Increment;
    Reference ref = emit_reference(fs, u->argument, true);
    emit_reference_get(fs, ref, true);
    if (!u->prefix && need_value) {
        em.op(inc ? Op::post_inc : Op::post_dec);
        switch (ref.base_count) {
        case 1: em.op(Op::perm3); break;
        case 2: em.op(Op::perm4); break;
        case 3: em.op(Op::perm5); break;
        default: break;
        }
        emit_reference_put(fs, ref, false);
        return;
    }
    em.op(inc ? Op::inc : Op::dec);
    emit_reference_put(fs, ref, need_value);
}

// ---- member access, optional chains ----

void CodeGenerator::emit_optional_check(FunctionState& fs) {
    Emitter& em = fs.em;
    Label ok = em.new_label();
    em.op(Op::dup);
    em.op(Op::is_undefined_or_null);
    em.jump(Op::if_false, ok);
    int32_t extra = em.depth() - fs.chain_depth;
    for (int32_t i = 0; i < extra; i++)
        em.op(Op::drop);
    em.op(fs.chain_delete ? Op::push_true : Op::push_undefined);
    em.jump(Op::goto_, fs.chain_end);
    em.bind(ok);
}

void CodeGenerator::emit_chain(FunctionState& fs, ChainExpression* c) {
    Emitter& em = fs.em;
    int32_t saved_depth = fs.chain_depth;
    Label saved_end = fs.chain_end;
    bool saved_delete = fs.chain_delete;
    fs.chain_depth = em.depth();
    fs.chain_end = em.new_label();
    fs.chain_delete = false;
    emit_expression(fs, c->expression);
    em.bind(fs.chain_end);
    fs.chain_depth = saved_depth;
    fs.chain_end = saved_end;
    fs.chain_delete = saved_delete;
}

void CodeGenerator::emit_member(FunctionState& fs, MemberExpression* m, bool keep_object) {
    Emitter& em = fs.em;
    if (m->object->is(NodeKind::Super)) {
        emit_this(fs);
        if (keep_object) em.op(Op::dup);
        emit_home_object(fs);
        em.op(Op::get_super);
        emit_property_key(fs, m->property, m->computed);
        em.op(Op::get_super_value);
        return;
    }
    emit_expression(fs, m->object);
    if (m->optional) emit_optional_check(fs);
    set_position(fs, m);
    if (m->property->is(NodeKind::PrivateIdentifier)) {
        Reference ref;
        ref.kind = Reference::Private;
        ref.base_count = 1;
        ref.name = as<PrivateIdentifier>(m->property)->name;
        ref.private_var = m_sa.resolve(fs.fi, fs.scope, ref.name, true).var;
        emit_reference_get(fs, ref, keep_object);
        return;
    }
    if (m->computed) {
        emit_expression(fs, m->property);
        em.op(keep_object ? Op::get_array_el2 : Op::get_array_el);
    } else {
        em.op_atom_ic(keep_object ? Op::get_field2 : Op::get_field, property_key_atom(m->property));
    }
}

// ---- calls ----

int32_t CodeGenerator::emit_arguments(FunctionState& fs, const AstVector<Node*>& args) {
    bool spread = false;
    for (Node* a : args)
        if (a->is(NodeKind::SpreadElement)) spread = true;
    if (!spread && args.size() < 65535) {
        for (Node* a : args)
            emit_expression(fs, a);
        return static_cast<int32_t>(args.size());
    }
    Emitter& em = fs.em;
    em.op_npop(Op::array_from, 0);
    em.op(Op::push_0);
    for (Node* a : args) {
        if (a->is(NodeKind::SpreadElement)) {
            emit_expression(fs, as<SpreadElement>(a)->argument);
            em.op(Op::append);
        } else {
            emit_expression(fs, a);
            em.op(Op::define_array_el);
        }
    }
    em.op(Op::drop);
    return -1;
}

void CodeGenerator::emit_call(FunctionState& fs, CallExpression* c) {
    Emitter& em = fs.em;
    if (c->callee->is(NodeKind::Super)) return emit_super_call(fs, c);
    bool method = false;
    Node* callee = c->callee;
    if (callee->is(NodeKind::MemberExpression)) {
        emit_member(fs, as<MemberExpression>(callee), true);
        method = true;
    } else if (callee->is(NodeKind::ChainExpression) &&
               as<ChainExpression>(callee)->expression->is(NodeKind::MemberExpression)) {
        // `(a?.b)()`: the parenthesized chain is still a reference; `this` is a. A short circuit
        // calls undefined (a TypeError) with an undefined `this`.
        int32_t saved_depth = fs.chain_depth;
        Label saved_end = fs.chain_end;
        bool saved_delete = fs.chain_delete;
        fs.chain_depth = em.depth();
        fs.chain_end = em.new_label();
        fs.chain_delete = false;
        Label done = em.new_label();
        emit_member(fs, as<MemberExpression>(as<ChainExpression>(callee)->expression), true);
        em.jump(Op::goto_, done);
        em.bind(fs.chain_end);
        em.op(Op::push_undefined);
        em.bind(done);
        fs.chain_depth = saved_depth;
        fs.chain_end = saved_end;
        fs.chain_delete = saved_delete;
        method = true;
    } else if (callee->is(NodeKind::Identifier)) {
        auto* id = as<Identifier>(callee);
        Resolution r = m_sa.resolve(fs.fi, fs.scope, id->name);
        if (r.with_count) {
            Label found = em.new_label();
            Atom atom = atom_of(id->name);
            for (uint32_t i = 0; i < r.with_count; i++) {
                emit_load_variable(fs, r.withs[i]->with_object);
                if (!r.withs[i]->is_var_object) {
                    em.op_atom_label_u8(Op::with_get_ref, atom, found, 1);
                    continue;
                }
                // Calls through an eval var object get an undefined `this` (WithBaseObject).
                Label got = em.new_label();
                Label skip = em.new_label();
                em.op_atom_label_u8(Op::with_get_var, atom, got, 0);
                em.jump(Op::goto_, skip);
                em.bind(got);
                em.op(Op::push_undefined);
                em.op(Op::swap);
                em.jump(Op::goto_, found);
                em.bind(skip);
            }
            em.op(Op::push_undefined);
            Resolution plain = r;
            plain.with_count = 0;
            emit_get_resolution(fs, plain, id->name, false);
            em.bind(found);
            if (c->is_direct_eval_candidate)
                em.op(Op::nip); // `eval` found through a with/var object is still a direct eval
            else
                method = true;
        } else {
            emit_get_resolution(fs, r, id->name, false);
        }
    } else {
        emit_expression(fs, callee);
    }
    if (c->optional) emit_optional_check(fs);
    bool is_eval = c->is_direct_eval_candidate && !method;
    uint32_t scope = scope_index(fs, fs.scope);
    uint16_t scope_operand = scope == UINT32_MAX ? 0xffff : static_cast<uint16_t>(scope);
    // Direct eval in parameter expressions: the parameters sit between it and the var scope.
    if (fs.scope == fs.fi->param_scope && fs.fi->separate_param_scope) scope_operand = 0xfffe;
    int32_t argc = emit_arguments(fs, c->arguments);
    set_position(fs, c);
    if (argc < 0) {
        if (is_eval) {
            em.op_u16(Op::apply_eval, scope_operand);
            return;
        }
        if (!method) {
            em.op(Op::push_undefined);
            em.op(Op::rot3r);
        }
        em.op(Op::apply);
        return;
    }
    if (is_eval) {
        em.op_npop_u16(Op::eval, static_cast<uint16_t>(argc), scope_operand);
    } else if (method) {
        em.op_npop(Op::call_method, static_cast<uint16_t>(argc));
    } else {
        em.call(static_cast<uint16_t>(argc));
    }
}

void CodeGenerator::emit_super_call(FunctionState& fs, CallExpression* c) {
    Emitter& em = fs.em;
    Resolution af = m_sa.resolve(fs.fi, fs.scope, ScopeAnalysis::name_active_function());
    af.with_count = 0;
    if (af.kind == ResolutionKind::Global)
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::ThisFunc));
    else
        emit_get_resolution(fs, af, ScopeAnalysis::name_active_function(), false);
    em.op(Op::get_super_ctor);
    Resolution nt = m_sa.resolve(fs.fi, fs.scope, ScopeAnalysis::name_new_target());
    nt.with_count = 0;
    if (nt.kind == ResolutionKind::Global)
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::NewTarget));
    else
        emit_get_resolution(fs, nt, ScopeAnalysis::name_new_target(), false);
    int32_t argc = emit_arguments(fs, c->arguments);
    set_position(fs, c);
    if (argc < 0)
        em.op(Op::apply_constructor);
    else
        em.op_npop(Op::call_constructor_nt, static_cast<uint16_t>(argc));
    // Bind `this` (ReferenceError if already bound), then initialize the fields.
    em.op(Op::dup);
    Resolution th = m_sa.resolve(fs.fi, fs.scope, ScopeAnalysis::name_this());
    th.with_count = 0;
    if (th.var) {
        if (th.kind == ResolutionKind::Closure) {
            em.op_var_ref(Op::put_var_ref_check_init, th.index);
        } else {
            uint32_t reg = reg_of(fs, th.var);
            em.op_loc(th.var->captured ? Op::put_loc_ref_check_init : Op::put_loc_check_init, reg);
        }
    } else {
        em.op(Op::drop);
    }
    if (af.kind == ResolutionKind::Global)
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::ThisFunc));
    else
        emit_get_resolution(fs, af, ScopeAnalysis::name_active_function(), false);
    em.op(Op::init_fields);
}

void CodeGenerator::emit_new(FunctionState& fs, NewExpression* n) {
    Emitter& em = fs.em;
    emit_expression(fs, n->callee);
    bool spread = false;
    for (Node* a : n->arguments)
        if (a->is(NodeKind::SpreadElement)) spread = true;
    if (spread) {
        em.op(Op::dup);
        emit_arguments(fs, n->arguments);
        set_position(fs, n);
        em.op(Op::apply_constructor);
        return;
    }
    int32_t argc = emit_arguments(fs, n->arguments);
    set_position(fs, n);
    em.op_npop(Op::call_constructor, static_cast<uint16_t>(argc));
}

// ---- dispatch ----

void CodeGenerator::emit_expression_named(FunctionState& fs, Node* n, Atom name) {
    if (is_anonymous_function_definition(n)) {
        if (n->is(NodeKind::ClassExpression)) {
            emit_class(fs, as<ClassNode>(n), name);
        } else {
            emit_closure(fs, as<FunctionNode>(n), name);
        }
        return;
    }
    emit_expression(fs, n);
}

void CodeGenerator::emit_expression_drop(FunctionState& fs, Node* n) {
    switch (n->kind) {
    case NodeKind::AssignmentExpression: emit_assignment(fs, as<AssignmentExpression>(n), false); return;
    case NodeKind::UpdateExpression: emit_update(fs, as<UpdateExpression>(n), false); return;
    default:
        emit_expression(fs, n);
        fs.em.op(Op::drop);
        return;
    }
}

void CodeGenerator::emit_expression(FunctionState& fs, Node* n) {
    Emitter& em = fs.em;
    if (!n) {
        em.op(Op::push_undefined);
        return;
    }
    if (m_failed) {
        em.op(Op::push_undefined);
        return;
    }
    switch (n->kind) {
    case NodeKind::Identifier: emit_identifier(fs, as<Identifier>(n), false); break;
    case NodeKind::NumericLiteral: emit_number(fs, as<NumericLiteral>(n)->value); break;
    case NodeKind::StringLiteral: emit_string(fs, as<StringLiteral>(n)->value); break;
    case NodeKind::BooleanLiteral:
        em.op(as<BooleanLiteral>(n)->value ? Op::push_true : Op::push_false);
        break;
    case NodeKind::NullLiteral: em.op(Op::push_null); break;
    case NodeKind::BigIntLiteral: {
        Value v = bigint_literal_value(as<BigIntLiteral>(n));
        if (!v.is_bigint()) {
            em.op(Op::push_undefined);
            break;
        }
        emit_constant(fs, std::move(v));
        break;
    }
    case NodeKind::RegExpLiteral: {
        auto* r = as<RegExpLiteral>(n);
        emit_string(fs, r->pattern);
        emit_string(fs, r->flags);
        em.op(Op::regexp);
        break;
    }
    case NodeKind::TemplateLiteral: emit_template(fs, as<TemplateLiteral>(n)); break;
    case NodeKind::TaggedTemplateExpression: emit_tagged_template(fs, as<TaggedTemplateExpression>(n)); break;
    case NodeKind::ArrayExpression: emit_array(fs, as<ArrayExpression>(n)); break;
    case NodeKind::ObjectExpression: emit_object(fs, as<ObjectExpression>(n)); break;
    case NodeKind::ThisExpression: emit_this(fs); break;
    case NodeKind::MetaProperty: {
        auto* m = as<MetaProperty>(n);
        if (m->meta_kind == MetaPropertyKind::NewTarget) {
            Resolution r = m_sa.resolve(fs.fi, fs.scope, ScopeAnalysis::name_new_target());
            r.with_count = 0;
            if (r.kind == ResolutionKind::Global)
                em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::NewTarget));
            else
                emit_get_resolution(fs, r, ScopeAnalysis::name_new_target(), false);
        } else {
            em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::ImportMeta));
        }
        break;
    }
    case NodeKind::FunctionExpression:
    case NodeKind::ArrowFunctionExpression: {
        auto* f = as<FunctionNode>(n);
        emit_closure(fs, f, f->id ? atom_of(f->id->name) : atoms::empty_string);
        break;
    }
    case NodeKind::ClassExpression: {
        auto* c = as<ClassNode>(n);
        emit_class(fs, c, c->id ? atom_of(c->id->name) : atoms::empty_string);
        break;
    }
    case NodeKind::UnaryExpression: emit_unary(fs, as<UnaryExpression>(n)); break;
    case NodeKind::UpdateExpression: emit_update(fs, as<UpdateExpression>(n), true); break;
    case NodeKind::BinaryExpression: emit_binary(fs, as<BinaryExpression>(n)); break;
    case NodeKind::PrivateInExpression: {
        auto* p = as<PrivateInExpression>(n);
        Variable* v = m_sa.resolve(fs.fi, fs.scope, p->name->name, true).var;
        if (v && static_cast<PrivateNameKind>(v->private_kind) != PrivateNameKind::Field)
            v = private_brand(m_sa, fs, v);
        if (v)
            emit_load_variable(fs, v);
        else
            em.op(Op::push_undefined);
        emit_expression(fs, p->right);
        em.op(Op::private_in);
        break;
    }
    case NodeKind::LogicalExpression: emit_logical(fs, as<LogicalExpression>(n)); break;
    case NodeKind::AssignmentExpression: emit_assignment(fs, as<AssignmentExpression>(n), true); break;
    case NodeKind::ConditionalExpression: {
        auto* c = as<ConditionalExpression>(n);
        Label else_label = em.new_label();
        Label end = em.new_label();
        emit_condition_jump(fs, c->test, else_label, false);
        emit_expression(fs, c->consequent);
        em.jump(Op::goto_, end);
        em.bind(else_label);
        emit_expression(fs, c->alternate);
        em.bind(end);
        break;
    }
    case NodeKind::SequenceExpression: {
        auto* s = as<SequenceExpression>(n);
        for (uint32_t i = 0; i < s->expressions.size(); i++) {
            if (i + 1 < s->expressions.size())
                emit_expression_drop(fs, s->expressions[i]);
            else
                emit_expression(fs, s->expressions[i]);
        }
        break;
    }
    case NodeKind::YieldExpression: {
        auto* y = as<YieldExpression>(n);
        if (y->delegate)
            emit_yield_star(fs, y);
        else
            emit_yield(fs, y);
        break;
    }
    case NodeKind::AwaitExpression:
        emit_expression(fs, as<AwaitExpression>(n)->argument);
        emit_await(fs);
        break;
    case NodeKind::CallExpression: emit_call(fs, as<CallExpression>(n)); break;
    case NodeKind::NewExpression: emit_new(fs, as<NewExpression>(n)); break;
    case NodeKind::MemberExpression: emit_member(fs, as<MemberExpression>(n), false); break;
    case NodeKind::ChainExpression: emit_chain(fs, as<ChainExpression>(n)); break;
    case NodeKind::ImportCall: emit_import_call(fs, as<ImportCall>(n)); break;
    default: em.op(Op::push_undefined); break;
    }
}

} // namespace qjs
