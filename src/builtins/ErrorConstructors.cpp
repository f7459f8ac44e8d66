// ErrorConstructors.cpp: the Error constructor (ECMA-262 20.5.1), the NativeError constructors
// (20.5.6: EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError), AggregateError
// (20.5.7), SuppressedError (explicit resource management) and QuickJS's InternalError, which is built
// like a NativeError.
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/ErrorObject.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "vm/Backtrace.h"

namespace qjs {

bool install_error_prototype(Context&, Object* proto);                          // ErrorPrototype.cpp
bool install_native_error_prototype(Context&, Object* proto, const char* name); // ErrorPrototype.cpp

namespace {

struct ErrorInfo {
    const char* name;
    Intrinsic prototype;
    Intrinsic constructor;
    uint8_t length;
};

#define QJS_ERROR_TYPES(X)                                                                                   \
    X(Error, 1)                                                                                              \
    X(EvalError, 1)                                                                                          \
    X(RangeError, 1)                                                                                         \
    X(ReferenceError, 1)                                                                                     \
    X(SyntaxError, 1)                                                                                        \
    X(TypeError, 1)                                                                                          \
    X(URIError, 1)                                                                                           \
    X(AggregateError, 2)                                                                                     \
    X(SuppressedError, 3)                                                                                    \
    X(InternalError, 1)

// Indexed by ErrorType.
constexpr ErrorInfo kErrorInfo[] = {
#define X(name, length) {#name, Intrinsic::name##Prototype, Intrinsic::name, length},
    QJS_ERROR_TYPES(X)
#undef X
};

const ErrorInfo& error_info(ErrorType type) {
    return kErrorInfo[static_cast<int>(type)];
}

// 20.5.8.1 InstallErrorCause ( O, options ) (#sec-installerrorcause)
Result<void> install_error_cause(Context& ctx, Object* o, const Value& options) {
    // 1. If options is an Object and ? HasProperty(options, "cause") is true, then
    if (!options.is_object()) return {};
    if (!TRY(has_property(ctx, options.as_object(), atoms::cause))) return {};
    // a. Let cause be ? Get(options, "cause").
    Value cause = TRY(get(ctx, options.as_object(), atoms::cause));
    // b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "cause", cause).
    PropertyDescriptor desc = PropertyDescriptor::data(std::move(cause), prop::Writable | prop::Configurable);
    TRY(define_property_or_throw(ctx, o, atoms::cause, desc));
    // 2. Return UNUSED.
    return {};
}

enum class ErrorOptions : uint8_t { InstallCause, None };

// The steps Error, the NativeErrors, AggregateError and SuppressedError share: create the object from
// NewTarget, then install "message" (from args[message_index]) and, unless `options` is None, the cause
// (from args[message_index + 1]).
Value create_error_object(Context& ctx, const CallArgs& args, ErrorType type, size_t message_index,
                          ErrorOptions options = ErrorOptions::InstallCause) {
    // 1. If NewTarget is undefined, let newTarget be the active function object; else let newTarget be
    //    NewTarget.
    Value new_target = args.is_construct() ? args.new_target : Value::object(args.callee);
    // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%NativeError.prototype%", « [[ErrorData]] »).
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, new_target, ctx.intrinsic(error_info(type).prototype)));
    Object* o = new_error_object(ctx, proto);
    if (proto) proto->unref();
    if (!o) return Exception{};
    Value result = Value::adopt(Tag::Object, o);
    // 3. If message is not undefined, then
    const Value& message = args.arg(message_index);
    if (!message.is_undefined()) {
        // a. Let msg be ? ToString(message).
        Value msg = TRY(to_string(ctx, message));
        // b. Perform CreateNonEnumerableDataPropertyOrThrow(O, "message", msg).
        if (!define_fresh_property(ctx, o, atoms::message, std::move(msg),
                                   prop::Writable | prop::Configurable))
            return Exception{};
    }
    // 4. Perform ? InstallErrorCause(O, options).
    if (options == ErrorOptions::InstallCause) TRY(install_error_cause(ctx, o, args.arg(message_index + 1)));
    // 5. Return O.
    return result;
}

// The stack trace goes into the [[ErrorData]] slot (read by the Error.prototype.stack accessor).
bool install_error_stack(Context& ctx, Object* o) {
    return capture_error_stack(ctx, o);
}

// 20.5.1.1 Error ( message [ , options ] ) (#sec-error-message)
// 20.5.6.1.1 NativeError ( message [ , options ] ) (#sec-nativeerror)
template <ErrorType type> Value native_error_constructor(Context& ctx, const CallArgs& args) {
    Value o = TRY(create_error_object(ctx, args, type, 0));
    if (!install_error_stack(ctx, o.as_object())) return Exception{};
    return o;
}

// 20.5.7.1.1 AggregateError ( errors, message [ , options ] ) (#sec-aggregate-error)
Value aggregate_error_constructor(Context& ctx, const CallArgs& args) {
    // 1-4. As for the other errors, with message and options after errors.
    Value o = TRY(create_error_object(ctx, args, ErrorType::AggregateError, 1));
    // 5. Let errorsList be ? IteratorToList(? GetIterator(errors, sync)).
    Vector<Value> errors_list = TRY(iterable_to_list(ctx, args.arg(0)));
    // 6. Perform ! DefinePropertyOrThrow(O, "errors", PropertyDescriptor { [[Configurable]]: true,
    //    [[Enumerable]]: false, [[Writable]]: true, [[Value]]: CreateArrayFromList(errorsList) }).
    Value errors = TRY(create_array_from_list(ctx, errors_list));
    PropertyDescriptor desc =
        PropertyDescriptor::data(std::move(errors), prop::Writable | prop::Configurable);
    TRY(define_property_or_throw(ctx, o.as_object(), atoms::errors, desc));
    if (!install_error_stack(ctx, o.as_object())) return Exception{};
    // 7. Return O.
    return o;
}

// SuppressedError ( error, suppressed, message ) (#sec-suppressederror)
Value suppressed_error_constructor(Context& ctx, const CallArgs& args) {
    // 1-3. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%SuppressedError.prototype%"); if message is
    //      not undefined, define O.message as ? ToString(message). (No options argument.)
    Value o = TRY(create_error_object(ctx, args, ErrorType::SuppressedError, 2, ErrorOptions::None));
    // 4. Perform CreateNonEnumerableDataPropertyOrThrow(O, "error", error).
    if (!define_fresh_property(ctx, o.as_object(), atoms::error, args.arg(0),
                               prop::Writable | prop::Configurable))
        return Exception{};
    // 5. Perform CreateNonEnumerableDataPropertyOrThrow(O, "suppressed", suppressed).
    if (!define_fresh_property(ctx, o.as_object(), atoms::suppressed, args.arg(1),
                               prop::Writable | prop::Configurable))
        return Exception{};
    if (!install_error_stack(ctx, o.as_object())) return Exception{};
    // 6. Return O.
    return o;
}

// 20.5.2.1 Error.isError ( arg ) (#sec-error.iserror)
Value error_is_error(Context&, const CallArgs& args) {
    // 1. If arg is not an Object, return false.
    // 2. If arg does not have an [[ErrorData]] internal slot, return false.
    // 3. Return true.
    const Value& arg = args.arg(0);
    return Value::boolean(arg.is_object() && arg.as_object()->class_id() == ClassId::Error);
}

// Error.captureStackTrace ( targetObject ) (V8 / QuickJS-ng extension, not in ECMA-262): defines the
// current stack as targetObject's own "stack" data property.
Value error_capture_stack_trace(Context& ctx, const CallArgs& args) {
    if (!args.arg(0).is_object())
        return ctx.throw_type_error("Error.captureStackTrace: argument is not an object");
    Value stack = TRY(capture_stack_trace(ctx));
    PropertyDescriptor desc = PropertyDescriptor::data(std::move(stack), prop::Writable | prop::Configurable);
    TRY(define_property_or_throw(ctx, args.arg(0).as_object(), atoms::stack, desc));
    return Value::undefined();
}

const FunctionListEntry kErrorStaticFunctions[] = {
    QJS_FUNC("captureStackTrace", 1, error_capture_stack_trace),
    QJS_FUNC("isError", 1, error_is_error),
};

NativeFn error_constructor_fn(ErrorType type) {
    switch (type) {
    case ErrorType::Error: return native_error_constructor<ErrorType::Error>;
    case ErrorType::EvalError: return native_error_constructor<ErrorType::EvalError>;
    case ErrorType::RangeError: return native_error_constructor<ErrorType::RangeError>;
    case ErrorType::ReferenceError: return native_error_constructor<ErrorType::ReferenceError>;
    case ErrorType::SyntaxError: return native_error_constructor<ErrorType::SyntaxError>;
    case ErrorType::TypeError: return native_error_constructor<ErrorType::TypeError>;
    case ErrorType::URIError: return native_error_constructor<ErrorType::URIError>;
    case ErrorType::AggregateError: return aggregate_error_constructor;
    case ErrorType::SuppressedError: return suppressed_error_constructor;
    case ErrorType::InternalError: return native_error_constructor<ErrorType::InternalError>;
    }
    VERIFY_NOT_REACHED();
}

// The prototype object of an error type: the one the core already made (so errors thrown while the
// realm was being set up share it), or a fresh ordinary object inheriting from `parent`.
Object* error_prototype_object(Context& ctx, ErrorType type, Object* parent) {
    Intrinsic id = error_info(type).prototype;
    if (Object* existing = ctx.intrinsic(id)) return existing;
    Value proto = new_object_with_proto(ctx, parent);
    if (proto.is_exception()) return nullptr;
    ctx.set_intrinsic(id, proto.as_object());
    return proto.as_object();
}

} // namespace

// 20.5.2 Properties of the Error Constructor (#sec-properties-of-the-error-constructor)
// 20.5.6.2 Properties of the NativeError Constructors (#sec-properties-of-the-nativeerror-constructors)
bool install_error(Context& ctx) {
    // %Error.prototype% is an ordinary object inheriting from %Object.prototype%.
    Object* error_proto =
        error_prototype_object(ctx, ErrorType::Error, ctx.intrinsic(Intrinsic::ObjectPrototype));
    if (!error_proto) return false;
    Object* error_ctor =
        define_builtin_constructor(ctx, native_error_constructor<ErrorType::Error>, "Error", 1, error_proto);
    if (!error_ctor) return false;
    ctx.set_intrinsic(Intrinsic::Error, error_ctor);
    if (!define_function_list(ctx, error_ctor, kErrorStaticFunctions)) return false;
    if (!install_error_prototype(ctx, error_proto)) return false;

    for (int i = static_cast<int>(ErrorType::EvalError); i <= static_cast<int>(ErrorType::InternalError);
         i++) {
        auto type = static_cast<ErrorType>(i);
        const ErrorInfo& info = error_info(type);
        // The [[Prototype]] of each NativeError prototype is %Error.prototype%.
        Object* proto = error_prototype_object(ctx, type, error_proto);
        if (!proto) return false;
        // The [[Prototype]] of each NativeError constructor is %Error%.
        Object* ctor = define_builtin_constructor(ctx, error_constructor_fn(type), info.name, info.length,
                                                  proto, error_ctor);
        if (!ctor) return false;
        ctx.set_intrinsic(info.constructor, ctor);
        if (!install_native_error_prototype(ctx, proto, info.name)) return false;
    }
    return true;
}

} // namespace qjs
