// FunctionConstructor.cpp: the Function constructor (ECMA-262 20.2.1) and CreateDynamicFunction
// (20.2.1.1.1), which builds the source text and hands it to the compiler.
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

namespace qjs {

bool install_function_prototype(Context&, Object* proto); // FunctionPrototype.cpp

enum class DynamicFunctionKind : uint8_t { Normal, Generator, Async, AsyncGenerator };

// 20.2.1.1.1 CreateDynamicFunction ( constructor, newTarget, kind, parameterArgs, bodyArg )
// (#sec-createdynamicfunction)
static Value create_dynamic_function(Context& ctx, const CallArgs& args, DynamicFunctionKind kind) {
    // 1. If newTarget is undefined, set newTarget to constructor.
    // 2-5. Let prefix be "function", "function*", "async function" or "async function*" by kind.
    static const char* const kPrefixes[] = {"function", "function*", "async function", "async function*"};
    const char* prefix = kPrefixes[static_cast<int>(kind)];
    // 6. Let argCount be the number of elements in parameterArgs.
    size_t arg_count = args.count() > 0 ? args.count() - 1 : 0;
    // 7. Let parameterStrings be a new empty List.
    // 8. For each element arg of parameterArgs, append ? ToString(arg) to parameterStrings.
    // 9. Let bodyString be ? ToString(bodyArg).
    // 10-13. P is the parameter strings joined by ","; bodyParseString is LF + bodyString + LF;
    //        sourceString is prefix + " anonymous(" + P + LF + ") {" + bodyParseString + "}".
    StringBuilder source(ctx.rt());
    source.append_ascii(prefix);
    source.append_ascii(" anonymous(");
    for (size_t i = 0; i < arg_count; i++) {
        Value param = TRY(to_string(ctx, args.args[i]));
        if (i > 0) source.append(u',');
        source.append(param.as_string());
    }
    Value body =
        args.count() > 0 ? TRY(to_string(ctx, args.args[arg_count])) : ctx.atom_value(atoms::empty_string);
    source.append_ascii("\n) {\n");
    source.append(body.as_string());
    source.append_ascii("\n}");
    String* source_string = source.finish();
    if (!source_string) return ctx.throw_out_of_memory();
    Value source_value = Value::adopt(Tag::String, source_string);
    // 14-30. Parse sourceString (parameters and body checked separately as well), and create the function
    //        object with the prototype from newTarget (GetPrototypeFromConstructor with the kind's fallback),
    //        in the global environment, with "anonymous" as its name.
    // TODO(Function constructor): call the compiler's dynamic-function entry point (bytecode/Compiler.h on
    // the compiler branch) once it exists.
    (void)source_value;
    return ctx.throw_error(ErrorType::InternalError, "TODO(Function constructor)");
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
