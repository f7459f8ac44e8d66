// SlowPaths.h: the out-of-line parts of the interpreter's instructions (generic cases behind the
// inline fast paths), grouped by file: Operators.cpp, PropertyAccess.cpp, Globals.cpp,
// DynamicScope.cpp, Literals.cpp, Classes.cpp, Calls.cpp, Iteration.cpp, Arguments.cpp.
// Every function returning Value/Result may throw (Exception).
#pragma once

#include "bytecode/FunctionBytecode.h"
#include "runtime/Context.h"
#include "runtime/Object.h"
#include "runtime/Value.h"
#include "vm/Frames.h"

#include <span>

namespace qjs {

// The holder of a Proto cache entry more than one level up, or null when an intermediate
// prototype no longer has its cached shape. `p` is the receiver's prototype.
inline Object* ic_chain_holder(const InlineCache& ic, Object* p) {
    for (uint32_t i = 0; i + 1 < ic.depth; ++i) {
        if (!p || p->m_shape != ic.chain[i]) return nullptr;
        p = ic.chain[i]->m_proto;
    }
    return p;
}

// [[Get]] on a chain of ordinary objects without getters, which has no side effects: index keys
// are looked up only in the fast elements and in shapes that hold index keys. Returns false
// (nothing done) on an exotic object, an array's length or an accessor.
inline bool get_plain_property(Object* o, Atom key, Value* out) {
    bool index = atom_is_index(key);
    for (Object* cur = o; cur; cur = cur->prototype()) {
        if (cur->is_exotic()) return false;
        if (index) {
            if (cur->is_fast_array() && atom_index_value(key) < cur->m_element_count) {
                *out = cur->m_elements[atom_index_value(key)];
                return true;
            }
            if (!cur->shape()->has_index_keys()) continue;
        } else if (key == atoms::length && cur->is_array()) {
            return false;
        }
        int32_t slot = find_own_slot(cur, key);
        if (slot < 0) continue;
        if (cur->shape()->entry(static_cast<uint32_t>(slot)).flags & prop::Accessor) return false;
        *out = cur->m_slots[slot];
        return true;
    }
    *out = Value();
    return true;
}

// Whether the prototypes of an object with an Add entry's starting shape still have the shapes the
// entry recorded (depth - 1 of them, the last one's prototype null): then no prototype gained a
// setter or a read-only property of that name, and the add needs no lookup on the chain.
inline bool ic_add_protos_unchanged(const InlineCache& ic) {
    Object* p = ic.shape->m_proto;
    for (uint32_t i = 0; i + 1 < ic.depth; ++i) {
        if (!p || p->m_shape != ic.chain[i]) return false;
        p = ic.chain[i]->m_proto;
    }
    return p == nullptr;
}

// ---- Operators.cpp ----
// add..xor (the arithmetic/bitwise binary operators) when the fast paths do not apply.
Value binary_op_slow(Context&, Op, const Value& a, const Value& b);
// a + b for two strings (the Add opcode's fast path: no ToPrimitive/ToString calls).
Value concat_strings(Context&, const Value& a, const Value& b);
// lt/lte/gt/gte -> a boolean value.
Value compare_op_slow(Context&, Op, const Value& a, const Value& b);
// neg, plus, to_numeric, inc, dec, bit_not.
Value unary_op_slow(Context&, Op, const Value& v);
Value op_in(Context&, const Value& key, const Value& obj);
Value op_instanceof(Context&, const Value& v, const Value& target);

// ---- PropertyAccess.cpp ----
Value get_field_slow(Context&, const Value& base, Atom, InlineCache*);
Result<void> put_field_slow(Context&, const Value& base, Atom, const Value& v, bool strict, InlineCache*);
// True unless every object on o's prototype chain is ordinary and lacks `atom`.
bool protos_may_intercept(Object* o, Atom atom);
Value get_array_el_slow(Context&, const Value& base, const Value& key);
Result<void> put_array_el_slow(Context&, const Value& base, const Value& key, const Value& v, bool strict);
Value get_length_slow(Context&, const Value& base);
Value delete_op(Context&, const Value& base, const Value& key, bool strict);
Value to_property_key_value(Context&, const Value& key); // a string/symbol value
Value get_super_value(Context&, const Value& this_value, const Value& base, const Value& key);
Result<void> put_super_value(Context&, const Value& this_value, const Value& base, const Value& key,
                             const Value& v, bool strict);
Value get_super_base(Context&, const Value& home);
Value get_super_constructor(Context&, const Value& func);
// TypeError "cannot read property 'x' of undefined" style (returns Exception).
Exception throw_nullish_base(Context&, const Value& base, const Value& key);

// ---- Globals.cpp ----
Value get_global_var(Context&, Atom, bool typeof_safe, InlineCache*);
Result<void> put_global_var(Context&, Atom, const Value& v, bool strict, InlineCache*);
Result<void> put_global_var_init(Context&, Atom, const Value& v);
Value delete_global_var(Context&, Atom);
Result<void> check_define_global(Context&, Atom, uint8_t flags);
Result<void> define_global(Context&, Atom, uint8_t flags);
Result<void> define_global_function(Context&, Atom, const Value& f, uint8_t flags);

// ---- DynamicScope.cpp (with objects, references) ----
// Does `obj` hold a binding for `atom` (HasProperty, minus @@unscopables when is_with)?
Result<bool> dynamic_scope_has(Context&, const Value& obj, Atom, bool is_with);
// GetBindingValue / SetMutableBinding of an object environment found by dynamic_scope_has.
Value dynamic_scope_get(Context&, const Value& obj, Atom, bool is_with, bool strict);
Result<void> dynamic_scope_set(Context&, const Value& obj, Atom, const Value& v, bool is_with, bool strict);
Value make_global_reference(Context&, Atom, Value* key_out);
Value get_reference_value(Context&, const Value& ref, const Value& key, bool strict);
Result<void> put_reference_value(Context&, const Value& ref, const Value& key, const Value& v, bool strict);

// ---- Literals.cpp (object/array literals, templates, special objects) ----
Result<void> define_method_op(Context&, Object* target, const Value& key, const Value& func, uint8_t flags);
Result<void> copy_data_properties(Context&, const Value& target, const Value& source, const Value& excluded);
Result<void> append_iterable(Context&, Object* array, int32_t* pos, const Value& iterable);
Value get_template_object(Context&, Value& constant);
Value create_regexp(Context&, const Value& pattern, const Value& flags);
Value make_special_object(Context&, Frame&, uint8_t kind);
Value make_rest_array(Context&, Frame&, uint32_t first);

// ---- Arguments.cpp ----
Value create_unmapped_arguments(Context&, std::span<const Value> args);
Value create_mapped_arguments(Context&, Frame&);

// ---- Classes.cpp ----
// heritage -> (ctor, proto)
Result<void> define_class(Context&, Frame&, FunctionBytecode* ctor_fb, uint8_t flags, const Value& heritage,
                          Value* ctor_out, Value* proto_out);
Result<void> init_instance_fields(Context&, const Value& obj, const Value& ctor);
Value new_private_symbol(Context&, Atom description);
Value get_private_field(Context&, const Value& obj, const Value& sym);
Result<void> put_private_field(Context&, const Value& obj, const Value& sym, const Value& v);
Result<void> define_private_field(Context&, const Value& obj, const Value& sym, const Value& v);
Result<void> add_brand(Context&, const Value& obj, const Value& brand);
Result<void> check_brand(Context&, const Value& obj, const Value& brand);
Value private_in(Context&, const Value& sym, const Value& obj);

// ---- Calls.cpp ----
// Call/construct for the interpreter (bytecode callees take the direct path). The caller of
// call_from_interpreter polls for an interrupt first (a bytecode callee does not poll again).
Value call_from_interpreter(Context&, const Value& func, const Value& this_value,
                            std::span<const Value> args);
Value construct_from_interpreter(Context&, const Value& func, std::span<const Value> args,
                                 const Value& new_target);
// The elements of an argument array built by array_from/append.
Result<Vector<Value>> spread_arguments(Context&, const Value& array);
Value direct_eval(Context&, Frame&, const Value& func, std::span<const Value> args, uint16_t scope);
Exception throw_error_op(Context&, Frame&, Atom, uint8_t kind);
// Throws an error whose message is `fmt` with %s replaced by the atom's text.
Exception throw_atom_error(Context&, ErrorType, const char* fmt, Atom);
Exception throw_interrupted(Context&);
Exception throw_tdz_error(Context&, Atom name);
Atom register_name(const FunctionBytecode*, uint32_t reg);

// ---- Iteration.cpp ----
Value for_in_start(Context&, const Value& obj);
// enum -> key (undefined when done)
Result<bool> for_in_next(Context&, const Value& enumerator, Value* key_out);
// GetIterator; sets *next_out.
Value get_iterator(Context&, const Value& iterable, bool async, Value* next_out);
// IteratorStep + IteratorValue: returns done.
Result<bool> iterator_step_value(Context&, const Value& iter, const Value& next, Value* value_out);
// iterator_call: result/ok.
Value iterator_call_method(Context&, const Value& iter, const Value& next, uint8_t method, const Value& arg,
                           bool* ok);
Result<bool> iterator_get_value_done(Context&, const Value& result, Value* value_out);
Result<void> iterator_close(Context&, const Value& iter);
void iterator_close_silent(Context&, const Value& iter);
Value iterator_to_array(Context&, const Value& iter, const Value& next);

// ---- Disposal.cpp (`using` / `await using`) ----
Value dispose_stack_new(Context&);
Result<void> dispose_add(Context&, const Value& stack, const Value& v, uint8_t hint);
// DisposeResources with a normal completion (async: a promise or undefined, see Opcodes.def).
Value dispose_resources_normal(Context&, const Value& stack, uint8_t async);
// DisposeResources with a throw completion of `error`.
Value dispose_resources_throw(Context&, const Value& stack, const Value& error, uint8_t async);

} // namespace qjs
