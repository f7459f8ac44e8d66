// 19.2.1 eval ( x ): the global eval function. Called directly from code, the interpreter performs a
// direct eval instead (vm/Calls.cpp direct_eval recognises this function object through
// Intrinsic::Eval); called any other way, it evaluates x as global code of its realm.
#include "builtins/Builtins.h"
#include "bytecode/Compiler.h"
#include "bytecode/FunctionBytecode.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"
#include "vm/FunctionObject.h"

namespace qjs {

// 19.2.1.1 PerformEval ( x, strictCaller, direct ) with direct = false (#sec-performeval)
static Value global_eval(Context& ctx, const CallArgs& args) {
    const Value& x = args.arg(0);
    // 2. If x is not a String, return x.
    if (!x.is_string()) return x;
    // Source text goes to the compiler as UTF-8 (lone surrogates become U+FFFD).
    std::string source = x.as_string()->to_wtf8();
    FunctionBytecode* fb = TRY(compile_eval(ctx, source.data(), source.size(), nullptr, false));
    Value closure = new_closure(ctx, fb, nullptr);
    fb->unref();
    if (closure.is_exception()) return Exception{};
    // Indirect eval code runs as global code: this is the global object.
    return call(ctx, closure, Value::object(ctx.global_object()), {});
}

bool install_eval(Context& ctx) {
    Value f = new_native_function(ctx, global_eval, atoms::eval, 1);
    if (f.is_exception()) return false;
    ctx.set_intrinsic(Intrinsic::Eval, f.as_object());
    return !put_own_data(ctx, ctx.global_object(), atoms::eval, f, prop::Writable | prop::Configurable).is_exception();
}

} // namespace qjs
