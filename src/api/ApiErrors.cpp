// ApiErrors.cpp: quickjs.h exceptions. The pending exception is the runtime's (Runtime::m_exception);
// an uncatchable one (interrupt, out of memory while throwing) stays uncatchable for script code
// but JS_GetException still hands it to the embedder.
#include "api/ApiInternal.h"

#include <cstdarg>
#include <cstdio>

using namespace qjs;
using namespace qjs::api;

JSValue JS_Throw(JSContext* c, JSValue obj) {
    Context& ctx = enter(c);
    ctx.throw_value(take(obj));
    return JS_EXCEPTION;
}

JSValue JS_GetException(JSContext* c) {
    Runtime& rt = enter(c).rt();
    if (!rt.has_exception()) return JS_NULL;
    Value ex = rt.take_exception();
    // An out-of-memory error raised when no error object could be made is pending as null.
    return give(std::move(ex));
}

JS_BOOL JS_HasException(JSContext* c) {
    return enter(c).rt().has_exception();
}

void JS_ResetUncatchableError(JSContext* c) {
    enter(c).rt().m_uncatchable = false;
}

JS_BOOL JS_IsError(JSContext* c, JSValueConst val) {
    enter(c);
    Object* o = object_of(val);
    return o && o->class_id() == ClassId::Error;
}

JSValue JS_NewError(JSContext* c) {
    Context& ctx = enter(c);
    return give(ctx.make_error(ErrorType::Error, Value()));
}

static JSValue throw_formatted(JSContext* c, ErrorType type, const char* fmt, va_list ap) {
    Context& ctx = enter(c);
    char buf[1024];
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    ctx.throw_error(type, "%s", buf);
    return JS_EXCEPTION;
}

#define QJS_API_THROWER(name, type)                                                                          \
    JSValue name(JSContext* c, const char* fmt, ...) {                                                       \
        va_list ap;                                                                                          \
        va_start(ap, fmt);                                                                                   \
        JSValue r = throw_formatted(c, ErrorType::type, fmt, ap);                                            \
        va_end(ap);                                                                                          \
        return r;                                                                                            \
    }
QJS_API_THROWER(JS_ThrowSyntaxError, SyntaxError)
QJS_API_THROWER(JS_ThrowTypeError, TypeError)
QJS_API_THROWER(JS_ThrowReferenceError, ReferenceError)
QJS_API_THROWER(JS_ThrowRangeError, RangeError)
QJS_API_THROWER(JS_ThrowInternalError, InternalError)
#undef QJS_API_THROWER

JSValue JS_ThrowOutOfMemory(JSContext* c) {
    enter(c).throw_out_of_memory();
    return JS_EXCEPTION;
}
