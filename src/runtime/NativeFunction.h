// NativeFunction.h: functions implemented in C++.
//
// Heap objects never hold C++ function pointers (a snapshot must be loadable by another process):
// a native function object stores a stable id into the process-wide registry, which maps ids to
// function pointers and names. Builtins describe their methods in FunctionListEntry tables.
#pragma once

#include "runtime/Object.h"

#include <span>

namespace qjs {

struct CallArgs {
    const Value& this_value;
    std::span<const Value> args;
    const Value& new_target; // undefined for [[Call]]
    Object* callee;          // the function object being called
    int magic;               // per-entry constant, lets one C++ function serve several builtins

    size_t count() const { return args.size(); }
    const Value& arg(size_t i) const { return i < args.size() ? args[i] : undefined_value(); }
    bool is_construct() const { return !new_target.is_undefined(); }
    static const Value& undefined_value();
};

using NativeFn = Value (*)(Context&, const CallArgs&);

// Registers `fn` (idempotent) and returns its stable id. Names are for snapshots and debugging.
uint32_t register_native(NativeFn fn, const char* name);
NativeFn native_by_id(uint32_t id);
const char* native_name(uint32_t id);
uint32_t native_count();

class NativeFunctionObject : public Object {
  public:
    uint32_t m_native_id = 0;
    int16_t m_magic = 0;
    uint16_t m_data_count = 0;
    Context* m_realm = nullptr;
    // m_data_count values follow the object (function-specific data, e.g. a promise's resolvers).
    Value* data() { return reinterpret_cast<Value*>(this + 1); }
};

class BoundFunctionObject : public Object {
  public:
    Value m_target;             // [[BoundTargetFunction]]
    Value m_bound_this;         // [[BoundThis]]
    Vector<Value> m_bound_args; // [[BoundArguments]]
};

// Creates a native function object. `name` becomes the "name" property (may be atoms::invalid to
// define none) and `length` the "length" property, both per CreateBuiltinFunction.
Value new_native_function(Context&, NativeFn, Atom name, uint32_t length, int16_t magic = 0,
                          uint32_t data_count = 0, bool is_constructor = false, Object* proto = nullptr);
Value new_native_function(Context&, NativeFn, const char* name, uint32_t length, int16_t magic = 0);

// Creates a builtin constructor, links it with `prototype` (ctor.prototype / proto.constructor) and
// defines it on the global object under `name`.
Object* define_builtin_constructor(Context&, NativeFn, const char* name, uint32_t length, Object* prototype,
                                   Object* ctor_proto = nullptr);

struct FunctionListEntry {
    enum class Kind : uint8_t { Method, Accessor, Int, Double, String, Undefined };
    const char* name; // "name", or "[Symbol.iterator]" style for well-known symbols
    Kind kind;
    uint8_t flags; // property attributes
    uint8_t length;
    int16_t magic;
    NativeFn fn;     // method or getter
    NativeFn setter; // accessor setter
    double number;
    const char* string;
};

#define QJS_FUNC(name, length, fn)                                                                           \
    {                                                                                                        \
        name, ::qjs::FunctionListEntry::Kind::Method, ::qjs::prop::Writable | ::qjs::prop::Configurable,     \
            length, 0, fn, nullptr, 0, nullptr                                                               \
    }
#define QJS_FUNC_MAGIC(name, length, fn, magic)                                                              \
    {                                                                                                        \
        name, ::qjs::FunctionListEntry::Kind::Method, ::qjs::prop::Writable | ::qjs::prop::Configurable,     \
            length, magic, fn, nullptr, 0, nullptr                                                           \
    }
#define QJS_GETTER(name, fn)                                                                                 \
    {                                                                                                        \
        name, ::qjs::FunctionListEntry::Kind::Accessor, ::qjs::prop::Configurable, 0, 0, fn, nullptr, 0,     \
            nullptr                                                                                          \
    }
#define QJS_ACCESSOR(name, getter, setter)                                                                   \
    {                                                                                                        \
        name, ::qjs::FunctionListEntry::Kind::Accessor, ::qjs::prop::Configurable, 0, 0, getter, setter, 0,  \
            nullptr                                                                                          \
    }
#define QJS_PROP_INT(name, value, flags)                                                                     \
    { name, ::qjs::FunctionListEntry::Kind::Int, flags, 0, 0, nullptr, nullptr, double(value), nullptr }
#define QJS_PROP_DOUBLE(name, value, flags)                                                                  \
    { name, ::qjs::FunctionListEntry::Kind::Double, flags, 0, 0, nullptr, nullptr, value, nullptr }
#define QJS_PROP_STRING(name, value, flags)                                                                  \
    { name, ::qjs::FunctionListEntry::Kind::String, flags, 0, 0, nullptr, nullptr, 0, value }
#define QJS_PROP_UNDEFINED(name, flags)                                                                      \
    { name, ::qjs::FunctionListEntry::Kind::Undefined, flags, 0, 0, nullptr, nullptr, 0, nullptr }

// Installs a table on `target`. Returns false on OOM (exception pending).
bool define_function_list(Context&, Object* target, std::span<const FunctionListEntry>);
// The atom for a FunctionListEntry name ("[Symbol.x]" -> the well-known symbol).
Atom function_list_atom(Context&, const char* name);

} // namespace qjs
