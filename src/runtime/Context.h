// Context.h: a realm. It owns the global object, the global lexical environment (script-level
// let/const/class) and the intrinsics, and it is where exceptions are thrown from (an exception is
// a runtime-wide pending value; ctx.throw_* create the right error object for this realm).
#pragma once

#include "runtime/Object.h"
#include "runtime/Runtime.h"
#include "runtime/Value.h"

#include <cstdarg>

namespace qjs {

enum class Intrinsic : uint16_t {
#define QJS_INTRINSIC(id) id,
#include "runtime/Intrinsics.def"
#undef QJS_INTRINSIC
    Count
};

enum class ErrorType : uint8_t {
    Error,
    EvalError,
    RangeError,
    ReferenceError,
    SyntaxError,
    TypeError,
    URIError,
    AggregateError,
    SuppressedError,
    InternalError,
};

class Context {
  public:
    // Installs all builtins. nullptr on OOM, with no exception pending (the caller reports it in its
    // own realm) and the half-built realm collected.
    static Context* create(Runtime&);
    // Drops the realm's roots (global object, intrinsics). The Context record itself lives until the
    // runtime is destroyed, because functions of this realm may still point at it.
    void release();

    Runtime& rt() const { return m_rt; }
    Object* global_object() const { return m_global_object; }
    Object* intrinsic(Intrinsic i) const { return m_intrinsics[static_cast<size_t>(i)]; }
    void set_intrinsic(Intrinsic i, Object* o); // takes a new reference

    // ---- throwing ----
    // Each returns Exception so that `return ctx.throw_type_error(...)` reads naturally.
    Exception throw_value(Value v);
    Exception throw_error(ErrorType, const char* fmt, ...) __attribute__((format(printf, 3, 4)));
    Exception throw_type_error(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
    Exception throw_range_error(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
    Exception throw_reference_error(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
    Exception throw_syntax_error(const char* fmt, ...) __attribute__((format(printf, 2, 3)));
    Exception throw_out_of_memory();
    Exception throw_stack_overflow();
    // Throws a TypeError naming an atom, e.g. "%s is not a function".
    Exception throw_type_error_atom(const char* fmt, Atom);
    // Builds (does not throw) an error object of the given type for this realm.
    Value make_error(ErrorType, Value message);

    // Checks the native stack; throws RangeError and returns true when too deep.
    bool check_stack_overflow() {
        if (m_rt.stack_overflowed()) [[unlikely]] {
            throw_stack_overflow();
            return true;
        }
        return false;
    }

    // Value-creating conveniences (OOM -> Exception).
    Value new_string(std::string_view ascii_or_utf8);
    Value atom_value(Atom a) { return m_rt.atom_to_value(a); }

    // The global lexical environment: script-level let/const/class bindings (a plain object
    // without prototype whose slots are the bindings; uninitialized = TDZ).
    Object* m_global_lexicals = nullptr;
    // Template objects are cached per site by the compiler's constant pool; nothing here.

    Context(Runtime& rt) : m_rt(rt) {}
    void visit_roots(EdgeVisitor&);

    Object* m_global_object = nullptr;
    Object* m_intrinsics[static_cast<size_t>(Intrinsic::Count)] = {};
    // The shape of a builtin function with %Function.prototype% and its "length" and "name" (a strong
    // reference, filled by the first one): later ones start from it instead of adding both keys.
    Shape* m_native_function_shape = nullptr;
    bool m_released = false;
    struct Baseline* m_baseline = nullptr; // the realm's built-in cells at creation (snapshot/Baseline.h)
    void* m_embedder = nullptr;            // the API layer's record of this realm (JSContext)
    // The API layer's class prototypes (JS_SetClassProto) keyed by class name: a plain object without
    // prototype, created on first use. A root, so snapshots keep it (class ids differ between processes).
    Object* m_host_class_protos = nullptr;

  private:
    Runtime& m_rt;
};

} // namespace qjs
