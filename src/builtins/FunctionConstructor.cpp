// FunctionConstructor.cpp: the Function constructor (ECMA-262 20.2.1) and CreateDynamicFunction
// (20.2.1.1.1), which builds the source text and hands it to the compiler.
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

#include <string>

// TODO(Function constructor): drop these guards once the compiler and vm stages are merged into main.
#if __has_include("bytecode/Compiler.h") && __has_include("vm/FunctionObject.h") &&                          \
                                                          __has_include("parser/Parser.h")
#define QJS_HAVE_DYNAMIC_FUNCTIONS 1
#include "bytecode/Compiler.h"
#include "bytecode/FunctionBytecode.h"
#include "parser/Parser.h"
#include "vm/FunctionObject.h"
#endif

namespace qjs {

bool install_function_prototype(Context&, Object* proto); // FunctionPrototype.cpp

#ifndef QJS_HAVE_DYNAMIC_FUNCTIONS
enum class DynamicFunctionKind : uint8_t { Normal, Generator, Async, AsyncGenerator };
#endif

// 20.2.1.1.1 CreateDynamicFunction ( constructor, newTarget, kind, parameterArgs, bodyArg )
// (#sec-createdynamicfunction). `args` are the constructor's arguments (parameters..., body); also
// used by the GeneratorFunction / AsyncFunction / AsyncGeneratorFunction constructors.
Value create_dynamic_function(Context& ctx, const CallArgs& args, DynamicFunctionKind kind) {
    // 1. If newTarget is undefined, set newTarget to constructor.
    Value new_target = args.is_construct() ? args.new_target : Value::object(args.callee);
    // 2-5. The fallback prototype by kind (the prefix is the compiler's business).
    Intrinsic fallback = Intrinsic::FunctionPrototype;
    switch (kind) {
    case DynamicFunctionKind::Normal: fallback = Intrinsic::FunctionPrototype; break;
    case DynamicFunctionKind::Generator: fallback = Intrinsic::GeneratorFunctionPrototype; break;
    case DynamicFunctionKind::Async: fallback = Intrinsic::AsyncFunctionPrototype; break;
    case DynamicFunctionKind::AsyncGenerator: fallback = Intrinsic::AsyncGeneratorFunctionPrototype; break;
    }
    // 6. Let argCount be the number of elements in parameterArgs.
    size_t arg_count = args.count() > 0 ? args.count() - 1 : 0;
    // 7-8. Let parameterStrings be the list of ? ToString(arg) for each arg of parameterArgs.
    // 10-11. P is the parameter strings joined with "," (the empty String if there are none).
    StringBuilder params(ctx.rt());
    for (size_t i = 0; i < arg_count; i++) {
        Value param = TRY(to_string(ctx, args.args[i]));
        if (i > 0) params.append(u',');
        params.append(param.as_string());
    }
    // 9. Let bodyString be ? ToString(bodyArg) (bodyArg defaults to the empty String).
    Value body =
        args.count() > 0 ? TRY(to_string(ctx, args.args[arg_count])) : ctx.atom_value(atoms::empty_string);
    String* params_string = params.finish();
    if (!params_string) return ctx.throw_out_of_memory();
    Value params_value = Value::adopt(Tag::String, params_string);
#ifdef QJS_HAVE_DYNAMIC_FUNCTIONS
    // 12-26. Build sourceString = prefix + " anonymous(" + P + LF + ") {" + LF + bodyString + LF + "}",
    //        parse it (and the parameters and body on their own), throwing a SyntaxError on failure.
    // The compiler takes UTF-8 (lone surrogates, which can't be valid source anyway, become U+FFFD).
    std::string params_utf8 = params_value.as_string()->to_wtf8();
    std::string body_utf8 = body.as_string()->to_wtf8();
    FunctionBytecode* fb = TRY(compile_dynamic_function(ctx, kind, params_utf8.data(), params_utf8.size(),
                                                        body_utf8.data(), body_utf8.size()));
    // 27. Let proto be ? GetPrototypeFromConstructor(newTarget, fallbackProto).
    Result<Object*> proto = get_prototype_from_constructor(ctx, new_target, ctx.intrinsic(fallback));
    if (proto.is_exception()) {
        fb->unref();
        return Exception{};
    }
    // 28-34. OrdinaryFunctionCreate(proto, sourceText, parameters, body, non-lexical-this, realm's global
    //        environment); SetFunctionName(F, "anonymous"); the "prototype" property by kind (MakeConstructor
    //        for normal functions, a fresh generator prototype for generators). new_closure does these
    //        from the bytecode's flags.
    Value f = new_closure(ctx, fb, nullptr, proto.value());
    if (proto.value()) proto.value()->unref();
    fb->unref();
    // 35. Return F.
    return f;
#else
    (void)new_target;
    (void)fallback;
    return ctx.throw_error(ErrorType::InternalError, "TODO(Function constructor)");
#endif
}

// 20.2.1.1 Function ( ...parameterArgs, bodyArg ) (#sec-function-p1-p2-pn-body)
static Value function_constructor(Context& ctx, const CallArgs& args) {
    // 1. Let C be the active function object.
    // 2. If bodyArg is not present, set bodyArg to the empty String.
    // 3. Return ? CreateDynamicFunction(C, NewTarget, normal, parameterArgs, bodyArg).
    return create_dynamic_function(ctx, args, DynamicFunctionKind::Normal);
}

// 20.2.2 Properties of the Function Constructor (#sec-properties-of-the-function-constructor)
bool install_function(Context& ctx) {
    Object* proto = ctx.intrinsic(Intrinsic::FunctionPrototype);
    // 20.2.2.2 Function.prototype: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }
    Object* ctor = define_builtin_constructor(ctx, function_constructor, "Function", 1, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::Function, ctor);
    return install_function_prototype(ctx, proto);
}

} // namespace qjs
