// Globals.cpp: the global environment (9.1.1.4): script-level lexical bindings live in
// ctx.m_global_lexicals (a prototype-less object; uninitialized slot = TDZ, non-writable = const),
// var and function bindings on the global object.
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Object.h"
#include "vm/SlowPaths.h"

namespace qjs {

static Exception throw_not_defined(Context& ctx, Atom atom) {
    return throw_atom_error(ctx, ErrorType::ReferenceError, "%s is not defined", atom);
}

static Exception throw_const_assign(Context& ctx, Atom atom) {
    return throw_atom_error(ctx, ErrorType::TypeError, "assignment to constant variable '%s'", atom);
}

// 9.1.1.4.6 GetBindingValue (#sec-global-environment-records-getbindingvalue-n-s)
Value get_global_var(Context& ctx, Atom atom, bool typeof_safe, InlineCache* ic) {
    Object* lex = ctx.m_global_lexicals;
    int32_t slot = find_own_slot(lex, atom);
    if (slot >= 0) {
        const Value& v = lex->m_slots[slot];
        if (v.is_uninitialized()) return throw_tdz_error(ctx, atom);
        // The cache hits while the lexicals keep this shape and the binding is initialised.
        if (ic) ic_fill(*ic, InlineCache::Lexical, lex->m_shape, nullptr, static_cast<uint32_t>(slot));
        return v;
    }
    Object* g = ctx.m_global_object;
    if (!g->is_exotic()) {
        slot = find_own_slot(g, atom);
        if (slot >= 0 && !(g->m_shape->entry(static_cast<uint32_t>(slot)).flags & prop::Accessor)) {
            if (ic) ic_fill(*ic, InlineCache::Global, g->m_shape, lex->m_shape, static_cast<uint32_t>(slot));
            return g->m_slots[slot];
        }
    }
    // Object environment: HasProperty, then Get.
    bool has = TRY(has_property(ctx, g, atom));
    if (!has) {
        if (typeof_safe) return Value::undefined();
        return throw_not_defined(ctx, atom);
    }
    return get(ctx, g, atom, Value::object(g));
}

// 9.1.1.4.5 SetMutableBinding (#sec-global-environment-records-setmutablebinding-n-v-s), and PutValue's
// unresolvable-reference case (6.2.5.6 step 3).
Result<void> put_global_var(Context& ctx, Atom atom, const Value& v, bool strict, InlineCache* ic) {
    Object* lex = ctx.m_global_lexicals;
    int32_t slot = find_own_slot(lex, atom);
    if (slot >= 0) {
        if (lex->m_slots[slot].is_uninitialized()) return throw_tdz_error(ctx, atom);
        if (!(lex->m_shape->entry(static_cast<uint32_t>(slot)).flags & prop::Writable))
            return throw_const_assign(ctx, atom);
        // A cached store needs the same shape (so still writable) and an initialised binding.
        if (ic) ic_fill(*ic, InlineCache::Lexical, lex->m_shape, nullptr, static_cast<uint32_t>(slot));
        lex->m_slots[slot] = v;
        return {};
    }
    Object* g = ctx.m_global_object;
    if (!g->is_exotic()) {
        slot = find_own_slot(g, atom);
        if (slot >= 0) {
            uint8_t flags = g->m_shape->entry(static_cast<uint32_t>(slot)).flags;
            if ((flags & (prop::Accessor | prop::Writable)) == prop::Writable) {
                if (ic)
                    ic_fill(*ic, InlineCache::Global, g->m_shape, lex->m_shape, static_cast<uint32_t>(slot));
                g->m_slots[slot] = v;
                return {};
            }
        }
    }
    Value receiver = Value::object(g);
    if (strict) {
        bool has = TRY(has_property(ctx, g, atom));
        if (!has) return throw_not_defined(ctx, atom);
    }
    bool ok = TRY(set(ctx, g, atom, v, receiver));
    if (!ok && strict)
        return throw_atom_error(ctx, ErrorType::TypeError, "cannot assign to read only property '%s'", atom);
    return {};
}

// InitializeBinding of a global lexical.
Result<void> put_global_var_init(Context& ctx, Atom atom, const Value& v) {
    Object* lex = ctx.m_global_lexicals;
    int32_t slot = find_own_slot(lex, atom);
    if (slot >= 0) {
        lex->m_slots[slot] = v;
        return {};
    }
    if (!add_own_property(ctx, lex, atom, v, prop::Writable | prop::Enumerable))
        return ctx.throw_out_of_memory();
    return {};
}

// 9.1.1.4.7 DeleteBinding (#sec-global-environment-records-deletebinding-n)
Value delete_global_var(Context& ctx, Atom atom) {
    if (find_own_slot(ctx.m_global_lexicals, atom) >= 0) return Value::boolean(false);
    Object* g = ctx.m_global_object;
    bool has = TRY(has_own_property(ctx, g, atom));
    if (!has) return Value::boolean(true);
    bool ok = TRY(delete_property(ctx, g, atom));
    return Value::boolean(ok);
}

// 16.1.7 GlobalDeclarationInstantiation (#sec-globaldeclarationinstantiation), steps 3-9 checks.
Result<void> check_define_global(Context& ctx, Atom atom, uint8_t flags) {
    Object* g = ctx.m_global_object;
    bool lexical_exists = find_own_slot(ctx.m_global_lexicals, atom) >= 0;
    if (flags & defvar::Lexical) {
        // 5.a-c. HasVarDeclaration / HasLexicalDeclaration / HasRestrictedGlobalProperty.
        if (lexical_exists)
            return throw_atom_error(ctx, ErrorType::SyntaxError, "redeclaration of '%s'", atom);
        PropertyDescriptor desc;
        bool found = TRY(get_own_property(ctx, g, atom, &desc));
        if (found && !desc.configurable())
            return throw_atom_error(ctx, ErrorType::SyntaxError, "redeclaration of '%s'", atom);
        return {};
    }
    // 6.a. If HasLexicalDeclaration(name), throw a SyntaxError.
    if (lexical_exists) return throw_atom_error(ctx, ErrorType::SyntaxError, "redeclaration of '%s'", atom);
    PropertyDescriptor desc;
    bool found = TRY(get_own_property(ctx, g, atom, &desc));
    if (flags & defvar::Function) {
        // 9.1.1.4.16 CanDeclareGlobalFunction
        bool ok;
        if (!found)
            ok = TRY(is_extensible(ctx, g));
        else
            ok = desc.configurable() || (desc.is_data() && desc.writable() && desc.enumerable());
        if (!ok)
            return throw_atom_error(ctx, ErrorType::TypeError, "cannot declare global function '%s'", atom);
        return {};
    }
    // 9.1.1.4.15 CanDeclareGlobalVar
    if (!found) {
        bool ext = TRY(is_extensible(ctx, g));
        if (!ext)
            return throw_atom_error(ctx, ErrorType::TypeError, "cannot declare global variable '%s'", atom);
    }
    return {};
}

Result<void> define_global(Context& ctx, Atom atom, uint8_t flags) {
    if (flags & defvar::Lexical) {
        Object* lex = ctx.m_global_lexicals;
        if (find_own_slot(lex, atom) >= 0) return {};
        uint8_t pflags = prop::Enumerable | ((flags & defvar::Const) ? 0 : prop::Writable);
        if (!add_own_property(ctx, lex, atom, Value::uninitialized(), pflags))
            return ctx.throw_out_of_memory();
        return {};
    }
    // 9.1.1.4.17 CreateGlobalVarBinding(N, D)
    Object* g = ctx.m_global_object;
    bool has = TRY(has_own_property(ctx, g, atom));
    if (has) return {};
    bool ext = TRY(is_extensible(ctx, g));
    if (!ext) return {};
    uint8_t pflags =
        prop::Writable | prop::Enumerable | ((flags & defvar::Deletable) ? prop::Configurable : 0);
    return define_property_or_throw(ctx, g, atom, PropertyDescriptor::data(Value::undefined(), pflags));
}

// 9.1.1.4.18 CreateGlobalFunctionBinding(N, V, D)
Result<void> define_global_function(Context& ctx, Atom atom, const Value& f, uint8_t flags) {
    Object* g = ctx.m_global_object;
    PropertyDescriptor existing;
    bool found = TRY(get_own_property(ctx, g, atom, &existing));
    PropertyDescriptor desc;
    if (!found || existing.configurable()) {
        uint8_t pflags =
            prop::Writable | prop::Enumerable | ((flags & defvar::Deletable) ? prop::Configurable : 0);
        desc = PropertyDescriptor::data(f, pflags);
    } else {
        desc.value = f;
        desc.has_value = true;
    }
    TRY(define_property_or_throw(ctx, g, atom, desc));
    bool ok = TRY(set(ctx, g, atom, f, Value::object(g)));
    if (!ok)
        return throw_atom_error(ctx, ErrorType::TypeError, "cannot assign to read only property '%s'", atom);
    return {};
}

} // namespace qjs
