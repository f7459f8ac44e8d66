// EarlyErrors.cpp: declaration bookkeeping and the declaration early errors: duplicate lexical
// declarations, lexical/var conflicts, catch parameter conflicts, parameter conflicts, and Annex B
// function-in-block hoisting (B.3.2), which depends on the absence of such conflicts.
#include "parser/ParserImpl.h"

namespace qjs {

void Parser::push_scope(ScopeState& s, ScopeKind kind, Scope* scope) {
    s.kind = kind;
    s.scope = scope;
    s.parent = m_scope;
    s.is_function_top = kind == ScopeKind::Function;
    m_scope = &s;
}

static Scope* ensure_scope(Parser& p, ScopeState* s) {
    if (!s->scope) s->scope = p.new_scope();
    return s->scope;
}

bool Parser::pop_scope(ScopeState& s) {
    m_scope = s.parent;
    // Annex B.3.2: decide which block-level functions also get a var binding. A candidate survives
    // a scope when `var F` there would not be an early error; the decision is taken when each scope
    // is complete, since a later `let F` also blocks hoisting.
    for (AnnexBCandidate& c : s.annex_b) {
        const char16_t* name = c.fn->id->name.data;
        uint8_t bits = s.names.get(name);
        if (s.is_function_top) {
            if (bits & (NameLexical | NameParameter)) continue;
            c.fn->annex_b_hoisted = true;
            if (!(bits & (NameVar | NameTopFunction))) {
                uint8_t* slot = s.names.slot(m_arena, name);
                if (!slot) return fail_oom(), false;
                *slot |= NameVar;
                if (!push(s.scope->var_names, c.fn->id->name)) return false;
            }
            continue;
        }
        if (c.from_child && (bits & (NameLexical | NameSloppyFunction | NameCatchPattern))) continue;
        if (!s.parent) continue;
        if (!push(s.parent->annex_b, AnnexBCandidate{c.fn, true})) return false;
    }
    return true;
}

bool Parser::declare_var(Identifier* id) {
    const char16_t* name = id->name.data;
    for (ScopeState* s = m_scope; s; s = s->parent) {
        uint8_t* slot = s->names.slot(m_arena, name);
        if (!slot) return fail_oom(), false;
        uint8_t bits = *slot;
        if (s->kind == ScopeKind::Catch) {
            if (bits & NameCatchPattern) return fail_at_node(id, "redeclaration of catch parameter"), false;
        } else if (bits & (NameLexical | NameSloppyFunction)) {
            return fail_at_node(id, "redeclaration of lexically declared name"), false;
        }
        *slot = bits | NameVar;
        if (s->is_function_top) {
            if (!(bits & NameVar)) {
                if (!push(s->scope->var_names, id->name)) return false;
            }
            return true;
        }
    }
    return true;
}

static bool catch_param_conflict(const ScopeState* s, const char16_t* name) {
    return s->kind == ScopeKind::CatchBody && s->parent && s->parent->kind == ScopeKind::Catch &&
           (s->parent->names.get(name) & (NameCatchSimple | NameCatchPattern));
}

bool Parser::declare_lexical(Identifier* id, DeclarationKind kind) {
    ScopeState* s = m_scope;
    const char16_t* name = id->name.data;
    uint8_t* slot = s->names.slot(m_arena, name);
    if (!slot) return fail_oom(), false;
    uint8_t bits = *slot;
    if ((bits & (NameLexical | NameVar | NameSloppyFunction | NameTopFunction)) ||
        (s->is_function_top && (bits & NameParameter)) || catch_param_conflict(s, name))
        return fail_at_node(id, "redeclaration of identifier"), false;
    *slot = bits | NameLexical;
    Scope* scope = ensure_scope(*this, s);
    if (!scope) return false;
    return push(scope->lexical_declarations, Declaration{id->name, kind, id});
}

bool Parser::declare_function(FunctionNode* fn) {
    ScopeState* s = m_scope;
    const char16_t* name = fn->id->name.data;
    uint8_t* slot = s->names.slot(m_arena, name);
    if (!slot) return fail_oom(), false;
    uint8_t bits = *slot;
    Scope* scope = ensure_scope(*this, s);
    if (!scope) return false;
    bool var_like = s->is_function_top && !(m_module && !m_fn->fn);
    if (var_like) {
        if (bits & NameLexical) return fail_at_node(fn->id, "redeclaration of identifier"), false;
        *slot = bits | NameTopFunction;
        return push(scope->function_declarations, fn);
    }
    bool sloppy_plain = !strict() && !fn->is_async && !fn->is_generator;
    bool conflict = (bits & (NameLexical | NameVar | NameTopFunction)) || catch_param_conflict(s, name) ||
                    ((bits & NameSloppyFunction) && !sloppy_plain) ||
                    (s->is_function_top && (bits & NameParameter));
    if (conflict) return fail_at_node(fn->id, "redeclaration of identifier"), false;
    *slot = bits | (sloppy_plain ? NameSloppyFunction : NameLexical);
    if (!push(scope->lexical_declarations, Declaration{fn->id->name, DeclarationKind::Function, fn}))
        return false;
    if (!push(scope->function_declarations, fn)) return false;
    if (sloppy_plain && m_options.annex_b && !s->is_function_top)
        return push(s->annex_b, AnnexBCandidate{fn, false});
    return true;
}

bool Parser::declare_parameter(Identifier* id) {
    uint8_t* slot = m_scope->names.slot(m_arena, id->name.data);
    if (!slot) return fail_oom(), false;
    bool duplicate = *slot & NameParameter;
    *slot |= NameParameter;
    if (!push(m_fn->fn->parameter_names, id->name)) return false;
    if (duplicate && !m_fn->duplicate_parameter) m_fn->duplicate_parameter = id;
    return true;
}

} // namespace qjs
