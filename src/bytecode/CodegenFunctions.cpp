// CodegenFunctions.cpp: functions and the top level: prologues (special bindings, parameters,
// hoisted declarations), global declaration instantiation, closures, returns, and building the
// FunctionBytecode cell.
#include "bytecode/Codegen.h"
#include "runtime/Context.h"
#include "runtime/String.h"

namespace qjs {

uint32_t g_codegen_depth_mismatches = 0;

// ---- helpers ----

void CodeGenerator::fail_oom() {
    if (!m_failed) m_ctx.throw_out_of_memory();
    m_failed = true;
}

Atom CodeGenerator::atom_of(const AstString& s) {
    Atom a = m_ctx.rt().intern_utf16(s.data, s.length);
    if (!a) fail_oom();
    return a;
}

Atom CodeGenerator::atom_of_ascii(const char* s) {
    Atom a = m_ctx.rt().intern_ascii(s);
    if (!a) fail_oom();
    return a;
}

static uint32_t register_of(Variable* v) {
    return v->is_argument ? v->index : v->scope->function->argument_count + v->index;
}

uint32_t CodeGenerator::reg_of(FunctionState&, Variable* v) {
    return register_of(v);
}

uint32_t CodeGenerator::new_temp(FunctionState& fs) {
    if (!fs.free_temps.empty()) {
        uint32_t r = fs.free_temps.back();
        fs.free_temps.pop_back();
        return r;
    }
    Variable* v = fs.fi->new_local(m_sa.arena(), AstString{}, BindingKind::Special, nullptr);
    if (!v) {
        fail_oom();
        return 0;
    }
    v->scope = fs.fi->var_scope;
    return fs.fi->argument_count + v->index;
}

void CodeGenerator::free_temp(FunctionState& fs, uint32_t reg) {
    fs.free_temps.push_back(reg);
}

uint32_t CodeGenerator::scope_index(FunctionState& fs, ScopeInfo* s) {
    if (!s || s->function != fs.fi || s->kind == ScopeKind::Function || s->kind == ScopeKind::FunctionName ||
        s->kind == ScopeKind::Parameter || s->is_var_object)
        return UINT32_MAX;
    for (uint32_t i = 0; i < fs.scope_list.size(); i++)
        if (fs.scope_list[i] == s) return i;
    fs.scope_list.push_back(s);
    return fs.scope_list.size() - 1;
}

uint32_t CodeGenerator::add_function_constant(FunctionState& fs, FunctionBytecode* fb) {
    return fs.em.add_constant(Value::adopt(Tag::InternalCell, fb));
}

bool is_anonymous_function_definition(Node* n) {
    if (!n || n->is_parenthesized()) {
        if (n && (n->kind == NodeKind::FunctionExpression || n->kind == NodeKind::ArrowFunctionExpression))
            return !as<FunctionNode>(n)->id;
        if (n && n->kind == NodeKind::ClassExpression) return !as<ClassNode>(n)->id;
        return false;
    }
    if (n->kind == NodeKind::FunctionExpression || n->kind == NodeKind::ArrowFunctionExpression)
        return !as<FunctionNode>(n)->id;
    if (n->kind == NodeKind::ClassExpression) return !as<ClassNode>(n)->id;
    return false;
}

void CodeGenerator::emit_closure(FunctionState& fs, FunctionNode* fn, Atom name) {
    FunctionBytecode* fb = compile_function(fn, &fs, name);
    if (!fb) {
        fs.em.op(Op::push_undefined);
        return;
    }
    uint32_t idx = add_function_constant(fs, fb);
    if (idx < 256)
        fs.em.op_u8(Op::fclosure8, static_cast<uint8_t>(idx));
    else
        fs.em.op_u32(Op::fclosure, idx);
}

// The name recorded for a binding in the bytecode (direct eval finds the caller's bindings by it).
// Private names and private setters get "#name\0" followed by their kind and staticness (or "s"):
// no identifier starts with '#', so they never match an ordinary name.
Atom CodeGenerator::binding_atom(Variable* v) {
    bool setter = v->is_private_setter;
    if (v->kind != BindingKind::PrivateName && !setter) return atom_of(v->name);
    const AstString& n = v->name;
    bool has_hash = n.length && n.data[0] == u'#'; // a setter received from an eval caller
    Vector<char16_t> buf;
    buf.push_back(u'#');
    for (uint32_t i = has_hash ? 1 : 0; i < n.length; i++)
        buf.push_back(n.data[i]);
    buf.push_back(0);
    if (setter) {
        buf.push_back(u's');
    } else {
        buf.push_back(static_cast<char16_t>(u'0' + v->private_kind));
        buf.push_back(v->private_static ? u'1' : u'0');
    }
    return atom_of(AstString{buf.data(), static_cast<uint32_t>(buf.size())});
}

// ---- prologue ----

// Stores the value on the stack into a binding at the start of its scope (fresh cell if captured).
static void init_register(Emitter& em, Variable* v) {
    uint32_t reg = register_of(v);
    em.put_loc(reg);
    if (v->captured) em.op_loc(Op::box_loc, reg);
}

void CodeGenerator::emit_prologue(FunctionState& fs) {
    FunctionInfo* fi = fs.fi;
    Emitter& em = fs.em;
    FunctionNode* fn = fs.fn;
    if (fn && fn->has_self_binding) {
        if (ScopeInfo* ns = m_sa.name_scope_of(fn)) {
            em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::ThisFunc));
            init_register(em, ns->vars[0]);
        }
    }
    if (fi->this_var) {
        if (fs.is_derived_ctor) {
            uint32_t reg = register_of(fi->this_var);
            em.op_loc(Op::set_loc_uninitialized, reg);
            if (fi->this_var->captured) em.op_loc(Op::box_loc, reg);
        } else {
            em.op(Op::push_this);
            init_register(em, fi->this_var);
        }
    }
    if (fi->new_target_var) {
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::NewTarget));
        init_register(em, fi->new_target_var);
    }
    if (fi->home_object_var) {
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::HomeObject));
        init_register(em, fi->home_object_var);
    }
    if (fi->active_function_var) {
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::ThisFunc));
        init_register(em, fi->active_function_var);
    }
    bool simple = !fn || fn->has_simple_parameter_list;
    bool boxed_params = false;
    if (fi->arguments_var) {
        if (simple && !fi->is_strict) {
            // Mapped arguments alias the parameter cells.
            for (Variable* v : fi->param_scope->vars) {
                if (!v->is_argument) continue;
                v->captured = true;
                em.op_loc(Op::box_loc, register_of(v));
            }
            boxed_params = true;
            em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::MappedArguments));
        } else {
            em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::Arguments));
        }
        init_register(em, fi->arguments_var);
    }
    if (fn && simple && !boxed_params) {
        for (Variable* v : fi->param_scope->vars)
            if (v->is_argument && v->captured) em.op_loc(Op::box_loc, register_of(v));
    }
    if (fi->eval_var_object) {
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::VarObject));
        init_register(em, fi->eval_var_object);
    }
    if (fs.fi->node->kind != NodeKind::Program && fn && fn->function_kind == FunctionKind::ClassConstructor) {
        // InitializeInstanceElements for base class constructors runs before the body and
        // its parameters ([[Construct]] step 6.b comes before OrdinaryCallEvaluateBody).
        emit_this(fs);
        em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::ThisFunc));
        em.op(Op::init_fields);
        em.op(Op::drop);
    }
    if (fn && !simple) emit_parameters(fs);
    // Body var scope.
    ScopeInfo* vs = fi->var_scope;
    fs.scope = vs;
    for (Variable* v : vs->vars) {
        uint32_t reg = register_of(v);
        if (binding_is_lexical(v->kind)) {
            em.op_loc(Op::set_loc_uninitialized, reg);
            if (v->captured) em.op_loc(Op::box_loc, reg);
        } else if (v->kind == BindingKind::Var && fi->separate_param_scope && vs != fi->param_scope) {
            // A body var named like a parameter starts with the parameter's value.
            // (parameterBindings include `arguments` when the object exists: step 22.f)
            Variable* p = fi->param_scope->find(v->name, false);
            if (p && (p->kind == BindingKind::Parameter || p->kind == BindingKind::Arguments)) {
                emit_load_variable(fs, p);
                init_register(em, v);
            } else if (v->captured) {
                em.op_loc(Op::box_loc, reg);
            }
        } else if (v->captured && !v->is_argument && v->kind != BindingKind::Special &&
                   v->kind != BindingKind::Arguments && v->kind != BindingKind::Parameter) {
            em.op_loc(Op::box_loc, reg);
        }
    }
    if (fn) emit_function_declarations(fs, fn->scope, vs);
    if (fs.is_generator) em.op(Op::initial_yield);
}

void CodeGenerator::emit_parameters(FunctionState& fs) {
    FunctionInfo* fi = fs.fi;
    Emitter& em = fs.em;
    FunctionNode* fn = fs.fn;
    fs.scope = fi->param_scope;
    for (Variable* v : fi->param_scope->vars) {
        if (v->kind != BindingKind::Parameter) continue;
        uint32_t reg = register_of(v);
        em.op_loc(Op::set_loc_uninitialized, reg);
        if (v->captured) em.op_loc(Op::box_loc, reg);
    }
    for (uint32_t i = 0; i < fn->params.size(); i++) {
        Node* p = fn->params[i];
        if (p->is(NodeKind::RestElement)) {
            em.op_u16(Op::rest, static_cast<uint16_t>(i));
            emit_pattern(fs, as<RestElement>(p)->argument, true);
        } else if (p->is(NodeKind::AssignmentPattern)) {
            auto* ap = as<AssignmentPattern>(p);
            em.get_loc(i);
            emit_default_value(fs, ap->left, ap->right);
            emit_pattern(fs, ap->left, true);
        } else {
            em.get_loc(i);
            emit_pattern(fs, p, true);
        }
    }
}

void CodeGenerator::emit_function_declarations(FunctionState& fs, Scope* scope, ScopeInfo* si) {
    if (!scope) return;
    auto& list = scope->function_declarations;
    for (uint32_t i = 0; i < list.size(); i++) {
        FunctionNode* f = list[i];
        bool later = false; // when a name is declared twice, the last one wins
        for (uint32_t j = i + 1; j < list.size(); j++)
            if (ast_names_equal(list[j]->id->name, f->id->name)) later = true;
        if (later) continue;
        emit_closure(fs, f, atom_of(f->id->name));
        Resolution r = m_sa.resolve(fs.fi, si, f->id->name);
        emit_put_resolution(fs, r, f->id->name, true);
    }
}

// GlobalDeclarationInstantiation (16.1.7) / EvalDeclarationInstantiation for global var scopes.
void CodeGenerator::emit_global_declarations(FunctionState& fs, Program* program) {
    Emitter& em = fs.em;
    Scope* sc = program->scope;
    bool is_eval = program->program_kind == ProgramKind::Eval;
    uint8_t deletable = is_eval ? defvar::Deletable : 0;
    if (is_eval && fs.fi->outer && !check_eval_conflicts(fs, program)) return;
    if (!is_eval) {
        for (const Declaration& d : sc->lexical_declarations)
            em.op_atom_u8(Op::check_define_var, atom_of(d.name), defvar::Lexical);
    }
    for (FunctionNode* f : sc->function_declarations)
        em.op_atom_u8(Op::check_define_var, atom_of(f->id->name), defvar::Function);
    for (const AstString& n : sc->var_names)
        em.op_atom_u8(Op::check_define_var, atom_of(n), 0);
    if (!is_eval) {
        for (const Declaration& d : sc->lexical_declarations) {
            uint8_t flags = defvar::Lexical;
            if (d.kind == DeclarationKind::Const) flags |= defvar::Const;
            em.op_atom_u8(Op::define_var, atom_of(d.name), flags);
        }
    }
    for (const AstString& n : sc->var_names) {
        bool is_function = false;
        for (FunctionNode* f : sc->function_declarations)
            if (ast_names_equal(f->id->name, n)) is_function = true;
        if (!is_function) em.op_atom_u8(Op::define_var, atom_of(n), deletable);
    }
    auto& list = sc->function_declarations;
    for (uint32_t i = 0; i < list.size(); i++) {
        FunctionNode* f = list[i];
        bool later = false;
        for (uint32_t j = i + 1; j < list.size(); j++)
            if (ast_names_equal(list[j]->id->name, f->id->name)) later = true;
        if (later) continue;
        Atom name = atom_of(f->id->name);
        emit_closure(fs, f, name);
        em.op_atom_u8(Op::define_func, name, deletable);
    }
}

// Where a `var` or function declared by sloppy direct eval code goes (EvalDeclarationInstantiation,
// #sec-evaldeclarationinstantiation): the caller's existing var-scoped binding, or a new property
// of its var object; a lexical declaration of the caller in between is a conflict.
enum class EvalVarPlace : uint8_t { Existing, VarObject, Conflict };

static EvalVarPlace eval_var_place(FunctionInfo* fi, const AstString& name) {
    for (ScopeInfo* s = fi->outer; s; s = s->parent) {
        if (s->kind == ScopeKind::With) {
            if (s->with_object == fi->eval_var_target) return EvalVarPlace::VarObject;
            continue;
        }
        for (uint32_t i = s->vars.size(); i-- > 0;) {
            Variable* v = s->vars[i];
            if (v->kind == BindingKind::PrivateName || !ast_names_equal(v->name, name)) continue;
            if (v->caller_param_level) return EvalVarPlace::Existing;
            if (binding_is_lexical(v->kind)) return EvalVarPlace::Conflict;
            // B.3.4: a catch parameter does not conflict; the var still goes to the var scope.
            if (v->caller_block_level) continue;
            return EvalVarPlace::Existing;
        }
    }
    return EvalVarPlace::VarObject;
}

// EvalDeclarationInstantiation (19.2.1.3) when the variable environment is a function's: checks for
// conflicts (a SyntaxError at compile time is equivalent: nothing has run yet), then binds the
// functions and creates the missing vars on the caller's var object.
bool CodeGenerator::check_eval_conflicts(FunctionState& fs, Program* program) {
    FunctionInfo* fi = fs.fi;
    Scope* sc = program->scope;
    auto conflict = [&](const AstString& name) {
        Atom a = atom_of(name);
        if (!m_failed) {
            if (String* str = m_ctx.rt().atom_string(a)) {
                std::string text = str->to_utf8();
                m_ctx.throw_syntax_error("redeclaration of '%s'", text.c_str());
            } else {
                m_ctx.throw_syntax_error("redeclaration");
            }
        }
        m_failed = true;
        return false;
    };
    for (FunctionNode* f : sc->function_declarations)
        if (eval_var_place(fi, f->id->name) == EvalVarPlace::Conflict) return conflict(f->id->name);
    for (const AstString& n : sc->var_names)
        if (eval_var_place(fi, n) == EvalVarPlace::Conflict) return conflict(n);
    return true;
}

bool CodeGenerator::emit_eval_declarations(FunctionState& fs, Program* program) {
    Emitter& em = fs.em;
    FunctionInfo* fi = fs.fi;
    Scope* sc = program->scope;
    if (!check_eval_conflicts(fs, program)) return false;
    auto& list = sc->function_declarations;
    for (uint32_t i = 0; i < list.size(); i++) {
        FunctionNode* f = list[i];
        bool later = false; // when a name is declared twice, the last one wins
        for (uint32_t j = i + 1; j < list.size(); j++)
            if (ast_names_equal(list[j]->id->name, f->id->name)) later = true;
        if (later) continue;
        Atom name = atom_of(f->id->name);
        if (eval_var_place(fi, f->id->name) == EvalVarPlace::VarObject) {
            emit_load_variable(fs, fi->eval_var_target);
            emit_closure(fs, f, name);
            em.op_atom(Op::define_field, name);
            em.op(Op::drop);
        } else {
            emit_closure(fs, f, name);
            emit_put_resolution(fs, m_sa.resolve(fi, fi->var_scope, f->id->name), f->id->name, false);
        }
    }
    for (const AstString& n : sc->var_names) {
        bool is_function = false;
        for (FunctionNode* f : sc->function_declarations)
            if (ast_names_equal(f->id->name, n)) is_function = true;
        if (is_function || eval_var_place(fi, n) != EvalVarPlace::VarObject) continue;
        // A new binding starts undefined; an existing one (an earlier eval's) keeps its value.
        Atom name = atom_of(n);
        Label has = em.new_label();
        Label done = em.new_label();
        emit_load_variable(fs, fi->eval_var_target);
        em.op_atom_label_u8(Op::with_get_var, name, has, 0);
        emit_load_variable(fs, fi->eval_var_target);
        em.op(Op::push_undefined);
        em.op_atom(Op::define_field, name);
        em.op(Op::drop);
        em.jump(Op::goto_, done);
        em.bind(has);
        em.op(Op::drop);
        em.bind(done);
    }
    return true;
}

// ---- returns ----

void CodeGenerator::emit_return(FunctionState& fs, bool has_value) {
    Emitter& em = fs.em;
    if (!has_value) em.op(Op::push_undefined);
    bool needs_unwind = false;
    for (ControlEntry* e = fs.control; e; e = e->parent)
        if (e->kind == ControlEntry::Finally || e->kind == ControlEntry::ForOf ||
            e->kind == ControlEntry::Destructure)
            needs_unwind = true;
    if (needs_unwind) {
        uint32_t tmp = new_temp(fs);
        em.put_loc(tmp);
        unwind_to(fs, nullptr);
        em.get_loc(tmp);
        free_temp(fs, tmp);
    }
    if (fs.is_derived_ctor) {
        if (!fs.has_ctor_epilogue) {
            fs.ctor_epilogue = em.new_label();
            fs.has_ctor_epilogue = true;
        }
        em.jump(Op::goto_, fs.ctor_epilogue);
        return;
    }
    em.op(Op::return_);
}

// ---- function bodies ----

FunctionBytecode* CodeGenerator::compile_function(FunctionNode* fn, FunctionState* parent, Atom name) {
    FunctionInfo* fi = m_sa.function_of(fn);
    if (!fi || m_failed) {
        fail_oom();
        return nullptr;
    }
    FunctionState fs;
    fs.parent = parent;
    fs.fi = fi;
    fs.node = fn;
    fs.fn = fn;
    fs.is_generator = fn->is_generator;
    fs.is_async = fn->is_async;
    fs.is_derived_ctor = fn->function_kind == FunctionKind::DerivedConstructor;
    fs.in_field_init = fn->function_kind == FunctionKind::ClassFieldInitializer ||
                       fn->function_kind == FunctionKind::ClassStaticBlock ||
                       (fn->is_arrow && parent && parent->in_field_init);
    fs.em.set_position(fn->line(), fn->column());
    emit_prologue(fs);
    if (fn->expression_body) {
        // A field initializer is a NamedEvaluation with the field's name (ClassFieldDefinitionEvaluation).
        if (fn->function_kind == FunctionKind::ClassFieldInitializer && name != atoms::empty_string)
            emit_expression_named(fs, fn->body_expression, name);
        else
            emit_expression(fs, fn->body_expression);
        if (fs.is_async && fs.is_generator) emit_await(fs);
        fs.em.op(Op::return_);
    } else {
        DisposeRegion region = begin_dispose_region(fs, fn->scope);
        emit_statements(fs, fn->body);
        end_dispose_region(fs, region);
        if (fs.em.reachable()) {
            if (fs.is_derived_ctor) {
                fs.em.op(Op::push_undefined);
                emit_return(fs, true);
            } else {
                fs.em.op(Op::return_undef);
            }
        }
        if (fs.has_ctor_epilogue) {
            // 10.2.2 [[Construct]] steps 10-12: an object result wins; undefined gives `this`.
            Emitter& em = fs.em;
            em.bind(fs.ctor_epilogue);
            em.op(Op::check_ctor_return);
            Label done = em.new_label();
            em.jump(Op::if_false, done);
            em.op(Op::drop);
            emit_this(fs);
            em.bind(done);
            em.op(Op::return_);
        }
    }
    uint32_t flags = 0;
    if (fn->is_arrow) flags |= fbflag::Arrow;
    if (fn->is_generator) flags |= fbflag::Generator;
    if (fn->is_async) flags |= fbflag::Async;
    switch (fn->function_kind) {
    case FunctionKind::Normal:
        if (!fn->is_arrow && !fn->is_async && !fn->is_generator)
            flags |= fbflag::HasPrototype | fbflag::IsConstructor;
        if (fn->is_generator) flags |= fbflag::HasPrototype;
        break;
    case FunctionKind::Method:
        flags |= fbflag::Method;
        if (fn->is_generator) flags |= fbflag::HasPrototype;
        break;
    case FunctionKind::Getter: flags |= fbflag::Method | fbflag::Getter; break;
    case FunctionKind::Setter: flags |= fbflag::Method | fbflag::Setter; break;
    case FunctionKind::ClassConstructor: flags |= fbflag::ClassConstructor | fbflag::IsConstructor; break;
    case FunctionKind::DerivedConstructor: flags |= fbflag::DerivedConstructor | fbflag::IsConstructor; break;
    case FunctionKind::ClassFieldInitializer:
    case FunctionKind::ClassStaticBlock: flags |= fbflag::Method | fbflag::ClassFieldInit; break;
    }
    if (fn->uses_super_property) flags |= fbflag::NeedsHomeObject;
    // Direct eval in an arrow nested in a field initializer: `arguments` is still an early error.
    if (fn->is_arrow && fs.in_field_init) flags |= fbflag::ClassFieldInit;
    uint32_t start = fn->start, end = fn->end;
    return finish_function(fs, name, flags, start, end);
}

FunctionBytecode* CodeGenerator::compile_program(Program* program) {
    if (program->program_kind == ProgramKind::Module) return compile_module_program(program);
    FunctionInfo* fi = m_sa.function_of(program);
    if (!fi) {
        fail_oom();
        return nullptr;
    }
    FunctionState fs;
    fs.fi = fi;
    fs.node = program;
    Emitter& em = fs.em;
    fs.scope = fi->var_scope;
    emit_prologue(fs);
    if (fi->is_global_code) {
        emit_global_declarations(fs, program);
    } else if (fi->eval_var_target) {
        if (!emit_eval_declarations(fs, program)) return nullptr;
    } else {
        emit_function_declarations(fs, program->scope, fi->var_scope);
    }
    fs.completion_reg = new_temp(fs);
    em.op(Op::push_undefined);
    em.put_loc(fs.completion_reg);
    emit_statements(fs, program->body);
    if (em.reachable()) {
        em.get_loc(fs.completion_reg);
        em.op(Op::return_);
    }
    uint32_t flags = program->program_kind == ProgramKind::Eval ? fbflag::IsEval : fbflag::IsScript;
    return finish_function(fs, atoms::empty_string, flags, program->start, program->end);
}

FunctionBytecode* CodeGenerator::finish_function(FunctionState& fs, Atom name, uint32_t flags,
                                                 uint32_t src_start, uint32_t src_end) {
    if (m_failed) return nullptr;
    Emitter& em = fs.em;
    if (!em.finish()) {
        m_failed = true;
        m_ctx.throw_error(ErrorType::InternalError, "compiler: unbound label");
        return nullptr;
    }
    if (em.m_depth_mismatch) g_codegen_depth_mismatches++;
    FunctionInfo* fi = fs.fi;
    FunctionTables t;
    t.code = std::move(em.m_code);
    t.constants = std::move(em.m_constants);
    t.lines = std::move(em.m_lines);
    t.handlers = std::move(em.m_handlers);
    t.ic_count = em.ic_count();
    for (const ClosureVar& cv : fi->closure_vars) {
        ClosureVarDesc d;
        d.name = binding_atom(cv.var);
        Variable* v = cv.var;
        if (v->scope->kind == ScopeKind::Caller && cv.from_parent_local) {
            // Only the eval/module function itself takes the caller's bindings; functions nested
            // in it take them from their parent's closure variables.
            d.index = static_cast<uint16_t>(v->index);
            if (!v->caller_closure) d.flags |= closurevar::FromParentLocal;
        } else if (cv.from_parent_local) {
            d.index = static_cast<uint16_t>(register_of(v));
            d.flags |= closurevar::FromParentLocal;
        } else {
            d.index = static_cast<uint16_t>(cv.index);
        }
        if (binding_is_const(v->kind)) d.flags |= closurevar::Const;
        if (v->needs_tdz) d.flags |= closurevar::Lexical;
        if (v->kind == BindingKind::FunctionSelf) d.flags |= closurevar::FunctionName;
        t.closure_vars.push_back(d);
    }
    // Register descriptions: parameters first, then locals.
    t.locals.resize(fi->argument_count + fi->locals.size());
    if (fi->param_scope) {
        for (Variable* v : fi->param_scope->vars) {
            if (!v->is_argument) continue;
            LocalDesc& d = t.locals[v->index];
            d.name = atom_of(v->name);
            d.flags = localflag::Param | (v->captured ? localflag::Captured : 0);
        }
    }
    for (uint32_t i = 0; i < fi->locals.size(); i++) {
        Variable* v = fi->locals[i];
        LocalDesc& d = t.locals[fi->argument_count + i];
        if (v->name.length) d.name = binding_atom(v);
        if (v->captured) d.flags |= localflag::Captured;
        if (binding_is_const(v->kind)) d.flags |= localflag::Const;
        if (v->needs_tdz) d.flags |= localflag::Lexical;
        if (v->kind == BindingKind::FunctionSelf) d.flags |= localflag::FunctionName;
        if (fi->separate_param_scope && v->scope == fi->param_scope) d.flags |= localflag::ParamScope;
        uint32_t si = scope_index(fs, v->scope);
        d.scope = si == UINT32_MAX ? -1 : static_cast<int32_t>(si);
    }
    for (uint32_t k = 0; k < fs.scope_list.size(); k++) { // scope_index may append
        ScopeInfo* s = fs.scope_list[k];
        ScopeDesc d;
        ScopeInfo* p = s->parent;
        uint32_t pi = UINT32_MAX;
        while (p && p->function == fi) {
            pi = scope_index(fs, p);
            if (pi != UINT32_MAX) break;
            p = p->parent;
        }
        d.parent = pi == UINT32_MAX ? -1 : static_cast<int32_t>(pi);
        t.scopes.push_back(d);
    }
    FunctionBytecode* fb = FunctionBytecode::create(m_ctx.rt(), t);
    if (!fb) {
        fail_oom();
        return nullptr;
    }
    fb->m_param_count = static_cast<uint16_t>(fi->argument_count);
    fb->m_length = fs.fn ? static_cast<uint16_t>(fs.fn->expected_argument_count) : 0;
    fb->m_local_count = static_cast<uint16_t>(fi->locals.size());
    fb->m_stack_size = static_cast<uint16_t>(em.max_depth() + 2);
    if (fi->is_strict) flags |= fbflag::Strict;
    if (fi->arguments_var) flags |= fbflag::UsesArguments;
    if (!fs.fn || fs.fn->has_simple_parameter_list) flags |= fbflag::SimpleParams;
    if (fi->has_direct_eval) flags |= fbflag::HasDirectEval;
    if (name == atoms::invalid) name = atoms::empty_string;
    fb->m_flags = flags;
    fb->m_name = name;
    fb->m_filename = m_filename;
    if (m_source) {
        m_source->ref();
        fb->m_source = m_source;
    }
    fb->m_source_start = src_start;
    fb->m_source_end = src_end;
    fb->m_line = fs.node->line();
    fb->m_column = fs.node->column();
    if (m_failed) {
        fb->unref();
        return nullptr;
    }
    return fb;
}

} // namespace qjs
