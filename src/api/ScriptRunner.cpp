#include "api/ScriptRunner.h"

#include "bytecode/Compiler.h"
#include "bytecode/FunctionBytecode.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "vm/FunctionObject.h"

namespace qjs {

Value run_script_source(Context& ctx, std::string_view source, std::string_view filename, bool strict) {
    Atom file = ctx.rt().intern_utf16(nullptr, 0);
    std::string name(filename);
    file = ctx.rt().intern_ascii(name);
    FunctionBytecode* fb = TRY(compile_script(ctx, source.data(), source.size(), file, strict));
    Value closure = new_closure(ctx, fb, nullptr);
    fb->unref();
    if (closure.is_exception()) return Exception{};
    return call(ctx, closure, Value::object(ctx.global_object()), {});
}

} // namespace qjs
