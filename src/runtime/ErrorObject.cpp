// ErrorObject.cpp: see ErrorObject.h.
#include "runtime/ErrorObject.h"

#include "gc/Visitor.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"
#include "vm/Backtrace.h"

namespace qjs {

static void visit_error(Object* o, EdgeVisitor& v) {
    v.visit_value(static_cast<ErrorObject*>(o)->m_stack);
}
static void clear_error(Object* o) {
    static_cast<ErrorObject*>(o)->m_stack = Value();
}

static bool write_error(Object* o, HeapWriter& w) {
    w.value(static_cast<ErrorObject*>(o)->m_stack);
    return true;
}
static bool read_error(Object* o, HeapReader& r) {
    Value& stack = static_cast<ErrorObject*>(o)->m_stack;
    if (!r.value(&stack)) return false;
    return stack.is_undefined() || stack.is_string() || r.fail("error stack is not a string");
}
static const ClassSnapshotHooks kErrorSnapshot = {
    sizeof(ErrorObject), 0, nullptr, construct_payload<ErrorObject>, write_error, read_error, nullptr,
};

void register_error_class() {
    register_class_hooks(ClassId::Error,
                         ClassHooks{visit_error, clear_error, nullptr, nullptr, &kErrorSnapshot});
}

ErrorObject* new_error_object(Context& ctx, Object* proto) {
    // Registered on first use too: errors can be made before any realm exists.
    static bool registered = false;
    if (!registered) {
        register_error_class();
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
