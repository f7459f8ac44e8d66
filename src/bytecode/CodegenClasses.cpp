// CodegenClasses.cpp: ClassDefinitionEvaluation: constructor, methods and accessors, private
// names and brands, the synthetic field-initializer functions, static blocks, default constructors.
#include "bytecode/Codegen.h"
#include "runtime/Context.h"

namespace qjs {

[[maybe_unused]] static bool class_has_static_name(ClassNode* cls) {
    for (ClassElement* e : cls->body) {
        if (!e->is_static || e->computed || !e->key) continue;
        if (e->key->is(NodeKind::Identifier) && as<Identifier>(e->key)->name.equals_ascii("name"))
            return true;
        if (e->key->is(NodeKind::StringLiteral) && as<StringLiteral>(e->key)->value.equals_ascii("name"))
            return true;
    }
    return false;
}

FunctionBytecode* CodeGenerator::compile_default_constructor(FunctionState& parent, ClassNode* cls, Atom name,
                                                             bool derived) {
    FunctionInfo* fi = m_sa.arena().make<FunctionInfo>();
    if (!fi) {
        fail_oom();
        return nullptr;
    }
    fi->parent = parent.fi;
    fi->is_strict = true;
    FunctionState fs;
    fs.parent = &parent;
    fs.fi = fi;
    fs.node = parent.node;
    Emitter& em = fs.em;
    em.set_position(cls->line(), cls->column());
    if (derived) {
        // constructor(...args) { super(...args); }
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::ThisFunc));
        em.op(Op::get_super_ctor);
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::NewTarget));
        em.op_u16(Op::rest, 0);
        em.op(Op::apply_constructor);
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::ThisFunc));
        em.op(Op::init_fields);
        em.op(Op::return_);
    } else {
        em.op(Op::push_this);
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::ThisFunc));
        em.op(Op::init_fields);
        em.op(Op::drop);
        em.op(Op::return_undef);
    }
    uint32_t flags = derived ? fbflag::DerivedConstructor : fbflag::ClassConstructor;
    flags |= fbflag::IsConstructor;
    FunctionBytecode* fb = finish_function(fs, name, flags, cls->start, cls->end);
    if (fb) {
        fb->m_line = cls->line();
        fb->m_column = cls->column();
    }
    return fb;
}

// The synthetic method running the field initializers (and static blocks) of one class, with
// this = the new instance (or the constructor for static elements).
static FunctionBytecode* compile_init_function(CodeGenerator& cg, FunctionState& parent, FunctionInfo* init,
                                               ClassNode* cls, bool is_static);

struct ClassCompiler {
    static FunctionBytecode* compile_init(CodeGenerator& cg, FunctionState& parent, FunctionInfo* init,
                                          ClassNode* cls, bool is_static) {
        ScopeAnalysis& sa = cg.m_sa;
        FunctionState fs;
        fs.parent = &parent;
        fs.fi = init;
        fs.node = init->node;
        fs.fn = as<FunctionNode>(init->node);
        Emitter& em = fs.em;
        cg.emit_prologue(fs);
        fs.scope = init->var_scope;
        Resolution brand =
            sa.resolve(init, fs.scope,
                       is_static ? ScopeAnalysis::name_static_brand() : ScopeAnalysis::name_brand(), true);
        if (brand.var) {
            cg.emit_this(fs);
            cg.emit_load_variable(fs, brand.var);
            em.op(Op::add_brand);
        }
        for (ClassElement* e : cls->body) {
            if (e->is_static != is_static) continue;
            bool field = e->element_kind == ClassElementKind::Field;
            if (!field && e->element_kind != ClassElementKind::StaticBlock) continue;
            cg.set_position(fs, e);
            Atom name = atoms::empty_string;
            if (field) {
                cg.emit_this(fs);
                if (e->key->is(NodeKind::PrivateIdentifier)) {
                    Resolution r = sa.resolve(init, fs.scope, as<PrivateIdentifier>(e->key)->name, true);
                    if (r.var)
                        cg.emit_load_variable(fs, r.var);
                    else
                        em.op(Op::push_undefined);
                    name = cg.property_key_atom(e->key);
                } else if (e->computed) {
                    if (Variable* kv = sa.field_key_of(e))
                        cg.emit_load_variable(fs, kv);
                    else
                        em.op(Op::push_undefined);
                } else {
                    name = cg.property_key_atom(e->key);
                }
            }
            if (e->value) {
                cg.emit_closure(fs, e->value, name);
                cg.emit_home_object(fs);
                em.op(Op::swap);
                em.op(Op::set_home_object);
                em.op(Op::nip);
                cg.emit_this(fs);
                em.op(Op::swap);
                em.op_npop(Op::call_method, 0);
            } else {
                em.op(Op::push_undefined);
            }
            if (!field) {
                em.op(Op::drop);
                continue;
            }
            if (e->key->is(NodeKind::PrivateIdentifier)) {
                em.op(Op::define_private_field);
            } else if (e->computed) {
                // NamedEvaluation with the computed key: its value is only known now.
                if (e->value && is_anonymous_function_definition(e->value->body_expression))
                    em.op(Op::set_name_computed);
                em.op(Op::define_computed_field);
            } else {
                em.op_atom(Op::define_field, name);
            }
            em.op(Op::drop);
        }
        em.op(Op::return_undef);
        return cg.finish_function(fs, atoms::empty_string, fbflag::Method | fbflag::ClassFieldInit,
                                  cls->start, cls->end);
    }
};

static FunctionBytecode* compile_init_function(CodeGenerator& cg, FunctionState& parent, FunctionInfo* init,
                                               ClassNode* cls, bool is_static) {
    return ClassCompiler::compile_init(cg, parent, init, cls, is_static);
}

void CodeGenerator::emit_class(FunctionState& fs, ClassNode* cls, Atom name) {
    Emitter& em = fs.em;
    ScopeInfo* saved = fs.scope;
    ScopeInfo* cs = m_sa.scope_of(cls);
    set_position(fs, cls);
    if (cs) enter_scope(fs, cs, nullptr);
    // Private names: fields get a fresh private symbol, methods/accessors a shared brand.
    if (cs) {
        for (Variable* v : cs->vars) {
            if (v->kind != BindingKind::PrivateName) continue;
            bool is_brand = v->name.length && v->name.data[0] == u'<';
            if (!is_brand && static_cast<PrivateNameKind>(v->private_kind) != PrivateNameKind::Field)
                continue;
            char16_t buf[256];
            uint32_t n = v->name.length < 255 ? v->name.length : 255;
            uint32_t off = 0;
            if (!is_brand) buf[off++] = u'#';
            for (uint32_t i = 0; i < n; i++)
                buf[off + i] = v->name.data[i];
            em.op_atom(Op::private_symbol, atom_of(AstString{buf, off + n}));
            emit_store_variable(fs, v, true);
        }
    }
    bool derived = cls->super_class != nullptr;
    if (derived)
        emit_expression(fs, cls->super_class);
    else
        em.op(Op::push_undefined);
    FunctionBytecode* ctor = cls->constructor ? compile_function(cls->constructor, &fs, name)
                                              : compile_default_constructor(fs, cls, name, derived);
    if (!ctor) {
        m_failed = true;
        return;
    }
    ctor->m_source_start = cls->start;
    ctor->m_source_end = cls->end;
    uint32_t ctor_idx = add_function_constant(fs, ctor);
    em.op_const_u8(Op::define_class, ctor_idx, derived ? 1 : 0); // ctor proto
    for (ClassElement* e : cls->body) {
        if (m_failed) return;
        set_position(fs, e);
        switch (e->element_kind) {
        case ClassElementKind::Constructor: continue;
        case ClassElementKind::Field:
            if (e->computed) {
                // Computed field keys are evaluated once, here, in order with the other keys.
                emit_expression(fs, e->key);
                em.op(Op::to_propkey);
                if (Variable* kv = m_sa.field_key_of(e))
                    emit_store_variable(fs, kv, true);
                else
                    em.op(Op::drop);
            }
            continue;
        case ClassElementKind::StaticBlock: continue;
        default: break;
        }
        uint8_t flags = defmethod::Method;
        if (e->element_kind == ClassElementKind::Getter) flags = defmethod::Getter;
        if (e->element_kind == ClassElementKind::Setter) flags = defmethod::Setter;
        if (e->is_static) em.op(Op::swap); // the constructor on top
        if (e->key->is(NodeKind::PrivateIdentifier)) {
            auto* pid = as<PrivateIdentifier>(e->key);
            Atom pname = property_key_atom(pid);
            emit_closure(fs, e->value, pname);
            em.op(Op::set_home_object);
            Variable* v = m_sa.resolve(fs.fi, fs.scope, pid->name, true).var;
            if (v && e->element_kind == ClassElementKind::Setter && v->private_setter) v = v->private_setter;
            if (v)
                emit_store_variable(fs, v, true);
            else
                em.op(Op::drop);
        } else if (e->computed) {
            emit_expression(fs, e->key);
            em.op(Op::to_propkey);
            emit_closure(fs, e->value, atoms::empty_string);
            em.op_u8(Op::define_method_computed, flags);
        } else {
            Atom key = property_key_atom(e->key);
            emit_closure(fs, e->value, key);
            em.op_atom_u8(Op::define_method, key, flags);
        }
        if (e->is_static) em.op(Op::swap);
    }
    // Instance fields: the constructor's [[Fields]] initializer (home object = prototype).
    if (FunctionInfo* init = m_sa.instance_init_of(cls)) {
        FunctionBytecode* fb = compile_init_function(*this, fs, init, cls, false);
        if (!fb) {
            m_failed = true;
            return;
        }
        em.op(Op::dup);
        uint32_t idx = add_function_constant(fs, fb);
        em.op_u32(Op::fclosure, idx);
        em.op(Op::set_home_object);
        em.op(Op::nip);
        em.op(Op::perm3);
        em.op(Op::set_class_fields_init);
        em.op(Op::swap);
    }
    em.op(Op::drop); // proto
    if (cls->id && cs) {
        if (Variable* inner = cs->find(cls->id->name, false)) {
            em.op(Op::dup);
            emit_store_variable(fs, inner, true);
        }
    }
    if (FunctionInfo* init = m_sa.static_init_of(cls)) {
        FunctionBytecode* fb = compile_init_function(*this, fs, init, cls, true);
        if (!fb) {
            m_failed = true;
            return;
        }
        em.op(Op::dup);
        em.op(Op::dup);
        uint32_t idx = add_function_constant(fs, fb);
        em.op_u32(Op::fclosure, idx);
        em.op(Op::set_home_object);
        em.op_npop(Op::call_method, 0);
        em.op(Op::drop);
    }
    fs.scope = saved;
}

} // namespace qjs
