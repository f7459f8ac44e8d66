// GeneratorFunction.cpp: the %GeneratorFunction%, %AsyncGeneratorFunction% and %AsyncFunction%
// constructors (27.3.1, 27.4.1, 27.7.1), and the installer of the vm's builtin families.
#include "parser/Parser.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "vm/FunctionObject.h"

namespace qjs {

bool install_generator_prototypes(Context&); // GeneratorPrototype.cpp
bool install_async_prototypes(Context&);     // AsyncGeneratorPrototype.cpp

// CreateDynamicFunction (FunctionConstructor.cpp, builtins-obj).
Value create_dynamic_function(Context&, const CallArgs&, DynamicFunctionKind);

// 27.3.1.1 GeneratorFunction ( ...parameterArgs, bodyArg ), 27.4.1.1 AsyncGeneratorFunction, 27.7.1.1
// AsyncFunction: magic 0, 1, 2.
static Value dynamic_function_constructor(Context& ctx, const CallArgs& args) {
    // 1-3. Return ? CreateDynamicFunction(C, NewTarget, kind, parameterArgs, bodyArg).
    static const DynamicFunctionKind kinds[] = {DynamicFunctionKind::Generator, DynamicFunctionKind::AsyncGenerator,
                                                DynamicFunctionKind::Async};
    return create_dynamic_function(ctx, args, kinds[args.magic]);
}

// Creates constructor `name` for the function-kind prototype `fproto`:
// ctor.prototype = fproto (non-writable, non-configurable), fproto.constructor = ctor (configurable).
static bool install_kind_constructor(Context& ctx, const char* name, Intrinsic fproto_id, Intrinsic ctor_id,
                                     int16_t magic) {
    Object* fproto = ctx.intrinsic(fproto_id);
    Atom atom = ctx.rt().intern_ascii(name);
    if (!atom) return false;
    Value ctor = new_native_function(ctx, dynamic_function_constructor, atom, 1, magic, 0, true,
                                     ctx.intrinsic(Intrinsic::Function));
    if (ctor.is_exception()) return false;
    Object* c = ctor.as_object();
    ctx.set_intrinsic(ctor_id, c);
    if (!define_fresh_property(ctx, c, atoms::prototype, Value::object(fproto), 0)) return false;
    return define_fresh_property(ctx, fproto, atoms::constructor, ctor, prop::Configurable);
}

bool install_generator(Context& ctx) {
    vm_init();
    if (!install_generator_prototypes(ctx) || !install_async_prototypes(ctx)) return false;
    return install_kind_constructor(ctx, "GeneratorFunction", Intrinsic::GeneratorFunctionPrototype,
                                    Intrinsic::GeneratorFunction, 0) &&
           install_kind_constructor(ctx, "AsyncGeneratorFunction", Intrinsic::AsyncGeneratorFunctionPrototype,
                                    Intrinsic::AsyncGeneratorFunction, 1) &&
           install_kind_constructor(ctx, "AsyncFunction", Intrinsic::AsyncFunctionPrototype,
                                    Intrinsic::AsyncFunction, 2);
}

} // namespace qjs
