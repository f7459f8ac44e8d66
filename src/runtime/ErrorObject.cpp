// ErrorObject.cpp: see ErrorObject.h.
#include "runtime/ErrorObject.h"

#include "gc/Visitor.h"
#include "vm/Backtrace.h"

namespace qjs {

static void visit_error(Object* o, EdgeVisitor& v) {
    v.visit_value(static_cast<ErrorObject*>(o)->m_stack);
}
static void clear_error(Object* o) {
    static_cast<ErrorObject*>(o)->m_stack = Value();
}

ErrorObject* new_error_object(Context& ctx, Object* proto) {
    // Registered on first use: errors can be made before any builtin installer has run.
    static bool registered = false;
    if (!registered) {
        register_class_hooks(ClassId::Error, ClassHooks{visit_error, clear_error, nullptr, nullptr});
        registered = true;
    }
    return Object::create_as<ErrorObject>(ctx, proto, ClassId::Error);
}

bool capture_error_stack(Context& ctx, Object* e) {
    Value stack = capture_stack_trace(ctx);
    if (stack.is_exception()) return false;
    static_cast<ErrorObject*>(e)->m_stack = std::move(stack);
    return true;
}

} // namespace qjs
