// ScopeAnalysis.cpp: builds the scope tree and resolves every identifier reference once, so that
// captured bindings are known before any code is generated.
#include "scope/ScopeAnalysis.h"

#include <cstring>

namespace qjs {

bool ast_names_equal(const AstString& a, const AstString& b) {
    if (a.data == b.data && a.length == b.length) return true;
    return a.equals(b);
}

// ---- NodeMap ----

template <typename V> bool NodeMap<V>::put(Arena& arena, const void* key, V value) {
    if ((m_count + 1) * 2 > m_capacity) {
        uint32_t cap = m_capacity ? m_capacity * 2 : 64;
        Entry* entries = arena.make_array<Entry>(cap);
        if (!entries) return false;
        for (uint32_t i = 0; i < cap; i++)
            entries[i].key = nullptr;
        for (uint32_t i = 0; i < m_capacity; i++) {
            if (!m_entries[i].key) continue;
            uint32_t h = (reinterpret_cast<uintptr_t>(m_entries[i].key) >> 3) & (cap - 1);
            while (entries[h].key)
                h = (h + 1) & (cap - 1);
            entries[h] = m_entries[i];
        }
        m_entries = entries;
        m_capacity = cap;
    }
    uint32_t h = (reinterpret_cast<uintptr_t>(key) >> 3) & (m_capacity - 1);
    while (m_entries[h].key && m_entries[h].key != key)
        h = (h + 1) & (m_capacity - 1);
    if (!m_entries[h].key) m_count++;
    m_entries[h].key = key;
    m_entries[h].value = value;
    return true;
}

template <typename V> V NodeMap<V>::get(const void* key) const {
    if (!m_capacity) return V{};
    uint32_t h = (reinterpret_cast<uintptr_t>(key) >> 3) & (m_capacity - 1);
    while (m_entries[h].key) {
        if (m_entries[h].key == key) return m_entries[h].value;
        h = (h + 1) & (m_capacity - 1);
    }
    return V{};
}

template class NodeMap<FunctionInfo*>;
template class NodeMap<ScopeInfo*>;
template class NodeMap<Variable*>;

// ---- synthetic names ----

static const char16_t k_this[] = u"this";
static const char16_t k_new_target[] = u"new.target";
static const char16_t k_home_object[] = u"<home>";
static const char16_t k_active_function[] = u"<func>";
static const char16_t k_arguments[] = u"arguments";
static const char16_t k_brand[] = u"<brand>";
static const char16_t k_static_brand[] = u"<static brand>";
static const char16_t k_eval_vars[] = u"<evalvars>";
static const char16_t k_with[] = u"<with>";

AstString ScopeAnalysis::name_this() {
    return {k_this, 4};
}
AstString ScopeAnalysis::name_new_target() {
    return {k_new_target, 10};
}
AstString ScopeAnalysis::name_home_object() {
    return {k_home_object, 6};
}
AstString ScopeAnalysis::name_active_function() {
    return {k_active_function, 6};
}
AstString ScopeAnalysis::name_arguments() {
    return {k_arguments, 9};
}
AstString ScopeAnalysis::name_brand() {
    return {k_brand, 7};
}
AstString ScopeAnalysis::name_static_brand() {
    return {k_static_brand, 14};
}
AstString ScopeAnalysis::name_eval_vars() {
    return {k_eval_vars, 10};
}
AstString ScopeAnalysis::name_with() {
    return {k_with, 6};
}

// ---- ScopeInfo / FunctionInfo ----

Variable* ScopeInfo::find(const AstString& name, bool private_name) const {
    // Last declaration wins (duplicate sloppy parameters).
    for (uint32_t i = vars.size(); i-- > 0;) {
        Variable* v = vars[i];
        if ((v->kind == BindingKind::PrivateName) != private_name) continue;
        if (ast_names_equal(v->name, name)) return v;
    }
    return nullptr;
}

Variable* FunctionInfo::new_local(Arena& arena, const AstString& name, BindingKind kind, ScopeInfo* scope) {
    Variable* v = arena.make<Variable>();
    if (!v) return nullptr;
    v->name = name;
    v->kind = kind;
    v->scope = scope;
    v->index = locals.size();
    if (!locals.push_back(arena, v)) return nullptr;
    if (scope && !scope->vars.push_back(arena, v)) return nullptr;
    return v;
}

uint32_t FunctionInfo::closure_index(Arena& arena, Variable* var) {
    for (uint32_t i = 0; i < closure_vars.size(); i++)
        if (closure_vars[i].var == var) return i;
    ClosureVar cv;
    cv.name = var->name;
    cv.var = var;
    if (var->scope->function == parent) {
        cv.from_parent_local = true;
        cv.index = var->index;
        var->captured = true;
        // A captured parameter moves to a local cell; its slot index is fixed up by the analysis
        // (see ScopeWalker::finish_function), so record the variable and read the index later.
    } else {
        cv.from_parent_local = false;
        cv.index = parent->closure_index(arena, var);
    }
    closure_vars.push_back(arena, cv);
    return closure_vars.size() - 1;
}

// ---- resolution ----

Resolution ScopeAnalysis::resolve_variable(FunctionInfo* fi, Variable* var) {
    Resolution r;
    r.var = var;
    if (var->scope->function == fi) {
        if (var->is_argument) {
            r.kind = ResolutionKind::Argument;
        } else {
            r.kind = ResolutionKind::Local;
        }
        r.index = var->index;
    } else {
        r.kind = ResolutionKind::Closure;
        var->captured = true;
        r.index = fi->closure_index(m_arena, var);
    }
    return r;
}

Resolution ScopeAnalysis::resolve(FunctionInfo* fi, ScopeInfo* scope, const AstString& name,
                                  bool private_name) {
    Resolution r;
    for (ScopeInfo* s = scope; s; s = s->parent) {
        if (s->kind == ScopeKind::With && !private_name) {
            if (r.with_count < 8) r.withs[r.with_count++] = s;
            if (s->with_object) resolve_variable(fi, s->with_object); // captured by inner functions
            continue;
        }
        if (Variable* v = s->find(name, private_name)) {
            // Bindings reached through `with` are accessed by reference (make_loc_ref): boxed.
            if (r.with_count) v->captured = true;
            Resolution found = resolve_variable(fi, v);
            found.with_count = r.with_count;
            for (uint32_t i = 0; i < r.with_count; i++)
                found.withs[i] = r.withs[i];
            found.through_eval_scope = r.through_eval_scope;
            return found;
        }
        if (s->eval_var_scope) r.through_eval_scope = true;
    }
    r.kind = ResolutionKind::Global;
    return r;
}

// ---- the walker ----

struct ScopeWalker {
    ScopeAnalysis& sa;
    Arena& arena;
    const ScopeAnalysisOptions& options;

    ScopeWalker(ScopeAnalysis& s, const ScopeAnalysisOptions& o) : sa(s), arena(s.m_arena), options(o) {}

    bool oom() const { return sa.m_oom; }
    void set_oom() { sa.m_oom = true; }

    ScopeInfo* new_scope(ScopeKind kind, ScopeInfo* parent, FunctionInfo* fi, Node* node) {
        ScopeInfo* s = arena.make<ScopeInfo>();
        if (!s) {
            set_oom();
            return nullptr;
        }
        s->kind = kind;
        s->parent = parent;
        s->function = fi;
        s->node = node;
        if (node && kind != ScopeKind::FunctionName && kind != ScopeKind::Function &&
            kind != ScopeKind::Parameter)
            if (!sa.m_scopes.put(arena, node, s)) set_oom();
        return s;
    }

    Variable* declare(FunctionInfo* fi, ScopeInfo* scope, const AstString& name, BindingKind kind,
                      Node* decl) {
        Variable* v = fi->new_local(arena, name, kind, scope);
        if (!v) {
            set_oom();
            return nullptr;
        }
        v->declaration = decl;
        v->needs_tdz = binding_is_lexical(kind);
        return v;
    }

    static BindingKind kind_of(DeclarationKind k) {
        switch (k) {
        case DeclarationKind::Var: return BindingKind::Var;
        case DeclarationKind::Let: return BindingKind::Let;
        case DeclarationKind::Const: return BindingKind::Const;
        case DeclarationKind::Class: return BindingKind::Class;
        case DeclarationKind::Function: return BindingKind::LexicalFunction;
        case DeclarationKind::CatchParameter: return BindingKind::CatchParameter;
        case DeclarationKind::Import: return BindingKind::Const;
        case DeclarationKind::Using:
        case DeclarationKind::AwaitUsing: return BindingKind::Const;
        }
        return BindingKind::Var;
    }

    // Declares a Scope's lexical declarations in `s`.
    void declare_lexicals(FunctionInfo* fi, ScopeInfo* s, Scope* scope) {
        if (!scope) return;
        for (const Declaration& d : scope->lexical_declarations) {
            if (s->find(d.name, false)) continue;
            declare(fi, s, d.name, kind_of(d.kind), d.node);
        }
    }

    void reference(FunctionInfo* fi, ScopeInfo* scope, const AstString& name, bool private_name = false) {
        sa.resolve(fi, scope, name, private_name);
    }

    // Marks every binding visible from `scope` as captured (direct eval can reach them by name).
    void capture_all(FunctionInfo* fi, ScopeInfo* scope) {
        for (ScopeInfo* s = scope; s; s = s->parent) {
            for (Variable* v : s->vars) {
                if (v->kind == BindingKind::PrivateName) {
                    sa.resolve_variable(fi, v);
                    if (v->private_setter) sa.resolve_variable(fi, v->private_setter);
                    continue;
                }
                v->captured = true;
                if (v->scope->function != fi) sa.resolve_variable(fi, v);
            }
            if (s->kind == ScopeKind::With && s->with_object) {
                s->with_object->captured = true;
                if (s->with_object->scope->function != fi) sa.resolve_variable(fi, s->with_object);
            }
        }
    }

    // ---- functions ----

    FunctionInfo* new_function(CodeUnit* node, FunctionInfo* parent, ScopeInfo* outer) {
        FunctionInfo* fi = arena.make<FunctionInfo>();
        if (!fi) {
            set_oom();
            return nullptr;
        }
        fi->node = node;
        fi->parent = parent;
        fi->outer = outer;
        fi->is_strict = node->is_strict;
        fi->has_direct_eval = node->has_direct_eval;
        if (!sa.m_functions.put(arena, node, fi)) set_oom();
        return fi;
    }

    void walk_program(Program* program) {
        FunctionInfo* fi = new_function(program, nullptr, nullptr);
        if (!fi) return;
        sa.m_top = fi;
        fi->is_program = true;
        ScopeInfo* outer = nullptr;
        if (options.is_direct_eval || options.is_module) {
            // A pseudo-function holding the caller's bindings as this function's closure variables.
            // The list (innermost first) is cut into Caller scopes at each `with` object or eval var
            // object binding, which become With scopes consulted at run time in between.
            FunctionInfo* caller = arena.make<FunctionInfo>();
            if (!caller) return set_oom();
            ScopeInfo* innermost = nullptr;
            ScopeInfo* prev = nullptr;
            auto link = [&](ScopeInfo* sc) {
                if (prev)
                    prev->parent = sc;
                else
                    innermost = sc;
                prev = sc;
            };
            uint32_t group_start = 0;
            ScopeInfo* cs = new_scope(ScopeKind::Caller, nullptr, caller, nullptr);
            if (!cs) return;
            link(cs);
            // find() searches from the end: push each group in reverse so the first entry wins.
            auto flush = [&](uint32_t end) {
                for (uint32_t i = end; i-- > group_start;) {
                    const EvalCallerBinding& b = options.caller_bindings[i];
                    Variable* v = arena.make<Variable>();
                    if (!v) return set_oom();
                    v->name = b.name;
                    v->kind = b.kind;
                    v->scope = cs;
                    v->captured = true;
                    v->index = b.index;
                    v->caller_closure = b.from_caller_closure;
                    v->caller_block_level = b.block_level;
                    v->caller_param_level = b.param_level;
                    v->needs_tdz = binding_is_lexical(b.kind);
                    v->private_kind = b.private_kind;
                    v->private_static = b.private_static;
                    v->is_private_setter = b.private_setter;
                    cs->vars.push_back(arena, v);
                }
                // Private accessors: link each getter binding to its setter (named "#x").
                for (Variable* setter : cs->vars) {
                    if (!setter->is_private_setter) continue;
                    AstString plain{setter->name.data + 1, setter->name.length - 1};
                    for (Variable* p : cs->vars)
                        if (p->kind == BindingKind::PrivateName && !p->private_setter &&
                            ast_names_equal(p->name, plain))
                            p->private_setter = setter;
                }
            };
            for (uint32_t i = 0; i < options.caller_binding_count; i++) {
                const EvalCallerBinding& b = options.caller_bindings[i];
                bool is_vars = ast_names_equal(b.name, ScopeAnalysis::name_eval_vars());
                if (!is_vars && !ast_names_equal(b.name, ScopeAnalysis::name_with())) continue;
                flush(i + 1);
                if (oom()) return;
                Variable* obj = cs->vars[0]; // the marker itself (pushed first)
                ScopeInfo* ws = new_scope(ScopeKind::With, nullptr, caller, nullptr);
                if (!ws) return;
                ws->with_object = obj;
                ws->is_var_object = is_vars;
                if (is_vars && !fi->eval_var_target && !program->is_strict) fi->eval_var_target = obj;
                link(ws);
                cs = new_scope(ScopeKind::Caller, nullptr, caller, nullptr);
                if (!cs) return;
                link(cs);
                group_start = i + 1;
            }
            flush(options.caller_binding_count);
            if (oom()) return;
            fi->parent = caller;
            fi->outer = innermost;
            outer = innermost;
        }
        bool global_vars = !program->is_strict && (program->program_kind == ProgramKind::Script ||
                                                   (program->program_kind == ProgramKind::Eval &&
                                                    (!options.is_direct_eval || options.caller_is_global)));
        if (program->program_kind == ProgramKind::Script) global_vars = true;
        fi->is_global_code = global_vars;
        ScopeInfo* s = new_scope(ScopeKind::Function, outer, fi, program);
        if (!s) return;
        fi->param_scope = fi->var_scope = fi->lexical_scope = s;
        if (program->program_kind == ProgramKind::Eval && options.is_direct_eval) {
            // `this` and friends come from the caller (found by name in the caller scope).
        } else {
            fi->this_var = declare(fi, s, ScopeAnalysis::name_this(), BindingKind::Special, nullptr);
        }
        if (options.is_module) {
            // The module's declarations are the pseudo-caller's bindings (the module environment).
        } else if (!global_vars && !fi->eval_var_target) {
            for (const AstString& n : program->scope->var_names)
                if (!s->find(n, false)) declare(fi, s, n, BindingKind::Var, nullptr);
            for (FunctionNode* f : program->scope->function_declarations)
                if (!s->find(f->id->name, false)) declare(fi, s, f->id->name, BindingKind::Var, f);
        }
        if (program->program_kind != ProgramKind::Script && !options.is_module)
            declare_lexicals(fi, s, program->scope);
        if (program->has_direct_eval) fi->has_direct_eval = true;
        // Capturing first gives the closure variables the scope chain's order (nested direct evals
        // rely on it to find which binding shadows which).
        if (fi->has_direct_eval) capture_all(fi, s);
        for (Node* n : program->body)
            walk_statement(fi, s, n);
        finish_function(fi);
    }

    bool function_has_home_object(FunctionNode* fn) {
        switch (fn->function_kind) {
        case FunctionKind::Normal: return false;
        default: return true;
        }
    }

    void walk_function(FunctionNode* fn, FunctionInfo* parent, ScopeInfo* outer) {
        FunctionInfo* fi = new_function(fn, parent, outer);
        if (!fi) return;
        fi->is_arrow = fn->is_arrow;
        ScopeInfo* scope_parent = outer;
        if (fn->has_self_binding && fn->id) {
            ScopeInfo* ns = new_scope(ScopeKind::FunctionName, outer, fi, fn);
            if (!ns) return;
            sa.m_name_scopes.put(arena, fn, ns);
            declare(fi, ns, fn->id->name, BindingKind::FunctionSelf, fn);
            scope_parent = ns;
        }
        // Sloppy direct eval declares its `var`s in the function's variable environment: they live
        // on a var object consulted after the function's own bindings (outside the parameters).
        ScopeInfo* evs = nullptr;
        if (fn->has_direct_eval && !fn->is_strict) {
            evs = new_scope(ScopeKind::With, scope_parent, fi, nullptr);
            if (!evs) return;
            evs->is_var_object = true;
            scope_parent = evs;
        }
        ScopeInfo* ps = new_scope(ScopeKind::Function, scope_parent, fi, fn);
        if (!ps) return;
        fi->param_scope = ps;
        bool simple = fn->has_simple_parameter_list;
        // Parameters. Simple lists use the argument slots directly.
        if (simple) {
            for (uint32_t i = 0; i < fn->params.size(); i++) {
                Identifier* id = as<Identifier>(fn->params[i]);
                Variable* v = ps->find(id->name, false);
                if (!v) {
                    v = arena.make<Variable>();
                    if (!v) return set_oom();
                    v->name = id->name;
                    v->kind = BindingKind::Parameter;
                    v->scope = ps;
                    v->declaration = id;
                    ps->vars.push_back(arena, v);
                }
                v->is_argument = true;
                v->index = i; // a duplicate: the last one wins
            }
        } else {
            for (const AstString& n : fn->parameter_names) {
                if (ps->find(n, false)) continue;
                if (Variable* v = declare(fi, ps, n, BindingKind::Parameter, nullptr)) v->needs_tdz = true;
            }
        }
        fi->argument_count = fn->params.size();
        if (!fn->is_arrow) {
            bool eval = fn->has_direct_eval;
            if (fn->uses_this || eval || fn->uses_super_property || fn->uses_super_call ||
                fn->function_kind == FunctionKind::DerivedConstructor ||
                fn->function_kind == FunctionKind::ClassConstructor) {
                fi->this_var = declare(fi, ps, ScopeAnalysis::name_this(), BindingKind::Special, nullptr);
                if (fn->function_kind == FunctionKind::DerivedConstructor) fi->this_var->needs_tdz = true;
            }
            if (fn->uses_new_target || eval || fn->function_kind == FunctionKind::DerivedConstructor)
                fi->new_target_var =
                    declare(fi, ps, ScopeAnalysis::name_new_target(), BindingKind::Special, nullptr);
            if (function_has_home_object(fn) && (fn->uses_super_property || eval))
                fi->home_object_var =
                    declare(fi, ps, ScopeAnalysis::name_home_object(), BindingKind::Special, nullptr);
            if (fn->function_kind == FunctionKind::DerivedConstructor ||
                fn->function_kind == FunctionKind::ClassConstructor)
                fi->active_function_var =
                    declare(fi, ps, ScopeAnalysis::name_active_function(), BindingKind::Special, nullptr);
            bool field_init = fn->function_kind == FunctionKind::ClassFieldInitializer ||
                              fn->function_kind == FunctionKind::ClassStaticBlock;
            // With parameter expressions the arguments object lives in the parameter scope even when
            // the body declares `arguments` (FunctionDeclarationInstantiation step 18).
            bool shadowed = fn->arguments_shadowed;
            if (!simple) {
                shadowed = false;
                for (const AstString& n : fn->parameter_names)
                    if (n.equals_ascii("arguments")) shadowed = true;
            }
            if ((fn->uses_arguments || eval) && !shadowed && !field_init)
                fi->arguments_var =
                    declare(fi, ps, ScopeAnalysis::name_arguments(), BindingKind::Arguments, nullptr);
        }
        // Body var scope.
        ScopeInfo* vs = ps;
        if (!simple) {
            fi->separate_param_scope = true;
            vs = new_scope(ScopeKind::Function, ps, fi, nullptr);
            if (!vs) return;
        }
        fi->var_scope = vs;
        for (const AstString& n : fn->scope->var_names) {
            if (vs->find(n, false)) continue;
            if (simple && ps->find(n, false)) continue; // same binding as the parameter
            if (n.equals_ascii("arguments") && fi->arguments_var && simple) continue;
            declare(fi, vs, n, BindingKind::Var, nullptr);
        }
        for (FunctionNode* f : fn->scope->function_declarations) {
            Variable* v = vs->find(f->id->name, false);
            if (v && v->scope == vs) continue;
            if (simple && v) continue;
            declare(fi, vs, f->id->name, BindingKind::Var, f);
        }
        fi->lexical_scope = vs;
        declare_lexicals(fi, vs, fn->scope);
        if (fi->has_direct_eval && !fi->is_strict) vs->eval_var_scope = true;
        if (evs) {
            fi->eval_var_object =
                declare(fi, vs, ScopeAnalysis::name_eval_vars(), BindingKind::Special, nullptr);
            if (!fi->eval_var_object) return;
            evs->with_object = fi->eval_var_object;
        }
        if (fi->has_direct_eval) capture_all(fi, vs);

        // Parameter initializers are evaluated in the parameter scope.
        for (Node* p : fn->params)
            walk_pattern(fi, ps, p);
        if (fn->expression_body) {
            walk_expression(fi, vs, fn->body_expression);
        } else {
            for (Node* n : fn->body)
                walk_statement(fi, vs, n);
        }
        finish_function(fi);
    }

    // Captured parameters stay in their registers; the prologue boxes them (box_loc).
    void finish_function(FunctionInfo*) {}

    // ---- classes ----

    // A synthetic method that runs the instance (or static) field initializers and static blocks.
    FunctionInfo* new_init_function(FunctionInfo* fi, ScopeInfo* cs, ClassNode* cls, bool is_static) {
        FunctionNode* fn = arena.make<FunctionNode>(NodeKind::FunctionExpression);
        Scope* sc = arena.make<Scope>();
        if (!fn || !sc) {
            set_oom();
            return nullptr;
        }
        fn->function_kind = FunctionKind::Method;
        fn->is_strict = true;
        fn->scope = sc;
        fn->set_position(cls->line(), cls->column());
        fn->start = cls->start;
        fn->end = cls->end;
        FunctionInfo* init = new_function(fn, fi, cs);
        if (!init) return nullptr;
        ScopeInfo* s = new_scope(ScopeKind::Function, cs, init, nullptr);
        if (!s) return nullptr;
        init->param_scope = init->var_scope = init->lexical_scope = s;
        init->this_var = declare(init, s, ScopeAnalysis::name_this(), BindingKind::Special, nullptr);
        init->home_object_var =
            declare(init, s, ScopeAnalysis::name_home_object(), BindingKind::Special, nullptr);
        if (is_static)
            sa.m_static_inits.put(arena, cls, init);
        else
            sa.m_instance_inits.put(arena, cls, init);
        return init;
    }

    void walk_class(FunctionInfo* fi, ScopeInfo* scope, ClassNode* cls) {
        ScopeInfo* cs = new_scope(ScopeKind::Class, scope, fi, cls);
        if (!cs) return;
        if (cls->id) declare(fi, cs, cls->id->name, BindingKind::ClassInner, cls);
        bool brand[2] = {false, false};
        for (const PrivateNameDeclaration& p : cls->private_names) {
            Variable* v = declare(fi, cs, p.name, BindingKind::PrivateName, nullptr);
            if (!v) return;
            v->needs_tdz = false;
            v->private_kind = static_cast<uint8_t>(p.kind);
            v->private_static = p.is_static;
            if (p.kind != PrivateNameKind::Field) {
                brand[p.is_static ? 1 : 0] = true;
                if (p.kind == PrivateNameKind::Setter || p.kind == PrivateNameKind::Accessor) {
                    v->private_setter = declare(fi, nullptr, p.name, BindingKind::Special, nullptr);
                    if (!v->private_setter) return;
                    v->private_setter->is_private_setter = true;
                    v->private_setter->scope = cs;
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            if (!brand[i]) continue;
            Variable* b =
                declare(fi, cs, i ? ScopeAnalysis::name_static_brand() : ScopeAnalysis::name_brand(),
                        BindingKind::PrivateName, nullptr);
            if (!b) return;
            b->needs_tdz = false;
            b->private_static = i == 1;
        }
        if (cls->super_class) walk_expression(fi, cs, cls->super_class);
        bool has_init[2] = {brand[0], brand[1]};
        for (ClassElement* e : cls->body) {
            if (e->computed && e->key) walk_expression(fi, cs, e->key);
            if (e->element_kind == ClassElementKind::Field ||
                e->element_kind == ClassElementKind::StaticBlock) {
                has_init[e->is_static ? 1 : 0] = true;
                if (e->computed) {
                    static const char16_t k_key[] = u"<key>";
                    Variable* kv = declare(fi, cs, AstString{k_key, 5}, BindingKind::Special, nullptr);
                    if (!kv) return;
                    sa.m_field_keys.put(arena, e, kv);
                }
            } else if (e->value) {
                walk_function(e->value, fi, cs);
            }
        }
        for (int i = 0; i < 2; i++) {
            if (!has_init[i]) continue;
            FunctionInfo* init = new_init_function(fi, cs, cls, i == 1);
            if (!init) return;
            ScopeInfo* is = init->var_scope;
            if (brand[i])
                reference(init, is, i ? ScopeAnalysis::name_static_brand() : ScopeAnalysis::name_brand(),
                          true);
            for (ClassElement* e : cls->body) {
                if (e->is_static != (i == 1)) continue;
                if (e->element_kind != ClassElementKind::Field &&
                    e->element_kind != ClassElementKind::StaticBlock)
                    continue;
                if (Variable* kv = sa.m_field_keys.get(e)) sa.resolve_variable(init, kv);
                if (e->key && e->key->is(NodeKind::PrivateIdentifier))
                    reference(init, is, as<PrivateIdentifier>(e->key)->name, true);
                if (e->value) walk_function(e->value, init, is);
            }
            if (init->has_direct_eval) capture_all(init, is);
        }
    }

    // A private name reference also needs the class brand and, for accessors, the setter.
    void reference_private(FunctionInfo* fi, ScopeInfo* scope, const AstString& name) {
        Resolution r = sa.resolve(fi, scope, name, true);
        if (!r.var || r.var->private_kind == static_cast<uint8_t>(PrivateNameKind::Field)) return;
        sa.resolve(fi, scope,
                   r.var->private_static ? ScopeAnalysis::name_static_brand() : ScopeAnalysis::name_brand(),
                   true);
        if (r.var->private_setter) sa.resolve_variable(fi, r.var->private_setter);
    }

    // ---- statements ----

    void walk_statements(FunctionInfo* fi, ScopeInfo* scope, const AstVector<Node*>& list) {
        for (Node* n : list)
            walk_statement(fi, scope, n);
    }

    ScopeInfo* enter_block(FunctionInfo* fi, ScopeInfo* scope, Node* node, Scope* decls) {
        if (!decls || decls->lexical_declarations.empty()) return scope;
        ScopeInfo* s = new_scope(ScopeKind::Block, scope, fi, node);
        if (!s) return scope;
        declare_lexicals(fi, s, decls);
        return s;
    }

    void walk_statement(FunctionInfo* fi, ScopeInfo* scope, Node* n) {
        if (!n || oom()) return;
        switch (n->kind) {
        case NodeKind::VariableDeclaration: {
            auto* d = as<VariableDeclaration>(n);
            for (VariableDeclarator* decl : d->declarations) {
                walk_pattern(fi, scope, decl->id);
                if (decl->init) walk_expression(fi, scope, decl->init);
            }
            break;
        }
        case NodeKind::FunctionDeclaration: {
            auto* f = as<FunctionNode>(n);
            walk_function(f, fi, scope);
            if (!f->id) break; // `export default function () {}` (bound as *default*)
            reference(fi, scope, f->id->name);
            if (f->annex_b_hoisted) reference(fi, fi->var_scope, f->id->name);
            break;
        }
        case NodeKind::ClassDeclaration: {
            auto* c = as<ClassNode>(n);
            walk_class(fi, scope, c);
            if (c->id) reference(fi, scope, c->id->name);
            break;
        }
        case NodeKind::ExpressionStatement:
            walk_expression(fi, scope, as<ExpressionStatement>(n)->expression);
            break;
        case NodeKind::BlockStatement: {
            auto* b = as<BlockStatement>(n);
            ScopeInfo* s = enter_block(fi, scope, b, b->scope);
            walk_statements(fi, s, b->body);
            break;
        }
        case NodeKind::IfStatement: {
            auto* s = as<IfStatement>(n);
            walk_expression(fi, scope, s->test);
            walk_statement(fi, scope, s->consequent);
            walk_statement(fi, scope, s->alternate);
            break;
        }
        case NodeKind::ForStatement: {
            auto* s = as<ForStatement>(n);
            ScopeInfo* hs = enter_block(fi, scope, s, s->scope);
            if (s->init) {
                if (s->init->is(NodeKind::VariableDeclaration))
                    walk_statement(fi, hs, s->init);
                else
                    walk_expression(fi, hs, s->init);
            }
            walk_expression(fi, hs, s->test);
            walk_expression(fi, hs, s->update);
            walk_statement(fi, hs, s->body);
            break;
        }
        case NodeKind::ForInStatement:
        case NodeKind::ForOfStatement: {
            Node* left;
            Node* right;
            Node* body;
            Scope* sc;
            if (n->is(NodeKind::ForInStatement)) {
                auto* s = as<ForInStatement>(n);
                left = s->left, right = s->right, body = s->body, sc = s->scope;
            } else {
                auto* s = as<ForOfStatement>(n);
                left = s->left, right = s->right, body = s->body, sc = s->scope;
            }
            ScopeInfo* hs = enter_block(fi, scope, n, sc);
            walk_expression(fi, hs, right);
            if (left->is(NodeKind::VariableDeclaration))
                walk_statement(fi, hs, left);
            else
                walk_pattern(fi, hs, left);
            walk_statement(fi, hs, body);
            break;
        }
        case NodeKind::WhileStatement: {
            auto* s = as<WhileStatement>(n);
            walk_expression(fi, scope, s->test);
            walk_statement(fi, scope, s->body);
            break;
        }
        case NodeKind::DoWhileStatement: {
            auto* s = as<DoWhileStatement>(n);
            walk_statement(fi, scope, s->body);
            walk_expression(fi, scope, s->test);
            break;
        }
        case NodeKind::ReturnStatement: walk_expression(fi, scope, as<ReturnStatement>(n)->argument); break;
        case NodeKind::ThrowStatement: walk_expression(fi, scope, as<ThrowStatement>(n)->argument); break;
        case NodeKind::TryStatement: {
            auto* s = as<TryStatement>(n);
            walk_statement(fi, scope, s->block);
            if (s->handler) {
                CatchClause* c = s->handler;
                ScopeInfo* cs = scope;
                if (c->scope) {
                    cs = new_scope(ScopeKind::Block, scope, fi, c);
                    if (!cs) return;
                    declare_lexicals(fi, cs, c->scope);
                }
                if (c->param) walk_pattern(fi, cs, c->param);
                walk_statement(fi, cs, c->body);
            }
            walk_statement(fi, scope, s->finalizer);
            break;
        }
        case NodeKind::SwitchStatement: {
            auto* s = as<SwitchStatement>(n);
            walk_expression(fi, scope, s->discriminant);
            ScopeInfo* ss = enter_block(fi, scope, s, s->scope);
            for (SwitchCase* c : s->cases) {
                walk_expression(fi, ss, c->test);
                walk_statements(fi, ss, c->consequent);
            }
            break;
        }
        case NodeKind::LabeledStatement: walk_statement(fi, scope, as<LabeledStatement>(n)->body); break;
        case NodeKind::WithStatement: {
            auto* s = as<WithStatement>(n);
            walk_expression(fi, scope, s->object);
            ScopeInfo* ws = new_scope(ScopeKind::With, scope, fi, s);
            if (!ws) return;
            ws->with_object = fi->new_local(arena, ScopeAnalysis::name_with(), BindingKind::Special, nullptr);
            if (!ws->with_object) return set_oom();
            ws->with_object->scope = scope;
            fi->has_dynamic_scope = true;
            walk_statement(fi, ws, s->body);
            break;
        }
        case NodeKind::ExportNamedDeclaration:
            walk_statement(fi, scope, as<ExportNamedDeclaration>(n)->declaration);
            break;
        case NodeKind::ExportDefaultDeclaration: {
            Node* d = as<ExportDefaultDeclaration>(n)->declaration;
            if (d->is(NodeKind::FunctionDeclaration) || d->is(NodeKind::ClassDeclaration))
                walk_statement(fi, scope, d);
            else
                walk_expression(fi, scope, d);
            break;
        }
        default: break; // Empty, Debugger, Break, Continue, Import, ExportAll
        }
    }

    // ---- patterns (binding or assignment targets) ----

    void walk_pattern(FunctionInfo* fi, ScopeInfo* scope, Node* n) {
        if (!n || oom()) return;
        switch (n->kind) {
        case NodeKind::Identifier: reference(fi, scope, as<Identifier>(n)->name); break;
        case NodeKind::ObjectPattern:
            for (Node* p : as<ObjectPattern>(n)->properties) {
                if (p->is(NodeKind::RestElement)) {
                    walk_pattern(fi, scope, as<RestElement>(p)->argument);
                } else {
                    auto* prop = as<Property>(p);
                    if (prop->computed) walk_expression(fi, scope, prop->key);
                    walk_pattern(fi, scope, prop->value);
                }
            }
            break;
        case NodeKind::ArrayPattern:
            for (Node* e : as<ArrayPattern>(n)->elements)
                walk_pattern(fi, scope, e);
            break;
        case NodeKind::AssignmentPattern:
            walk_pattern(fi, scope, as<AssignmentPattern>(n)->left);
            walk_expression(fi, scope, as<AssignmentPattern>(n)->right);
            break;
        case NodeKind::RestElement: walk_pattern(fi, scope, as<RestElement>(n)->argument); break;
        default: walk_expression(fi, scope, n); break; // member expressions
        }
    }

    // ---- expressions ----

    void walk_expressions(FunctionInfo* fi, ScopeInfo* scope, const AstVector<Node*>& list) {
        for (Node* n : list)
            walk_expression(fi, scope, n);
    }

    void reference_this(FunctionInfo* fi, ScopeInfo* scope) {
        reference(fi, scope, ScopeAnalysis::name_this());
    }

    void walk_expression(FunctionInfo* fi, ScopeInfo* scope, Node* n) {
        if (!n || oom()) return;
        switch (n->kind) {
        case NodeKind::Identifier: reference(fi, scope, as<Identifier>(n)->name); break;
        case NodeKind::FunctionExpression:
        case NodeKind::ArrowFunctionExpression: walk_function(as<FunctionNode>(n), fi, scope); break;
        case NodeKind::ClassExpression: walk_class(fi, scope, as<ClassNode>(n)); break;
        case NodeKind::TemplateLiteral:
            walk_expressions(fi, scope, as<TemplateLiteral>(n)->expressions);
            break;
        case NodeKind::TaggedTemplateExpression: {
            auto* t = as<TaggedTemplateExpression>(n);
            walk_expression(fi, scope, t->tag);
            walk_expressions(fi, scope, t->quasi->expressions);
            break;
        }
        case NodeKind::ArrayExpression:
            for (Node* e : as<ArrayExpression>(n)->elements)
                walk_expression(fi, scope, e);
            break;
        case NodeKind::ObjectExpression:
            for (Node* p : as<ObjectExpression>(n)->properties) {
                if (p->is(NodeKind::SpreadElement)) {
                    walk_expression(fi, scope, as<SpreadElement>(p)->argument);
                    continue;
                }
                auto* prop = as<Property>(p);
                if (prop->computed) walk_expression(fi, scope, prop->key);
                walk_expression(fi, scope, prop->value);
            }
            break;
        case NodeKind::ThisExpression: reference_this(fi, scope); break;
        case NodeKind::MetaProperty:
            if (as<MetaProperty>(n)->meta_kind == MetaPropertyKind::NewTarget)
                reference(fi, scope, ScopeAnalysis::name_new_target());
            break;
        case NodeKind::UnaryExpression: walk_expression(fi, scope, as<UnaryExpression>(n)->argument); break;
        case NodeKind::UpdateExpression: walk_expression(fi, scope, as<UpdateExpression>(n)->argument); break;
        case NodeKind::BinaryExpression:
            walk_expression(fi, scope, as<BinaryExpression>(n)->left);
            walk_expression(fi, scope, as<BinaryExpression>(n)->right);
            break;
        case NodeKind::PrivateInExpression:
            reference_private(fi, scope, as<PrivateInExpression>(n)->name->name);
            walk_expression(fi, scope, as<PrivateInExpression>(n)->right);
            break;
        case NodeKind::LogicalExpression:
            walk_expression(fi, scope, as<LogicalExpression>(n)->left);
            walk_expression(fi, scope, as<LogicalExpression>(n)->right);
            break;
        case NodeKind::AssignmentExpression:
            walk_pattern(fi, scope, as<AssignmentExpression>(n)->left);
            walk_expression(fi, scope, as<AssignmentExpression>(n)->right);
            break;
        case NodeKind::ConditionalExpression: {
            auto* c = as<ConditionalExpression>(n);
            walk_expression(fi, scope, c->test);
            walk_expression(fi, scope, c->consequent);
            walk_expression(fi, scope, c->alternate);
            break;
        }
        case NodeKind::SequenceExpression:
            walk_expressions(fi, scope, as<SequenceExpression>(n)->expressions);
            break;
        case NodeKind::YieldExpression: walk_expression(fi, scope, as<YieldExpression>(n)->argument); break;
        case NodeKind::AwaitExpression: walk_expression(fi, scope, as<AwaitExpression>(n)->argument); break;
        case NodeKind::CallExpression: {
            auto* c = as<CallExpression>(n);
            if (c->callee->is(NodeKind::Super)) {
                reference_this(fi, scope);
                reference(fi, scope, ScopeAnalysis::name_new_target());
                reference(fi, scope, ScopeAnalysis::name_active_function());
            } else {
                walk_expression(fi, scope, c->callee);
            }
            walk_expressions(fi, scope, c->arguments);
            if (c->is_direct_eval_candidate) capture_all(fi, scope);
            break;
        }
        case NodeKind::NewExpression:
            walk_expression(fi, scope, as<NewExpression>(n)->callee);
            walk_expressions(fi, scope, as<NewExpression>(n)->arguments);
            break;
        case NodeKind::MemberExpression: {
            auto* m = as<MemberExpression>(n);
            if (m->object->is(NodeKind::Super)) {
                reference_this(fi, scope);
                reference(fi, scope, ScopeAnalysis::name_home_object());
            } else {
                walk_expression(fi, scope, m->object);
            }
            if (m->computed)
                walk_expression(fi, scope, m->property);
            else if (m->property->is(NodeKind::PrivateIdentifier))
                reference_private(fi, scope, as<PrivateIdentifier>(m->property)->name);
            break;
        }
        case NodeKind::ChainExpression: walk_expression(fi, scope, as<ChainExpression>(n)->expression); break;
        case NodeKind::ImportCall:
            walk_expression(fi, scope, as<ImportCall>(n)->source);
            walk_expression(fi, scope, as<ImportCall>(n)->options);
            break;
        case NodeKind::SpreadElement: walk_expression(fi, scope, as<SpreadElement>(n)->argument); break;
        case NodeKind::ObjectPattern:
        case NodeKind::ArrayPattern:
        case NodeKind::AssignmentPattern:
        case NodeKind::RestElement: walk_pattern(fi, scope, n); break;
        default: break; // literals, Super alone
        }
    }
};

bool ScopeAnalysis::run(Program* program, const ScopeAnalysisOptions& options) {
    ScopeWalker w(*this, options);
    w.walk_program(program);
    return !m_oom;
}

} // namespace qjs
