// FunctionObject.h: closures: the function objects of ClassId::BytecodeFunction (ordinary, arrow,
// method, class constructor, generator and async functions compiled to bytecode).
#pragma once

#include "bytecode/FunctionBytecode.h"
#include "runtime/Object.h"
#include "runtime/VarRef.h"

namespace qjs {

struct Frame;

class FunctionObject : public Object {
  public:
    FunctionBytecode* m_bytecode = nullptr; // strong reference
    Context* m_realm = nullptr;             // [[Realm]]
    Value m_home_object;                    // [[HomeObject]] or undefined
    Value m_fields_init;                    // class constructors: [[Fields]] initializer closure
    uint32_t m_var_ref_count = 0;
    // m_var_ref_count strong VarRef pointers follow the object.
    VarRef** var_refs() { return reinterpret_cast<VarRef**>(this + 1); }
};

inline bool is_bytecode_function(const Value& v) {
    return v.is_object() && v.as_object()->class_id() == ClassId::BytecodeFunction;
}

// Creates a closure of `fb`, taking its closure variables from `parent` (the frame executing
// fclosure; may be null when fb has no closure variables). `proto` overrides the [[Prototype]]
// (class constructors with a heritage); null picks the default for the function kind.
// Defines "length", "name" and (per fb's flags) "prototype".
Value new_closure(Context&, FunctionBytecode* fb, Frame* parent, Object* proto = nullptr);

// SetFunctionName(F, name, prefix) on a closure or any function object: defines the own "name".
Result<void> set_function_name(Context&, Object* f, const Value& key, Atom prefix = atoms::invalid);

// Registers the BytecodeFunction class hooks (idempotent). Called by vm_init().
void register_function_object_class();

// One-time registration of everything the vm owns (class hooks, native functions).
void vm_init();

} // namespace qjs
