// DynamicScope.cpp: name lookups the compiler cannot resolve statically: `with` object
// environments (9.1.1.2) and direct-eval var objects, plus the reference values used for compound
// assignments through them.
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Object.h"
#include "runtime/VarRef.h"
#include "vm/SlowPaths.h"

namespace qjs {

// 9.1.1.2.1 HasBinding(N) of an object environment record (#sec-object-environment-records-hasbinding-n)
Result<bool> dynamic_scope_has(Context& ctx, const Value& obj, Atom atom, bool is_with) {
    if (!obj.is_object()) return false;
    Object* o = obj.as_object();
    // 1-3. If ? HasProperty(bindingObject, N) is false, return false.
    bool has = TRY(has_property(ctx, o, atom));
    if (!has) return false;
    // 4. If withEnvironment is false, return true.
    if (!is_with) return true;
    // 5-7. @@unscopables.
    Value unscopables = TRY(get(ctx, o, atoms::sym_unscopables, obj));
    if (unscopables.is_object()) {
        Value blocked = TRY(get(ctx, unscopables.as_object(), atom, unscopables));
        if (to_boolean(blocked)) return false;
    }
    return true;
}

// 9.1.1.2.6 GetBindingValue(N, S) (#sec-object-environment-records-getbindingvalue-n-s): the
// binding may have disappeared since HasBinding (e.g. deleted by an @@unscopables getter). Eval var
// objects are not observable, so only `with` objects are asked again.
Value dynamic_scope_get(Context& ctx, const Value& obj, Atom atom, bool is_with, bool strict) {
    Object* o = obj.as_object();
    if (is_with) {
        bool still = TRY(has_property(ctx, o, atom));
        if (!still) {
            if (strict) return throw_atom_error(ctx, ErrorType::ReferenceError, "%s is not defined", atom);
            return Value::undefined();
        }
    }
    return get(ctx, o, atom, obj);
}

// 9.1.1.2.5 SetMutableBinding(N, V, S) (#sec-object-environment-records-setmutablebinding-n-v-s)
Result<void> dynamic_scope_set(Context& ctx, const Value& obj, Atom atom, const Value& v, bool is_with,
                               bool strict) {
    Object* o = obj.as_object();
    if (is_with) {
        // 1-2. Let stillExists be ? HasProperty(bindingObject, N); strict code requires it.
        bool still = TRY(has_property(ctx, o, atom));
        if (!still && strict)
            return throw_atom_error(ctx, ErrorType::ReferenceError, "%s is not defined", atom);
    }
    TRY(set_with_mode(ctx, o, atom, v, strict));
    return {};
}

Value make_global_reference(Context& ctx, Atom atom, Value* key_out) {
    Value key = TRY(ctx.rt().atom_to_value(atom));
    *key_out = std::move(key);
    if (find_own_slot(ctx.m_global_lexicals, atom) >= 0) return Value::object(ctx.m_global_lexicals);
    return Value::object(ctx.m_global_object);
}

static bool is_global_env(Context& ctx, Object* o) {
    return o == ctx.m_global_object || o == ctx.m_global_lexicals;
}

Value get_reference_value(Context& ctx, const Value& ref, const Value& key, bool strict) {
    if (ref.is_internal_cell()) {
        auto* r = static_cast<VarRef*>(ref.as_cell());
        if (r->value.is_uninitialized()) return ctx.throw_reference_error("variable is not initialized");
        return r->value;
    }
    Atom atom = TRY(to_property_key(ctx, key));
    Object* o = ref.as_object();
    if (is_global_env(ctx, o)) return get_global_var(ctx, atom, false, nullptr);
    // 9.1.1.2.6 GetBindingValue: the binding may have disappeared since HasBinding.
    bool has = TRY(has_property(ctx, o, atom));
    if (!has) {
        if (strict) return throw_atom_error(ctx, ErrorType::ReferenceError, "%s is not defined", atom);
        return Value::undefined();
    }
    return get(ctx, o, atom, ref);
}

Result<void> put_reference_value(Context& ctx, const Value& ref, const Value& key, const Value& v,
                                 bool strict) {
    if (ref.is_internal_cell()) {
        auto* r = static_cast<VarRef*>(ref.as_cell());
        if (r->value.is_uninitialized()) return ctx.throw_reference_error("variable is not initialized");
        r->value = v;
        return {};
    }
    Atom atom = TRY(to_property_key(ctx, key));
    Object* o = ref.as_object();
    if (is_global_env(ctx, o)) return put_global_var(ctx, atom, v, strict, nullptr);
    // 9.1.1.2.5 SetMutableBinding: stillExists check (observable by proxies even in sloppy code).
    bool has = TRY(has_property(ctx, o, atom));
    if (!has && strict) return throw_atom_error(ctx, ErrorType::ReferenceError, "%s is not defined", atom);
    TRY(set_with_mode(ctx, o, atom, v, strict));
    return {};
}

} // namespace qjs
